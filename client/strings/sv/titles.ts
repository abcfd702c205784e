/**
 * Each screen's name in the document title, by route name: what tabs, history and screen readers say.
 * A screen that shows one record (an activity, a goal, an indicator) puts the record's name first.
 */
export const titles = {
  /** "Översikt – Förvaltningsplan 2025–2027 – Målbild" */
  join: (parts: readonly string[]) => parts.join(' – '),
  screens: {
    home: 'Start',
    login: 'Logga in',
    accessibility: 'Tillgänglighetsredogörelse',
    changes: 'Ändringar på enheten',
    goals: 'Mål',
    goal: 'Mål',
    activities: 'Aktiviteter',
    activity: 'Aktivitet',
    assignments: 'Uppdrag',
    tasks: 'Mina uppgifter',
    overview: 'Översikt',
    delayed: 'Försenat',
    search: 'Sök',
    report: 'Delårsrapport',
    meetings: 'Dialogmöten',
    meeting: 'Dialogmöte',
    readiness: 'Rapportläge',
    indicator: 'Indikator',
    account: 'Mitt konto',
    'admin-plans': 'Planer',
    'admin-plan-periods': 'Rapportering och stängning',
    'admin-plan-kolada': 'Kolada',
    'admin-users': 'Användare',
    'admin-units': 'Enheter',
    'admin-audit': 'Logg',
    'not-found': 'Sidan finns inte',
  } as Record<string, string | undefined>,
};
