import type { Assessment } from '../schemas/goal.ts';
import type { TargetStatus, Trend } from '../schemas/target.ts';

/**
 * The delårsrapport's own words, the same on the screen, in the PDF and in the spreadsheet: the report is
 * made on the device and on the server alike, so its headings live here rather than in the app's strings.
 */
export const REPORT_WORDS = {
  draft: 'Utkast',
  closed: (date: string, by: string) => `Fastställd version – perioden stängdes ${date} av ${by}`,
  version: (n: number, date: string) => `Version ${n}, ${date}`,
  fulfilment: 'Måluppfyllelse',
  fulfilmentCaption: 'Antal mål per bedömning',
  goals: 'Mål och indikatorer',
  activities: 'Aktiviteter',
  assignments: 'Uppdrag',
  narrative: 'Berättelse',
  figures: 'Tabell',
  koladaSource: 'Källa: Kolada',
  assessment: 'Bedömning',
  analysis: 'Analys',
  notAssessed: 'Ej bedömt',
  indicatorColumns: ['Indikator', 'Utfall föregående år', 'Mål', 'Utfall', 'Trend', 'Kommentar'],
  activityColumns: ['Nr', 'Aktivitet (T = ingår i tillgänglighetsplan)', 'Tidplan', 'Ansvarig', 'Status', 'Kommentar'],
  assignmentColumns: ['Uppdrag', 'Givet av', 'Riktas till', 'Status', 'Slutdatum'],
  perspective: 'Perspektiv',
  goal: 'Mål',
  focusArea: 'Insatsområde',
  count: 'Antal',
  noStatus: 'Ingen status',
  page: (n: number, of: number) => `Sida ${n} av ${of}`,
  meetings: 'Dialogmöten',
  meetingAbout: (point: string, date: string) => `Om ${point} · ${date}`,
  participants: 'Deltagare',
  medskick: 'Medskick till nivån ovan',
  followUps: 'Uppföljningspunkter',
  followUpColumns: ['Vad', 'Vem', 'Senast', 'Status'],
  /** A sheet of the meetings' notes, one row per note. */
  meetingColumns: ['Möte', 'Datum', 'Om', 'Slag', 'Rubrik', 'Text', 'Vem', 'Senast', 'Status'],
  noteKinds: { avsnitt: 'Avsnitt', medskick: 'Medskick', uppföljning: 'Uppföljningspunkt' },
  assessments: {
    positiv: 'Positiv',
    oförändrad: 'Oförändrad',
    negativ: 'Negativ',
    uppfyllt: 'Uppfyllt',
    'delvis uppfyllt': 'Delvis uppfyllt',
    'ej uppfyllt': 'Ej uppfyllt',
    none: 'Ej bedömt',
  } satisfies Record<Assessment | 'none', string>,
  trends: { positiv: 'Positiv', neutral: 'Oförändrad', negativ: 'Negativ' } satisfies Record<Trend, string>,
  targetStatuses: { met: 'Uppfyllt', close: 'Nära målet', notMet: 'Ej uppfyllt', noData: 'Inget utfall' } satisfies Record<TargetStatus, string>,
} as const;
