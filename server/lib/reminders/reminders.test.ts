import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '@shared/schemas/mutation.ts';
import { importTestPlan } from '../../../tests/fixtures/planDocument.ts';
import { openTestApp, type TestApp } from '../../../tests/fixtures/testApp.ts';
import { reopenableTestDatabase } from '../../../tests/fixtures/testDb.ts';
import type { Database } from '../../db/database.ts';
import { enqueueMail, mailQueueCounts } from '../../db/mailQueue.ts';
import { MailSender } from './mailSender.ts';
import { startReminderWorker } from './reminderWorker.ts';
import { scheduleReminders } from './scheduleReminders.ts';

/** Delår 1 2025 of the test plan is due 15 May 2025. */
const APRIL_20 = new Date('2025-04-20T08:00:00Z');
const SETTINGS = { firstDays: 28, publicUrl: 'https://malbild.region.test' };

interface Received {
  to: string[];
  messageId: string;
  subject: string;
  text: string;
}

type Behaviour = 'accept' | 'refuse' | 'vanish';

/** A real SMTP server on a free port that takes, refuses for now (451), or drops the connection in the middle of a message. */
async function mailServer(behaviour: Behaviour = 'accept', port = 0) {
  const received: Received[] = [];
  const state = { behaviour };
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.behaviour === 'refuse') return callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
      callback();
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      let cut = false;
      stream.on('data', () => {
        // Gone mid-message, as a mail server that crashes or loses its network does: the message never arrives.
        if (state.behaviour !== 'vanish') return;
        cut = true;
        for (const connection of (server as unknown as { connections: Set<{ _socket: { destroy(): void } }> }).connections) connection._socket.destroy();
      });
      simpleParser(stream).then((mail) => {
        if (!cut) received.push({ to: session.envelope.rcptTo.map((r) => r.address), messageId: mail.messageId ?? '', subject: mail.subject ?? '', text: mail.text ?? '' });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = (server.server.address() as AddressInfo).port;
  return {
    received,
    state,
    url: `smtp://127.0.0.1:${address}`,
    port: address,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

/** A fresh plan and a rapportör of its HSF unit, with nothing reported for Delår 1 2025. */
async function rapportörWithPlan() {
  const plan = await importTestPlan(t.db);
  const { unitId } = await plan.byKey('activity', 'webbtidbocker');
  const name = `Rut ${randomUUID().slice(0, 6)}`;
  const rapportör = await t.userWith('rapportör', unitId, { name });
  const [{ email }] = (await t.db.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [rapportör.userId])) as [{ email: string }];
  return { plan, unitId, rapportör, email, name };
}

const queuedFor = (db: Database, email: string) => db.query<{ dedupe_key: string; subject: string; body: string }>('SELECT dedupe_key, subject, body FROM mail_queue WHERE recipient = $1 ORDER BY created_at', [email]);

describe('scheduling reminders', () => {
  it('queues the first reminder within the days before the deadline, once, in Swedish, with a link to Mina uppgifter', async () => {
    const { plan, email, name } = await rapportörWithPlan();
    await scheduleReminders(t.db, SETTINGS, new Date('2025-04-16T08:00:00Z'));
    expect(await queuedFor(t.db, email), '29 days before: nothing yet').toEqual([]);

    await scheduleReminders(t.db, SETTINGS, APRIL_20);
    await scheduleReminders(t.db, SETTINGS, new Date('2025-04-20T09:00:00Z'));
    const queued = await queuedFor(t.db, email);
    expect(queued.map((q) => q.subject)).toEqual(['Påminnelse: Delår 1 2025 ska rapporteras senast torsdag 15 maj 2025']);
    const [first] = queued;
    expect(first!.body).toContain(`Hej ${name}!`);
    expect(first!.body).toContain('– om 25 dagar.');
    expect(first!.body).toMatch(/HSF\n- \d+ aktiviteter? utan status\n- \d+ utfall att lägga in\n- \d+ mål att bedöma/);
    expect(first!.body).toContain(`https://malbild.region.test/planer/${plan.planId}/mina-uppgifter`);
  });

  it('sends a weekly digest from the week after the first, and one word after a missed deadline, and nothing to a unit marked ready', async () => {
    const { email } = await rapportörWithPlan();
    await scheduleReminders(t.db, SETTINGS, APRIL_20);
    // The queue dates the first reminder by the database's clock; here it went out on 20 April.
    await t.db.query(`UPDATE mail_queue SET created_at = $2 WHERE recipient = $1`, [email, APRIL_20]);
    await scheduleReminders(t.db, SETTINGS, new Date('2025-04-29T08:00:00Z'));
    await scheduleReminders(t.db, SETTINGS, new Date('2025-05-01T08:00:00Z'));
    await scheduleReminders(t.db, SETTINGS, new Date('2025-05-17T08:00:00Z'));
    expect((await queuedFor(t.db, email)).map((q) => q.dedupe_key.split(':')[0])).toEqual(['first', 'digest', 'missed']);
    expect((await queuedFor(t.db, email))[1]!.subject).toBe('Veckans påminnelse: 1 rapportering väntar');

    const other = await rapportörWithPlan();
    const mark: Mutation = { id: randomUUID(), name: 'readiness.set', recordId: other.unitId, createdAt: APRIL_20.toISOString(), args: { planId: other.plan.planId, period: '2025-T1', ready: true } };
    await other.rapportör.json('/api/sync/push', { method: 'POST', body: JSON.stringify({ deviceId: 'device-reminders', mutations: [mark] }) });
    await scheduleReminders(t.db, SETTINGS, APRIL_20);
    expect(await queuedFor(t.db, other.email), 'a unit that said it is done').toEqual([]);
  });
});

describe('sending reminders', () => {
  it('delivers each queued mail exactly once through the SMTP server, however often the sender runs', async () => {
    const smtp = await mailServer();
    const sender = new MailSender(t.db, { smtpUrl: smtp.url, from: 'Målbild <noreply@region.test>' });
    const { email } = await rapportörWithPlan();
    await scheduleReminders(t.db, SETTINGS, APRIL_20);
    await sender.sendDue();
    await sender.sendDue();
    await scheduleReminders(t.db, SETTINGS, APRIL_20);
    await sender.sendDue();
    const mine = smtp.received.filter((m) => m.to.includes(email));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.subject).toBe('Påminnelse: Delår 1 2025 ska rapporteras senast torsdag 15 maj 2025');
    expect(mine[0]!.text).toContain('Det här saknas:');
    expect(mine[0]!.messageId).toMatch(/^<[0-9a-f-]{36}@malbild>$/);
    sender.close();
    await smtp.close();
  });

  it('is what each server process runs: it schedules and sends on start, and stops cleanly', async () => {
    const smtp = await mailServer();
    const { email } = await rapportörWithPlan();
    const worker = startReminderWorker(t.db, { mail: { smtpUrl: smtp.url, from: 'noreply@region.test' }, reminders: SETTINGS });
    await enqueueMail(t.db, [{ dedupeKey: `test:worker:${email}`, recipient: email, subject: 'Prov', body: 'Hej!' }]);
    await worker.runNow();
    await worker.stop();
    // Whatever today's calendar asks of the plan, every mail queued for the person went out, once.
    const queued = await queuedFor(t.db, email);
    expect(queued.length).toBeGreaterThanOrEqual(1);
    expect(smtp.received.filter((m) => m.to.includes(email))).toHaveLength(queued.length);
    expect((await t.db.query('SELECT 1 FROM mail_queue WHERE recipient = $1 AND sent_at IS NULL', [email])).length).toBe(0);
    await smtp.close();
  });

  it('keeps a mail a server refuses for now, or that is cut off mid-send, and delivers it once later', async () => {
    for (const behaviour of ['refuse', 'vanish'] as const) {
      const smtp = await mailServer(behaviour);
      const sender = new MailSender(t.db, { smtpUrl: smtp.url, from: 'noreply@region.test' });
      const key = `test:${behaviour}:${randomUUID()}`;
      const recipient = `${behaviour}-${randomUUID().slice(0, 8)}@region.test`;
      await enqueueMail(t.db, [{ dedupeKey: key, recipient, subject: 'Prov', body: 'Hej!' }]);
      expect(await sender.sendDue()).toBe(0);
      const [row] = await t.db.query<{ sent_at: unknown; last_error: string; attempts: number }>('SELECT sent_at, last_error, attempts FROM mail_queue WHERE dedupe_key = $1', [key]);
      expect(row, behaviour).toMatchObject({ sent_at: null, attempts: 1 });
      expect(row!.last_error.length, behaviour).toBeGreaterThan(0);
      expect((await mailQueueCounts(t.db)).lastError).not.toBeNull();

      smtp.state.behaviour = 'accept';
      await t.db.query('UPDATE mail_queue SET next_attempt_at = now() WHERE dedupe_key = $1', [key]);
      expect(await sender.sendDue()).toBe(1);
      expect(await sender.sendDue()).toBe(0);
      expect(smtp.received.filter((m) => m.to.includes(recipient)), behaviour).toHaveLength(1);
      sender.close();
      await smtp.close();
    }
  });

  it('shares the queue between two server processes’ senders without sending anything twice', async () => {
    const smtp = await mailServer();
    const recipients = Array.from({ length: 30 }, (_, i) => `pair-${i}-${randomUUID().slice(0, 6)}@region.test`);
    await enqueueMail(t.db, recipients.map((recipient) => ({ dedupeKey: `test:pair:${recipient}`, recipient, subject: 'Prov', body: 'Hej!' })));
    const [a, b] = [0, 1].map(() => new MailSender(t.db, { smtpUrl: smtp.url, from: 'noreply@region.test' })) as [MailSender, MailSender];
    const [sentA, sentB] = await Promise.all([a.sendDue(3), b.sendDue(3)]);
    expect(sentA + sentB).toBe(30);
    const delivered = smtp.received.filter((m) => recipients.includes(m.to[0]!));
    expect(delivered).toHaveLength(30);
    expect(new Set(delivered.map((m) => m.messageId)).size).toBe(30);
    a.close();
    b.close();
    await smtp.close();
  });

  it('keeps the queue through a restart while the mail server is down, and sends once it is back', async () => {
    const store = await reopenableTestDatabase();
    let db = await store.open();
    const down = await mailServer();
    const port = down.port;
    await down.close();
    await enqueueMail(db, [{ dedupeKey: 'test:restart', recipient: 'restart@region.test', subject: 'Prov', body: 'Hej!' }]);
    const before = new MailSender(db, { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'noreply@region.test' });
    expect(await before.sendDue()).toBe(0);
    before.close();
    await db.close();

    db = await store.open();
    await db.query('UPDATE mail_queue SET next_attempt_at = now()');
    const smtp = await mailServer('accept', port);
    const after = new MailSender(db, { smtpUrl: smtp.url, from: 'noreply@region.test' });
    expect(await after.sendDue()).toBe(1);
    expect(await after.sendDue()).toBe(0);
    expect(smtp.received.map((m) => m.to)).toEqual([['restart@region.test']]);
    after.close();
    await smtp.close();
    await db.close();
    await store.remove();
  });
});
