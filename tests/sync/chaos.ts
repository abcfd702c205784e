import 'fake-indexeddb/auto';
import type { Mutation } from '@shared/schemas/mutation.ts';
import type { Me } from '@shared/schemas/user.ts';
import { historyId } from '@shared/logic/recordIds.ts';
import { TOO_MANY_CONFLICTS } from '@shared/mutations/conflicts.ts';
import { kindOf } from '@shared/mutations/kinds.ts';
import { recordChange } from '../../client/sync/outbox.ts';
import { pull } from '../../client/sync/pull.ts';
import { pushOutbox, type PushResult } from '../../client/sync/push.ts';
import { CHAOS_PASSWORD, CHAOS_PEOPLE, seedChaosData } from './chaosPlan.ts';
import { freshServerDatabase } from '../fixtures/serverDatabase.ts';
import { ChildServer } from './childServer.ts';
import { DEFAULT_FAULT_RATES, faultyTransport, type Fault, type FaultRates } from './faultyTransport.ts';
import { makeChange, type ChaosDevice } from './chaosChanges.ts';
import { cookieTransport, httpDevice, signIn } from './httpDevice.ts';
import type { Database } from '../../server/db/database.ts';
import { readLedger } from './ledger.ts';
import { seededRandom } from '../../server/demo/prng.ts';
import { deviceSnapshot, serverSnapshot, snapshotDifferences } from './snapshot.ts';

export interface ChaosOptions {
  seed: number;
  /** Mutations made across all devices. */
  mutations: number;
  /** Server crashes (SIGKILL, then a restart on the same data) spread over the run. */
  restarts?: number;
  faultRates?: FaultRates;
  /** Share of mutations made on records the person may read but not write (the server must refuse them). */
  forbiddenShare?: number;
  log?: (line: string) => void;
  /** PostgreSQL to run on (a fresh database is made there); null runs on PGlite. Defaults to DATABASE_URL. */
  databaseUrl?: string | null;
  /**
   * Server processes on the one database (more than one needs PostgreSQL): each request goes to one of
   * them at random, as a proxy balancing the load sends it, and each crash takes one of them down.
   */
  servers?: number;
}

export interface ChaosReport {
  seed: number;
  database: 'pglite' | 'postgres';
  servers: number;
  mutations: number;
  byName: Record<string, number>;
  /** `full`: of the rejected, those refused because their record already held the most unsettled conflicts it may. */
  results: { applied: number; conflict: number; rejected: number; full: number };
  faults: Record<Fault, number>;
  requests: number;
  restarts: number;
  steps: number;
  quietAfterRounds: number;
  durationMs: number;
  /** Every broken promise found at the end; empty when the run kept them all. */
  problems: string[];
}

interface Made {
  mutation: Mutation;
  device: string;
  forbidden: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Five people report on overlapping records from their own devices while the network drops requests
 * and answers and the server crashes and comes back; then the network heals and everyone syncs until
 * nothing moves. The report lists every promise broken: a mutation lost or applied twice, a history
 * entry missing, a conflict dropped, a device that does not show what the server holds.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const { seed, mutations: target, restarts = 3, faultRates = DEFAULT_FAULT_RATES, forbiddenShare = 0.01, log = () => undefined, databaseUrl, servers: serverCount = 1 } = options;
  const started = performance.now();
  const random = seededRandom(seed);
  const database = await freshServerDatabase('chaos', { inMemoryFolder: true, ...(databaseUrl === undefined ? {} : { databaseUrl }) });
  const seedDb = await database.open();
  await seedChaosData(seedDb);
  await seedDb.close();
  if (serverCount > 1 && database.kind !== 'postgres') throw new Error('several server processes need PostgreSQL');
  const servers: ChildServer[] = [];
  for (let i = 0; i < serverCount; i++) servers.push(await ChildServer.start(database));
  const anyServer = (pick: () => number) => () => servers[Math.floor(pick() * servers.length)]!.baseURL;
  const faults: Record<Fault, number> = { dropRequest: 0, error500: 0, dropResponse: 0, error500After: 0 };
  // Healthy while everyone signs in and gets the plan; bad from the first step on.
  let healthy = true;
  let requests = 0;
  const made: Made[] = [];
  const byName: Record<string, number> = {};
  let steps = 0;
  let crashes = 0;

