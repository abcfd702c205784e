import type { Role } from '@shared/schemas/user.ts';
import type { Database } from '../db/database.ts';
import { insertGrant, insertUser } from '../db/users.ts';
import { hashPassword } from '../lib/passwords.ts';
import { regionUnits, type RegionSize } from './largeRegion.ts';

/** The password of every account `npm run seed:large` makes (README.md lists it). */
export const REGION_PASSWORD = 'region-losenord-2026';

interface RegionAccount {
  email: string;
  name: string;
  role: Role;
  unitKey: string;
}

/**
 * The people of the large region, deterministic like its plans: five rapportörer on every verksamhet,
 * four on every förvaltning (their grant reaches its verksamheter), ten nämnd members reading the whole
 * region and one administratör: 501 accounts for the default size.
 */
export function regionAccounts(size: RegionSize): RegionAccount[] {
  const accounts: RegionAccount[] = [{ email: 'admin@storland.example', name: 'Administratör Storland', role: 'administratör', unitKey: 'region-stor' }];
  for (let n = 1; n <= 10; n++) accounts.push({ email: `namnd-${n}@storland.example`, name: `Ledamot ${n}`, role: 'läsare', unitKey: 'region-stor' });
  for (const unit of regionUnits(size)) {
    const per = unit.kind === 'verksamhet' ? 5 : unit.kind === 'forvaltning' ? 4 : 0;
    for (let n = 1; n <= per; n++) accounts.push({ email: `${unit.key}-${n}@storland.example`, name: `Rapportör ${n}, ${unit.name}`, role: 'rapportör', unitKey: unit.key });
  }
  return accounts;
}

/** Creates the region's accounts with their grants, all with `REGION_PASSWORD` (hashed once). */
export async function createRegionAccounts(db: Database, size: RegionSize): Promise<number> {
  const passwordHash = await hashPassword(REGION_PASSWORD);
  const accounts = regionAccounts(size);
  const units = new Map(
    (await db.query<{ id: string; key: string }>(`SELECT id, data->>'key' AS key FROM records WHERE entity = 'unit' AND NOT deleted`)).map((row) => [row.key, row.id]),
  );
  await db.transaction(async (tx) => {
    for (const account of accounts) {
      const unitId = units.get(account.unitKey);
      if (!unitId) throw new Error(`The region's unit ${account.unitKey} is missing`);
      const userId = await insertUser(tx, { name: account.name, email: account.email, passwordHash });
      await insertGrant(tx, userId, { unitId, role: account.role, includeSubunits: true });
    }
  });
  return accounts.length;
}
