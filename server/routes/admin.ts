import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { AuditQuerySchema } from '@shared/schemas/audit.ts';
import type { MailStatus } from '@shared/schemas/mailStatus.ts';
import { CreateUnitSchema, UpdateUnitSchema } from '@shared/schemas/unit.ts';
import { CreateGrantSchema, CreateUserSchema, SetPasswordSchema, UpdateUserSchema, type Lockout } from '@shared/schemas/user.ts';
import { listAudit } from '../db/auditLog.ts';
import { mailQueueCounts } from '../db/mailQueue.ts';
import { getRecord, putRecords } from '../db/records.ts';
import { countAdmins, deleteGrant, emailTaken, externalIdTaken, getUser, insertGrant, insertUser, listUsers, setPasswordHash, updateUser } from '../db/users.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { audit } from '../lib/audit.ts';
import { accessOf, authorize } from '../lib/authorize.ts';
import { fail, notFound } from '../lib/errors.ts';
import { hashPassword } from '../lib/passwords.ts';
import { clearFailures, currentLockouts } from '../lib/loginThrottle.ts';
import { endAllSessions } from '../lib/session.ts';
import { validate } from '../lib/validate.ts';
import { IdParamSchema } from './params.ts';

const doc = (summary: string) => describeRoute({ summary, tags: ['administration'], responses: { 200: { description: 'OK' }, 403: { description: 'Kräver administratör' } } });


/** A unit key readable in exports, unique enough among siblings; units are found by id everywhere else. */
const unitKey = (name: string) =>
  `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80) || 'enhet'}-${randomUUID().slice(0, 8)}`;

