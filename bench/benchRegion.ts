import { insertGrant, insertUser } from '../server/db/users.ts';
import { hashPassword } from '../server/lib/passwords.ts';
import { importLargeRegion, type RegionSize } from '../server/demo/largeRegion.ts';
import type { ServerDatabase } from '../tests/fixtures/serverDatabase.ts';

export const BENCH_PASSWORD = 'matning-losenord-2026';
/** Läsare on the whole region: the committee member whose tablet holds everything. */
export const NAMND = 'namnd@matning.example';
/** Rapportör on one förvaltning and its verksamheter. */
export const RAPPORTOR = 'rapportor@matning.example';

/** The large region imported into `database`, and the bench's two people given their rights on it. */
export async function seedBenchRegion(database: ServerDatabase, size: RegionSize, log: (line: string) => void) {
  const db = await database.open();
  try {
    const importStarted = performance.now();
    const { records } = await importLargeRegion(db, size, (done, total) => log(`  imported plan ${done}/${total}`));
    const importMs = performance.now() - importStarted;
    const counts = Object.fromEntries((await db.query<{ entity: string; n: number }>(`SELECT entity, count(*)::int AS n FROM records WHERE NOT deleted GROUP BY entity ORDER BY 2 DESC`)).map((r) => [r.entity, r.n]));
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    for (const [email, role, unitKey] of [[NAMND, 'läsare', 'region-stor'], [RAPPORTOR, 'rapportör', 'forv-01']] as const) {
      const [unit] = await db.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'unit' AND data->>'key' = $1`, [unitKey]);
      const userId = await insertUser(db, { name: email.split('@')[0]!, email, passwordHash });
      await insertGrant(db, userId, { unitId: unit!.id, role, includeSubunits: true });
    }
    log(`  ${records} records imported in ${Math.round(importMs)} ms`);
    return { importMs, counts, records };
  } finally {
    await db.close();
  }
}
