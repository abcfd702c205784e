import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/fixtures/testDb.ts';
import { createSession, readSession } from '../lib/session.ts';
import type { Database } from './database.ts';
import { removeExpired } from './expired.ts';
import { countAttempt } from './signInAttempts.ts';
import { insertUser } from './users.ts';

let db: Database;
beforeAll(async () => (db = await openTestDatabase()));
afterAll(() => db.close());

it('removes expired sessions, spent sign-in counts and abandoned provider sign-ins, and keeps what still counts', async () => {
  const userId = await insertUser(db, { name: 'Städ Test', email: `${randomUUID()}@malbild.test`, passwordHash: 'x' });
  const expired = await createSession(db, userId);
  await db.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [userId]);
  const valid = await createSession(db, userId);
  await countAttempt(db, '192.0.2.1', 60);
  await db.query(`INSERT INTO sign_in_attempts (address, at) VALUES ('192.0.2.1', now() - interval '2 minutes')`);
  await db.query(`INSERT INTO login_failures (email, address, at) VALUES ('a@b.se', '192.0.2.1', now() - interval '20 minutes'), ('a@b.se', '192.0.2.1', now())`);

  await db.query(`INSERT INTO oidc_sign_ins (state_hash, code_verifier, nonce, return_path, expires_at) VALUES ('gammal', 'v', 'n', '/', now() - interval '1 minute'), ('pågående', 'v', 'n', '/', now() + interval '9 minutes')`);

  const removed = await removeExpired(db, { attemptSeconds: 60, failureMinutes: 15 });
  expect(removed).toEqual({ sessions: 1, signInAttempts: 1, loginFailures: 1, oidcSignIns: 1 });
  expect((await db.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [userId]))[0]).toEqual({ n: 1 });
  expect(await readSession(db, valid)).not.toBeNull();
  expect(await readSession(db, expired)).toBeNull();
  expect(await countAttempt(db, '192.0.2.1', 60), 'the recent attempt still counts').toBe(2);
  expect((await removeExpired(db, { attemptSeconds: 60, failureMinutes: 15 })).sessions, 'twice is harmless').toBe(0);
});
