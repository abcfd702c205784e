import type { Queryable } from '../../db/database.ts';
import { verifyPassword } from '../passwords.ts';
import type { IdentityProvider } from './provider.ts';

export const passwordProvider: IdentityProvider = {
  id: 'password',
  async authenticate(db: Queryable, { email, secret }) {
    const [user] = await db.query<{ id: string; password_hash: string | null }>('SELECT id, password_hash FROM users WHERE email = $1 AND active', [email]);
    const ok = await verifyPassword(user?.password_hash ?? null, secret);
    return ok && user ? { userId: user.id } : null;
  },
};
