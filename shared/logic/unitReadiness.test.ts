import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { activity, assessment, goal, indicator, outcome, PLAN_ID, UNIT_ID } from '../../tests/fixtures/planRecords.ts';
import type { Plan } from '../schemas/plan.ts';
import type { Readiness } from '../schemas/readiness.ts';
import { indicatorPeriodAt, owesAnything, readinessAt, type ReadinessRecords } from './unitReadiness.ts';

const plan: Plan = {
  id: PLAN_ID, version: 1, seq: 1, key: 'p', name: 'Plan', unitId: randomUUID(), startYear: 2026, endYear: 2026, state: 'adopted',
  adoptedBy: null, adoptedAt: null, assessmentScale: 'trend', source: null, reportPoints: [], monthlyDeadlineDay: null, closures: [], kolada: null,
};
const delår1 = { period: '2026-T1', name: 'Delår 1 2026', deadline: '2026-05-15' };
const delår2 = { period: '2026-T2', name: 'Delår 2 2026', deadline: '2026-09-15' };
const other = randomUUID();

function records(): ReadinessRecords & { ids: Record<string, string> } {
  const reported = activity('Rapporterad', 'Enligt plan', { statusPeriod: '2026-T1' });
  const fromHistory = activity('Status i historiken', 'Försenad', { statusPeriod: '2026-T2' });
  const silent = activity('Utan status', null);
  const finishedEarlier = activity('Klar förra året', 'Klar', { statusPeriod: '2025' });
  const removed = activity('Borttagen', null, { removedAt: '2026-02-01T00:00:00.000Z' });
  const tertial = indicator('Per delår', '90 %');
  const monthly = indicator('Per månad', '8 min', { frequencies: ['månad'] });
  const yearly = indicator('Per år', '75 %', { frequencies: ['år'] });
  const assessed = goal('Bedömt');
  const open = goal('Obedömt');
  const elsewhere = activity('Annan enhet', null, { unitId: other });
  return {
    plan,
    goals: [assessed, open],
    indicators: [tertial, monthly, yearly],
    activities: [reported, fromHistory, silent, finishedEarlier, removed, elsewhere],
    outcomes: [outcome(monthly.id, '2026-04', 9), outcome(tertial.id, '2025-T1', 80)],
    assessments: [assessment(assessed.id, '2026-T1', 'positiv'), assessment(open.id, '2025-T1', 'negativ')],
    updates: [{ activityId: fromHistory.id, period: '2026-T1', toStatus: 'Enligt plan' }, { activityId: silent.id, period: '2026-T1', toStatus: null }],
    readiness: [],
    ids: { reported: reported.id, fromHistory: fromHistory.id, silent: silent.id, tertial: tertial.id, monthly: monthly.id, open: open.id },
  };
}

describe('a unit’s part of a report point', () => {
  it('counts activities with a status for the point, from the latest status or the history, and leaves out finished ones', () => {
    const r = records();
    const [unit] = readinessAt(r, delår1, [UNIT_ID]);
    expect(unit!.activities.done.map((a) => a.id).sort()).toEqual([r.ids.reported, r.ids.fromHistory].sort());
    expect(unit!.activities.missing.map((a) => a.id)).toEqual([r.ids.silent]);
  });

  it('asks for the outcome of the point, or of its last month for a monthly indicator, and none of a yearly one at a delår', () => {
    const r = records();
    const [unit] = readinessAt(r, delår1, [UNIT_ID]);
    expect(unit!.outcomes.done.map((o) => [o.indicator.id, o.period])).toEqual([[r.ids.monthly, '2026-04']]);
    expect(unit!.outcomes.missing.map((o) => [o.indicator.id, o.period])).toEqual([[r.ids.tertial, '2026-T1']]);
    expect(indicatorPeriodAt(plan, r.indicators[2]!, { period: '2026', name: 'Helår 2026', deadline: '2027-02-15' })).toBe('2026');
  });

  it('counts the goals assessed for the point only', () => {
    const r = records();
    const [unit] = readinessAt(r, delår1, [UNIT_ID]);
    expect(unit!.goals.done).toHaveLength(1);
    expect(unit!.goals.missing.map((g) => g.id)).toEqual([r.ids.open]);
    expect(owesAnything(unit!)).toBe(true);
  });

  it('keeps the units asked for that own something, each with its own mark for the point', () => {
    const r = records();
    const mark: Readiness = { id: randomUUID(), version: 1, seq: 1, planId: PLAN_ID, unitId: other, period: '2026-T2', ready: true, markedBy: 'Anna', markedAt: '2026-09-01T08:00:00.000Z' };
    r.readiness = [mark];
    expect(readinessAt(r, delår1, [other, randomUUID(), UNIT_ID]).map((u) => [u.unitId, u.ready])).toEqual([[other, null], [UNIT_ID, null]]);
    expect(readinessAt(r, delår2, [other])[0]!.ready).toEqual(mark);
  });
});
