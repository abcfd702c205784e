import type { Role } from '@shared/schemas/user.ts';
import type { Database } from '../db/database.ts';
import { insertGrant, insertUser } from '../db/users.ts';
import { hashPassword } from '../lib/passwords.ts';

/** Only ever created by a demo start (DEMO_DATA=1) into a database with no users. Listed in README.md. */
export const DEMO_PASSWORD = 'demo-losenord-2026';

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; unitKey: string }[] = [
  { email: 'admin@malbild.example', name: 'Alva Administratör', role: 'administratör', unitKey: 'region-vastmanland' },
  { email: 'controller@malbild.example', name: 'Cecilia Controller (HSF)', role: 'controller', unitKey: 'halso-och-sjukvardsforvaltningen' },
  { email: 'bup@malbild.example', name: 'Bo Rapportör (BUP)', role: 'rapportör', unitKey: 'bup' },
  {
    email: 'psykiatri@malbild.example',
    name: 'Petra Rapportör (Psykiatri, Medicin och Närsjukvård)',
    role: 'rapportör',
    unitKey: 'omrade-psykiatri-medicin-och-narsjukvard',
  },
  { email: 'namnd@malbild.example', name: 'Nils Ledamot (nämnd)', role: 'läsare', unitKey: 'region-vastmanland' },
];

export async function createDemoAccounts(db: Database): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if ((row?.n ?? 0) > 0) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const account of DEMO_ACCOUNTS) {
      const [unit] = await tx.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'unit' AND data->>'key' = $1 AND NOT deleted`, [account.unitKey]);
      if (!unit) throw new Error(`The demo unit ${account.unitKey} is missing`);
      const userId = await insertUser(tx, { name: account.name, email: account.email, passwordHash });
      await insertGrant(tx, userId, { unitId: unit.id, role: account.role, includeSubunits: true });
    }
  });
  return DEMO_ACCOUNTS.length;
}
