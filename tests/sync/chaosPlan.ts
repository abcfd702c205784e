import type { ImportPlanDocumentInput } from '@shared/schemas/planImport.ts';
import type { Role } from '@shared/schemas/user.ts';
import type { Database } from '../../server/db/database.ts';
import { insertGrant, insertUser } from '../../server/db/users.ts';
import { hashPassword } from '../../server/lib/passwords.ts';
import { importDocument } from '../fixtures/planDocument.ts';

/**
 * A förvaltning with two areas and two clinics under one of them, and a plan with activities,
 * indicators and goals on each level: few enough records that five people reporting at once keep
 * running into each other.
 */
const UNITS = [
  { key: 'kaos-region', name: 'Region Kaos', parent: null, kind: 'region' },
  { key: 'kaos-hsf', name: 'Hälso- och sjukvårdsförvaltningen', parent: 'kaos-region', kind: 'forvaltning' },
  { key: 'kaos-psyk', name: 'Område Psykiatri', parent: 'kaos-hsf', kind: 'omrade' },
  { key: 'kaos-bup', name: 'Barn- och ungdomspsykiatri', parent: 'kaos-psyk', kind: 'verksamhet' },
  { key: 'kaos-vuxen', name: 'Vuxenpsykiatri', parent: 'kaos-psyk', kind: 'verksamhet' },
  { key: 'kaos-akut', name: 'Område Akutsjukvård', parent: 'kaos-hsf', kind: 'omrade' },
] as const;
const RECORDS_PER_UNIT: Record<string, { activities: number; indicators: number; goals: number }> = {
  'kaos-hsf': { activities: 3, indicators: 2, goals: 2 },
  'kaos-psyk': { activities: 3, indicators: 2, goals: 1 },
  'kaos-bup': { activities: 5, indicators: 3, goals: 2 },
  'kaos-vuxen': { activities: 5, indicators: 3, goals: 2 },
  'kaos-akut': { activities: 3, indicators: 2, goals: 1 },
};

export function chaosPlanDocument(): ImportPlanDocumentInput {
  const goals = Object.entries(RECORDS_PER_UNIT).flatMap(([unit, n]) =>
    Array.from({ length: n.goals }, (_, i) => ({ key: `${unit}-mal-${i + 1}`, title: `Mål ${i + 1} för ${unit}`, level: 'förvaltningsmål' as const, perspective: 'invanare', unit, order: i })),
  );
  return {
    units: UNITS.map((u) => ({ ...u })),
    plan: { key: 'kaos-plan', name: 'Förvaltningsplan 2025–2027 (kaostest)', unit: 'kaos-hsf', startYear: 2025, endYear: 2027, state: 'adopted', assessmentScale: 'trend' },
    perspectives: [{ key: 'invanare', name: 'Invånare/kund', order: 1 }],
    focusAreas: [{ key: 'tillganglig-vard', name: 'Tillgänglig, säker och effektiv vård', order: 1 }],
    assignments: [],
    goals,
    indicators: Object.entries(RECORDS_PER_UNIT).flatMap(([unit, n]) =>
      Array.from({ length: n.indicators }, (_, i) => ({
        key: `${unit}-ind-${i + 1}`,
        name: `Indikator ${i + 1} för ${unit}`,
        goals: [`${unit}-mal-1`],
        unit,
        measure: i % 2 === 0 ? ('%' as const) : ('antal' as const),
        direction: 'higher' as const,
        target: i % 2 === 0 ? '85 %' : 'Öka',
        frequencies: ['månad' as const],
        order: i,
      })),
    ),
    outcomes: [],
    goalAssessments: [],
    activities: Object.entries(RECORDS_PER_UNIT).flatMap(([unit, n]) =>
      Array.from({ length: n.activities }, (_, i) => ({
        key: `${unit}-akt-${i + 1}`,
        number: `${i + 1}`,
        title: `Aktivitet ${i + 1} för ${unit}`,
        focusArea: 'tillganglig-vard',
        goals: [`${unit}-mal-1`],
        unit,
        status: 'Enligt plan' as const,
        order: i,
      })),
    ),
  };
}

/** Five rapportörer whose write scopes overlap: two on BUP, one on the area above it and its sister clinic, one on that clinic, one on the whole förvaltning. */
export const CHAOS_PEOPLE: { email: string; name: string; role: Role; unitKey: string }[] = [
  { email: 'petra@kaos.example', name: 'Petra (Psykiatri)', role: 'rapportör', unitKey: 'kaos-psyk' },
  { email: 'bo@kaos.example', name: 'Bo (BUP)', role: 'rapportör', unitKey: 'kaos-bup' },
  { email: 'berit@kaos.example', name: 'Berit (BUP)', role: 'rapportör', unitKey: 'kaos-bup' },
  { email: 'vera@kaos.example', name: 'Vera (Vuxenpsykiatri)', role: 'rapportör', unitKey: 'kaos-vuxen' },
  { email: 'hugo@kaos.example', name: 'Hugo (HSF)', role: 'rapportör', unitKey: 'kaos-hsf' },
];
export const CHAOS_PASSWORD = 'kaos-losenord-2026';

/** Imports the plan and creates the people (they sign in over HTTP later, as anyone would). */
export async function seedChaosData(db: Database, people = CHAOS_PEOPLE): Promise<void> {
  await importDocument(db, chaosPlanDocument());
  const passwordHash = await hashPassword(CHAOS_PASSWORD);
  for (const person of people) {
    const [unit] = await db.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'unit' AND data->>'key' = $1`, [person.unitKey]);
    const userId = await insertUser(db, { name: person.name, email: person.email, passwordHash });
    await insertGrant(db, userId, { unitId: unit!.id, role: person.role, includeSubunits: true });
  }
}