export const adminRoutes = new Hono<AppEnv>()
  .get('/users', doc('All users with their grants'), authorize('admin'), async (c) => c.json({ users: await listUsers(c.var.db) }, 200))
  .post('/users', doc('Create a user with an initial password'), authorize('admin'), validate('json', CreateUserSchema), async (c) => {
    const input = c.req.valid('json');
    const passwordHash = await hashPassword(input.password);
    const id = await c.var.db.transaction(async (tx) => {
      if (await emailTaken(tx, input.email)) return fail(409, 'email_taken', 'Det finns redan en användare med den e-postadressen.');
      const userId = await insertUser(tx, { name: input.name, email: input.email, passwordHash });
      await audit(tx, c, { action: 'user.create', entity: 'user', recordId: userId, detail: { email: input.email } });
      return userId;
    });
    return c.json({ user: (await getUser(c.var.db, id))! }, 201);
  })
  .patch('/users/:id', doc('Rename, deactivate or reactivate a user, or set their identity at the region’s identity provider'), authorize('admin'), validate('param', IdParamSchema), validate('json', UpdateUserSchema), async (c) => {
    const { id } = c.req.valid('param');
    const changes = c.req.valid('json');
    if (changes.active === false && id === accessOf(c).user.id) return fail(400, 'own_account', 'Du kan inte inaktivera ditt eget konto.');
    await c.var.db.transaction(async (tx) => {
      if (!(await getUser(tx, id))) return notFound('Användaren');
      if (changes.externalId && (await externalIdTaken(tx, changes.externalId, id))) return fail(409, 'external_id_taken', 'En annan användare har redan det inloggnings-id:t.');
      await updateUser(tx, id, changes);
      if ((await countAdmins(tx)) === 0) return fail(400, 'last_admin', 'Det måste finnas minst en aktiv administratör.');
      // Deactivation ends every session at once, not when the cookie happens to expire.
      if (changes.active === false) await endAllSessions(tx, id);
      await audit(tx, c, { action: changes.active === false ? 'user.deactivate' : 'user.update', entity: 'user', recordId: id, detail: changes });
    });
    return c.json({ user: (await getUser(c.var.db, id))! }, 200);
  })
  .put('/users/:id/password', doc("Set a user's password"), authorize('admin'), validate('param', IdParamSchema), validate('json', SetPasswordSchema), async (c) => {
    const { id } = c.req.valid('param');
    const passwordHash = await hashPassword(c.req.valid('json').password);
    await c.var.db.transaction(async (tx) => {
      const user = await getUser(tx, id);
      if (!user) return notFound('Användaren');
      await setPasswordHash(tx, id, passwordHash);
      await endAllSessions(tx, id);
      // A new password is a fresh start: failed guesses at the old one no longer lock the person out.
      await clearFailures(tx, user.email);
      await audit(tx, c, { action: 'user.password', entity: 'user', recordId: id });
    });
    return c.body(null, 204);
  })
  .get('/lockouts', doc('E-mail addresses locked for sign-in right now, with the user they belong to'), authorize('admin'), async (c) => {
    const users = new Map((await listUsers(c.var.db)).map((user) => [user.email, user]));
    const lockouts: Lockout[] = (await currentLockouts(c.var.db)).map((lock) => ({ ...lock, userId: users.get(lock.email)?.id ?? null, userName: users.get(lock.email)?.name ?? null }));
    return c.json({ lockouts }, 200);
  })
  .get('/mail', doc('Whether reminders go out by e-mail, and how the mail queue stands'), authorize('admin'), async (c) => {
    const status: MailStatus = { enabled: c.var.settings.mailEnabled, ...(await mailQueueCounts(c.var.db)) };
    return c.json(status, 200);
  })
  .post('/users/:id/unlock', doc("Lift a user's sign-in lock, from every address"), authorize('admin'), validate('param', IdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    await c.var.db.transaction(async (tx) => {
      const user = await getUser(tx, id);
      if (!user) return notFound('Användaren');
      await clearFailures(tx, user.email);
      await audit(tx, c, { action: 'user.unlock', entity: 'user', recordId: id });
    });
    return c.body(null, 204);
  })
  .post('/users/:id/grants', doc('Grant a role on a unit (and by default its sub-units)'), authorize('admin'), validate('param', IdParamSchema), validate('json', CreateGrantSchema), async (c) => {
    const { id } = c.req.valid('param');
    const grant = c.req.valid('json');
    await c.var.db.transaction(async (tx) => {
      if (!(await getUser(tx, id))) return notFound('Användaren');
      if (!(await getRecord(tx, 'unit', grant.unitId))) return notFound('Enheten');
      const grantId = await insertGrant(tx, id, grant);
      await audit(tx, c, { action: 'grant.add', entity: 'grant', recordId: grantId, unitId: grant.unitId, detail: { userId: id, role: grant.role, includeSubunits: grant.includeSubunits } });
    });
    return c.json({ user: (await getUser(c.var.db, id))! }, 201);
  })
  .delete('/grants/:id', doc('Remove a grant'), authorize('admin'), validate('param', IdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    const removed = await c.var.db.transaction(async (tx) => {
      const grant = await deleteGrant(tx, id);
      if (!grant) return notFound('Behörigheten');
      // Checked after the change, inside its transaction: a failure rolls it back.
      if ((await countAdmins(tx)) === 0) return fail(400, 'last_admin', 'Det måste finnas minst en aktiv administratör.');
      await audit(tx, c, { action: 'grant.remove', entity: 'grant', recordId: id, unitId: grant.unitId, detail: { userId: grant.userId, role: grant.role } });
      return grant;
    });
    return c.json({ user: (await getUser(c.var.db, removed.userId))! }, 200);
  })
  .post('/units', doc('Create a unit under another'), authorize('admin'), validate('json', CreateUnitSchema), async (c) => {
    const input = c.req.valid('json');
    const id = randomUUID();
    await c.var.db.transaction(async (tx) => {
      if (!(await getRecord(tx, 'unit', input.parentId))) return notFound('Den överordnade enheten');
      await putRecords(tx, 'unit', [{ id, key: unitKey(input.name), name: input.name, shortName: input.shortName, parentId: input.parentId, kind: input.kind }]);
      await audit(tx, c, { action: 'unit.create', entity: 'unit', recordId: id, unitId: id, detail: { name: input.name } });
    });
    return c.json({ unit: (await getRecord(c.var.db, 'unit', id))! }, 201);
  })
  .patch('/units/:id', doc('Rename a unit'), authorize('admin'), validate('param', IdParamSchema), validate('json', UpdateUnitSchema), async (c) => {
    const { id } = c.req.valid('param');
    const changes = c.req.valid('json');
    await c.var.db.transaction(async (tx) => {
      const unit = await getRecord(tx, 'unit', id);
      if (!unit) return notFound('Enheten');
      await putRecords(tx, 'unit', [{ ...unit, name: changes.name ?? unit.name, shortName: changes.shortName === undefined ? unit.shortName : changes.shortName }]);
      await audit(tx, c, { action: 'unit.update', entity: 'unit', recordId: id, unitId: id, detail: changes });
    });
    return c.json({ unit: (await getRecord(c.var.db, 'unit', id))! }, 200);
  })
  .get('/audit', doc('The audit trail, newest first, filtered by user, unit and date; `before` pages on from `nextBefore`'), authorize('admin'), validate('query', AuditQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const entries = await listAudit(c.var.db, q);
    return c.json({ entries, nextBefore: entries.length === q.limit ? entries.at(-1)!.id : null }, 200);
  });
