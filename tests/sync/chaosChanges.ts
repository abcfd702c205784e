import { randomUUID } from 'node:crypto';
import { assessmentId, outcomeId } from '@shared/logic/recordIds.ts';
import { ACTIVITY_STATUSES } from '@shared/schemas/activity.ts';
import type { Mutation } from '@shared/schemas/mutation.ts';
import type { Me } from '@shared/schemas/user.ts';
import type { HttpDevice } from './httpDevice.ts';
import type { Random } from '../../server/demo/prng.ts';

/** A device in the chaos run: who is signed in on it, and its own stream of choices. */
export interface ChaosDevice extends HttpDevice {
  me: Me;
  random: Random;
}

/** Few periods, so that people keep entering values in the same cells. */
const PERIODS = ['2026-01', '2026-02', '2026-03', '2026-04'];
const ASSESSMENTS = ['positiv', 'oförändrad', 'negativ'] as const;

/** What a person would do next on this device, chosen from what the device shows them. */
export async function makeChange(device: ChaosDevice, forbiddenShare: number): Promise<{ mutation: Mutation; forbidden: boolean } | null> {
  const random = device.random;
  const writable = new Set(device.me.writableUnitIds);
  const createdAt = new Date().toISOString();
  const base = { id: randomUUID(), createdAt };
  const activities = await device.db.activity.toArray();
  const mine = activities.filter((a) => writable.has(a.unitId));
  if (random.chance(forbiddenShare)) {
    const others = activities.filter((a) => !writable.has(a.unitId));
    if (others.length) {
      const activity = random.pick(others);
      return { forbidden: true, mutation: { ...base, name: 'activity.update', recordId: activity.id, args: { status: null, statusParts: null, text: 'Inte min enhet.', baseVersion: activity.version, writtenAt: createdAt } } };
    }
  }
  const roll = random.next();
  if (roll < 0.06) {
    const resolved = await makeResolve(device, base);
    if (resolved) return { forbidden: false, mutation: resolved };
  }
  if (roll < 0.4) {
    const activity = random.pick(mine);
    const status = random.pick(ACTIVITY_STATUSES);
    return { forbidden: false, mutation: { ...base, name: 'activity.update', recordId: activity.id, args: { status, statusParts: null, text: `${status}: rapport från ${device.name}.`, baseVersion: Math.max(1, activity.version), writtenAt: createdAt } } };
  }
  if (roll < 0.62) {
    const activity = random.pick(mine);
    return { forbidden: false, mutation: { ...base, name: 'activity.update', recordId: activity.id, args: { status: null, statusParts: null, text: `Kommentar från ${device.name}.`, baseVersion: Math.max(1, activity.version), writtenAt: createdAt } } };
  }
  if (roll < 0.92) {
    const indicator = random.pick((await device.db.indicator.toArray()).filter((i) => writable.has(i.unitId)));
    const period = random.pick(PERIODS);
    const cell = await device.db.outcome.get(outcomeId(indicator.id, period, null, 'T'));
    const value = indicator.measure === '%' ? random.int(0, 100) : random.int(0, 40);
    return {
      forbidden: false,
      mutation: { ...base, name: 'outcome.set', recordId: indicator.id, args: { period, subSeriesKey: null, gender: 'T', value, comment: random.chance(0.3) ? `Utfall enligt ${device.name}.` : null, baseVersion: cell?.version ? cell.version : null } },
    };
  }
  const goal = random.pick((await device.db.goal.toArray()).filter((g) => writable.has(g.unitId)));
  const current = await device.db.goalAssessment.get(assessmentId(goal.id, '2026-T1'));
  return {
    forbidden: false,
    mutation: { ...base, name: 'goalAssessment.set', recordId: goal.id, args: { period: '2026-T1', assessment: random.pick(ASSESSMENTS), analysis: `Bedömt av ${device.name}.`, baseVersion: current?.version || null } },
  };
}

/** Settles the conflicts the device shows on one of the person's records, as the conflict screens do. */
async function makeResolve(device: ChaosDevice, base: { id: string; createdAt: string }): Promise<Mutation | null> {
  const writable = new Set(device.me.writableUnitIds);
  const random = device.random;
  const activities = (await device.db.activity.toArray()).filter((a) => writable.has(a.unitId) && a.conflicts.length > 0);
  const outcomes = (await device.db.outcome.toArray()).filter((o) => writable.has(o.unitId) && o.conflicts.length > 0 && o.version > 0);
  if (activities.length && (outcomes.length === 0 || random.chance(0.5))) {
    const activity = random.pick(activities);
    const choice = random.pick([activity.status, ...activity.conflicts.map((k) => k.status)]);
    return { ...base, name: 'activity.resolve', recordId: activity.id, args: { status: choice, statusParts: null, settles: activity.conflicts.map((k) => k.mutationId), baseVersion: activity.version } };
  }
  if (outcomes.length) {
    const outcome = random.pick(outcomes);
    const choice = random.pick([outcome.value, ...outcome.conflicts.map((k) => k.value)]);
    return {
      ...base,
      name: 'outcome.resolve',
      recordId: outcome.indicatorId,
      args: { period: outcome.period, subSeriesKey: outcome.subSeriesKey, gender: outcome.gender, value: choice, comment: outcome.comment, settles: outcome.conflicts.map((k) => k.mutationId), baseVersion: outcome.version },
    };
  }
  return null;
}