  try {
    const devices: ChaosDevice[] = [];
    for (const person of CHAOS_PEOPLE) {
      const cookie = await signIn(servers[0]!.baseURL, person.email, CHAOS_PASSWORD);
      const deviceRandom = random.fork(person.email);
      const routing = deviceRandom.fork('proxy');
      const plain = cookieTransport(anyServer(() => routing.next()), cookie);
      const counted: typeof plain = (input, init) => {
        requests++;
        return plain(input, init);
      };
      const device = await httpDevice(person.email.split('@')[0]!, faultyTransport(counted, deviceRandom.fork('network'), () => healthy, faults, faultRates));
      const me = ((await (await plain('/api/auth/me', {})).json()) as { user: Me }).user;
      devices.push({ ...device, me, random: deviceRandom });
    }

    // Slots are taken before the first await, so devices editing at once never overshoot the target.
    let reserved = 0;
    const edit = async (device: ChaosDevice, count: number) => {
      for (let i = 0; i < count && reserved < target; i++) {
        reserved++;
        const change = await makeChange(device, forbiddenShare);
        if (!change) {
          reserved--;
          continue;
        }
        made.push({ mutation: change.mutation, device: device.name, forbidden: change.forbidden });
        byName[change.mutation.name] = (byName[change.mutation.name] ?? 0) + 1;
        await recordChange(device.db, change.mutation, device.author);
      }
    };
    // As the app does it: failures leave everything queued, and the next attempt starts from there.
    const push = (device: ChaosDevice) => pushOutbox(device.db, device.send).catch(() => null);
    const pullQuietly = (device: ChaosDevice) => pull(device.db, device.fetchPage).catch(() => null);
    const operate = async (device: ChaosDevice) => {
      const roll = device.random.next();
      if (roll < 0.45) return edit(device, device.random.int(1, 8));
      if (roll < 0.65) return push(device);
      if (roll < 0.8) return pullQuietly(device);
      if (roll < 0.95) return (await push(device))?.stopped ? undefined : pullQuietly(device);
      // Typing while the device syncs.
      await Promise.all([edit(device, device.random.int(1, 3)), push(device).then(() => pullQuietly(device))]);
    };

    // Everyone starts with the plan, on a good network.
    await Promise.all(devices.map((device) => pull(device.db, device.fetchPage)));
    healthy = false;

    const crashAt = Array.from({ length: restarts }, (_, i) => Math.floor((target * (i + 1)) / (restarts + 1)));
    while (reserved < target) {
      steps++;
      const together = random.chance(0.3) ? random.int(2, 3) : 1;
      const chosen = [...devices].sort(() => random.next() - 0.5).slice(0, together);
      const step = Promise.all(chosen.map(operate));
      if (crashes < crashAt.length && made.length >= crashAt[crashes]!) {
        crashes++;
        // Killed while the step's requests may be in flight; the devices go on (and fail) while it is down.
        await sleep(random.int(0, 40));
        const crashing = servers[crashes % servers.length]!;
        await crashing.kill();
        await step;
        for (let down = random.int(2, 6); down > 0; down--) await Promise.all([...devices].sort(() => random.next() - 0.5).slice(0, 2).map(operate));
        await crashing.start();
        log(`crash ${crashes} after ${made.length} mutations; server back`);
        continue;
      }
      await step;
    }

    // The network heals; everyone syncs until a whole round moves nothing.
    healthy = true;
    let rounds = 0;
    for (let quiet = false; !quiet && rounds < 20; rounds++) {
      quiet = true;
      for (const device of devices) {
        for (let attempt = 0; (await device.db.outbox.where('state').equals('pending').count()) > 0; attempt++) {
          const pushed: PushResult = await pushOutbox(device.db, device.send);
          if (pushed.sent + pushed.rejected > 0) quiet = false;
          if (attempt > 20) throw new Error(`${device.name} could not empty its outbox: ${JSON.stringify(pushed)}`);
        }
        if ((await pull(device.db, device.fetchPage)).applied > 0) quiet = false;
      }
    }

    const problems = rounds >= 20 ? ['the devices never became quiet'] : [];
    problems.push(...(await checkDevices(devices, made)));
    for (const each of servers) await each.stop();
    const db = await database.open();
    let results: ChaosReport['results'];
    try {
      const checked = await checkServer(db, made);
      results = checked.results;
      problems.push(...checked.problems);
    } finally {
      await db.close();
    }
    return {
      seed,
      database: database.kind,
      servers: servers.length,
      mutations: made.length,
      byName,
      results,
      faults,
      requests,
      restarts: crashes,
      steps,
      quietAfterRounds: rounds,
      durationMs: Math.round(performance.now() - started),
      problems,
    };
  } catch (error) {
    throw new Error(`chaos run with seed ${seed} failed: ${(error as Error).message}\nserver output:\n${servers.map((each) => each.lastOutput()).join('\n--\n')}`, { cause: error });
  } finally {
    for (const each of servers) await each.kill();
    await database.remove();
  }
}

