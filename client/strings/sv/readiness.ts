import { count, pick } from '../plural.ts';

const UNIT = { one: 'enhet', other: 'enheter' };
const DAY = { one: 'dag', other: 'dagar' };

/** Klar för rapport: a unit's own word, and the controller's view of who is done. */
export const readiness = {
  heading: 'Rapportläge',
  title: (plan: string) => `Rapportläge – ${plan}`,
  intro: 'Vad varje enhet har rapporterat för tillfället och om den har markerat sin del som klar. Räknat på det som finns på enheten.',
  point: 'Rapporteringstillfälle',
  show: 'Visa',
  all: 'Alla enheter',
  notReady: 'Inte klara',
  owing: 'Saknar något',
  unit: 'Enhet',
  activities: 'Aktiviteter med status',
  outcomes: 'Utfall inlagda',
  goals: 'Mål bedömda',
  ready: 'Klar för rapport',
  of: (done: number, total: number) => `${done} av ${total}`,
  readyBy: (who: string, when: string) => `Klar (${who}, ${when})`,
  notYet: 'Inte klar',
  summary: (ready: number, total: number) => `${ready} av ${count(total, UNIT)} ${pick(ready, { one: 'klar', other: 'klara' })}`,
  owingCount: (n: number) => `${count(n, UNIT)} saknar något`,
  showMissing: (unit: string) => `Visa vad som saknas för ${unit}`,
  missingActivities: 'Aktiviteter utan status',
  missingOutcomes: 'Utfall som saknas',
  missingGoals: 'Mål som inte är bedömda',
  nothingMissing: 'Inget saknas.',
  noUnits: 'Ingen enhet har något att rapportera i planen.',
  noneShown: 'Ingen enhet matchar urvalet.',
  closed: (when: string, who: string) => `Stängd ${when} av ${who}.`,
  deadline: (date: string) => `Sista dag ${date}`,
  daysLeft: (n: number) => (n > 0 ? `${count(n, DAY)} kvar` : n === 0 ? 'Sista dagen i dag' : `${count(-n, DAY)} sent`),
  link: 'Rapportläge',
  mine: {
    heading: (point: string) => `Att rapportera för ${point}`,
    counts: { activities: (n: string) => `Aktiviteter med status: ${n}`, outcomes: (n: string) => `Utfall: ${n}`, goals: (n: string) => `Mål bedömda: ${n}` },
    mark: 'Markera som klar för rapport',
    withdraw: 'Ångra klar för rapport',
    markedBy: (who: string, when: string) => `Markerad som klar av ${who} ${when}.`,
    stillMissing: 'Det saknas fortfarande uppgifter – du kan ändå markera delen som klar om resten inte ska rapporteras.',
    pending: 'Sparat på enheten, skickas när det finns nät.',
  },
};
