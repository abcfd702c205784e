import type { UnitReadiness } from '@shared/logic/unitReadiness.ts';

/** The reminders' Swedish: plain, short, saying what is missing and where to go. */
const longDate = new Intl.DateTimeFormat('sv-SE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export const deadlineText = (date: string) => longDate.format(new Date(`${date}T12:00:00Z`));

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What one unit still owes, a line per kind. */
export function owedLines(unit: UnitReadiness): string[] {
  return [
    unit.activities.missing.length ? `- ${plural(unit.activities.missing.length, 'aktivitet', 'aktiviteter')} utan status` : null,
    unit.outcomes.missing.length ? `- ${plural(unit.outcomes.missing.length, 'utfall', 'utfall')} att lägga in` : null,
    unit.goals.missing.length ? `- ${plural(unit.goals.missing.length, 'mål', 'mål')} att bedöma` : null,
  ].filter((line): line is string => line !== null);
}

export const daysText = (days: number) => (days > 1 ? `om ${days} dagar` : days === 1 ? 'i morgon' : days === 0 ? 'i dag' : `för ${plural(-days, 'dag', 'dagar')} sedan`);

export const reminderWords = {
  greeting: (name: string) => `Hej ${name}!`,
  firstSubject: (point: string, deadline: string) => `Påminnelse: ${point} ska rapporteras senast ${deadline}`,
  missedSubject: (point: string) => `Sista dagen har passerat: ${point}`,
  digestSubject: (n: number) => `Veckans påminnelse: ${plural(n, 'rapportering väntar', 'rapporteringar väntar')}`,
  due: (point: string, plan: string, deadline: string, days: string) => `${point} i ${plan} ska vara rapporterad senast ${deadline} – ${days}.`,
  missed: (point: string, plan: string, deadline: string) => `Sista dagen för ${point} i ${plan} var ${deadline}, och det saknas fortfarande uppgifter.`,
  missing: 'Det här saknas:',
  open: (link: string) => `Öppna Mina uppgifter: ${link}`,
  markReady: 'När allt är inlagt markerar du enhetens del som klar för rapport under Mina uppgifter. Då slutar påminnelserna för den.',
  footer: (units: string) => `Det här är ett automatiskt meddelande från Målbild. Du får det för att du rapporterar för ${units}.`,
};