/** Each device shows what the server lets its person read, and keeps exactly the refusals it should. */
async function checkDevices(devices: ChaosDevice[], made: Made[]): Promise<string[]> {
  const problems: string[] = [];
  for (const device of devices) {
    const differences = snapshotDifferences(await deviceSnapshot(device.db), await serverSnapshot(device.fetchPage));
    problems.push(...differences.map((d) => `${device.name}: ${d}`));
    const rejected = await device.db.outbox.where('state').equals('rejected').toArray();
    const forbidden = new Set(made.filter((m) => m.device === device.name && m.forbidden).map((m) => m.mutation.id));
    const full = rejected.filter((entry) => entry.message === TOO_MANY_CONFLICTS && !forbidden.has(entry.id));
    const unexpected = rejected.filter((entry) => !forbidden.has(entry.id) && !full.includes(entry));
    if (unexpected.length) problems.push(`${device.name}: ${unexpected.length} refused that should not have been, e.g. ${JSON.stringify(unexpected.slice(0, 3))}`);
    if (rejected.length - full.length !== forbidden.size) problems.push(`${device.name}: ${forbidden.size} changes it may not make, but ${rejected.length - full.length} such refusals kept on the device`);
  }
  return problems;
}

/**
 * The server's database: one stored answer per mutation, one audit line per application, a history
 * entry for every activity change, every conflict still on its record (unless settled since) or in the
 * history, and refusals exactly where the person had no right.
 */
async function checkServer(db: Database, made: Made[]): Promise<{ results: ChaosReport['results']; problems: string[] }> {
  const problems: string[] = [];
  const ledger = await readLedger(db, made.map((m) => m.mutation.id));
  const results = {
    applied: [...ledger.status.values()].filter((s) => s === 'applied').length,
    conflict: [...ledger.status.values()].filter((s) => s === 'conflict').length,
    rejected: [...ledger.status.values()].filter((s) => s === 'rejected').length,
    full: [...ledger.message.values()].filter((m) => m === TOO_MANY_CONFLICTS).length,
  };
  const settled = new Set(
    made.filter((m) => m.mutation.name.endsWith('.resolve') && ledger.status.get(m.mutation.id) === 'applied').flatMap((m) => (m.mutation.args as { settles: string[] }).settles),
  );
  const records = new Map(
    (await db.query<{ id: string; data: { conflicts?: { mutationId: string }[] } }>(`SELECT id::text, data FROM records WHERE NOT deleted AND entity IN ('activity', 'outcome', 'goalAssessment')`)).map((row) => [row.id, row.data]),
  );
  const history = new Map((await db.query<{ id: string; conflict: boolean }>(`SELECT id::text, (data->>'conflict')::boolean AS conflict FROM records WHERE entity = 'activityUpdate'`)).map((row) => [row.id, row.conflict]));
  const missing: string[] = [];
  for (const { mutation, forbidden, device } of made) {
    const status = ledger.status.get(mutation.id);
    const where = `${device} ${mutation.name} ${mutation.id}`;
    if (status === undefined) missing.push(where);
    else if (status === null) problems.push(`${where}: claimed but never answered`);
    // A record holding the most unsettled conflicts it may refuses every change that would add one, whoever
    // makes it (shared/mutations/conflicts.ts); a long run on a few shared cells gets there.
    else if (status === 'rejected' && ledger.message.get(mutation.id) === TOO_MANY_CONFLICTS && !forbidden) continue;
    else if (forbidden !== (status === 'rejected')) problems.push(`${where}: ${status}, but ${forbidden ? 'the person may not write the record' : 'nothing about it should be refused'}`);
    if (status === undefined || status === 'rejected') continue;
    const audited = ledger.auditLines.get(mutation.id) ?? 0;
    if (!mutation.name.endsWith('.resolve') && audited !== 1) problems.push(`${where}: ${audited} audit lines, one per application expected`);
    if (mutation.name.startsWith('activity.') && !ledger.historyEntries.has(mutation.id)) problems.push(`${where}: no history entry`);
    if (status === 'conflict') {
      const recordId = kindOf(mutation.name).targetId(mutation.recordId, mutation.args);
      const onRecord = records.get(recordId)?.conflicts?.some((k) => k.mutationId === mutation.id) ?? false;
      const inHistory = history.get(historyId(mutation.id)) === true || audited === 1;
      if (!settled.has(mutation.id) && !onRecord) problems.push(`${where}: a conflict nobody settled, missing from the record's conflicts`);
      if (!onRecord && !inHistory) problems.push(`${where}: a conflict neither on the record nor in its history`);
    }
  }
  if (missing.length) problems.push(`${missing.length} mutations never reached the server, e.g. ${missing.slice(0, 5).join('; ')}`);
  return { results, problems };
}
