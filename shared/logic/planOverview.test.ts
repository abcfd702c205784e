import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { activity, assessment, focusArea, goal, indicator, outcome, perspective } from '../../tests/fixtures/planRecords.ts';
import { buildPlanOverview, isDelayed, ownGoals, planPeriods, type PlanRecords } from './planOverview.ts';

/** A small plan shaped like Delårsrapport 1 2024: two perspectives, a council goal above, a unit below. */
function plan() {
  const bupUnit = randomUUID();
  const process = perspective('Process', 2);
  const ekonomi = perspective('Ekonomi', 1);
  const council = goal('Effektiva tjänster', { level: 'målområde', perspectiveId: process.id });
  const access = goal('God tillgänglighet', { perspectiveId: process.id, parentId: council.id, order: 1 });
  const quality = goal('God kvalitet', { perspectiveId: process.id, order: 2 });
  const budget = goal('Inom given ram', { perspectiveId: ekonomi.id });
  const bup = indicator('BUP, besök', '90 %', { goalIds: [access.id], unitId: bupUnit, order: 1 });
  const wait = indicator('Medelväntetid 1177', '8 min', { goalIds: [access.id, quality.id], measure: 'minuter', direction: 'lower', order: 2 });
  const hygiene = indicator('Klädregler', '90 %', { goalIds: [quality.id], order: 3 });
  const loose = indicator('Utan mål', null, { order: 4 });
  const omställning = focusArea('Omställning', 1);
  const records: PlanRecords = {
    perspectives: [process, ekonomi],
    goals: [quality, council, access, budget],
    assessments: [assessment(access.id, '2024-T1', 'oförändrad'), assessment(budget.id, '2024-T1', 'negativ'), assessment(quality.id, '2023-T1', 'positiv')],
    indicators: [wait, bup, hygiene, loose],
    outcomes: [
      outcome(bup.id, '2023-T1', 51.3),
      outcome(bup.id, '2024-T1', 20.2),
      outcome(wait.id, '2023-T1', 15.0167),
      outcome(wait.id, '2024-T1', 11.5833),
      outcome(hygiene.id, '2024-03', 89),
    ],
    focusAreas: [omställning],
    activities: [
      activity('Webbtidböcker', 'Försenad', { focusAreaId: omställning.id, latestComment: 'Klustring genomförd.' }),
      activity('Digitala kontakter', 'Enligt plan', { focusAreaId: omställning.id, statusParts: [{ part: 'Grundutbud', status: 'Försenad' }, { part: 'Chatt', status: 'Enligt plan' }] }),
      activity('Hyrbemanning', 'Enligt plan', { focusAreaId: omställning.id }),
      activity('BUP-projekt', 'Avbruten', { unitId: bupUnit }),
      activity('Utan status', null),
    ],
  };
  return { records, bupUnit, process, ekonomi, council, access, quality, budget, bup, wait, hygiene, loose };
}

describe('the plan overview for a period', () => {
  it('lists the periods with data, the newest first', () => {
    const { records } = plan();
    expect(planPeriods(records)).toEqual(['2024-T1', '2024-03', '2023-T1']);
  });

  it('shows the plan’s own goals, with the council goal as a parent', () => {
    const { records, council } = plan();
    expect(ownGoals(records.goals).map((g) => g.title)).toEqual(['Inom given ram', 'God tillgänglighet', 'God kvalitet']);
    const overview = buildPlanOverview(records, { period: '2024-T1', unitIds: null });
    const process = overview.perspectives.find((p) => p.perspective?.name === 'Process')!;
    expect(process.goals.map((g) => [g.goal.title, g.parent?.id ?? null])).toEqual([
      ['God tillgänglighet', council.id],
      ['God kvalitet', null],
    ]);
  });

  it('counts assessments and indicator statuses per perspective, each indicator once', () => {
    const { records } = plan();
    const overview = buildPlanOverview(records, { period: '2024-T1', unitIds: null });
    expect(overview.perspectives.map((p) => p.perspective?.name ?? null)).toEqual(['Ekonomi', 'Process', null]);
    const [ekonomi, process, rest] = overview.perspectives;
    expect(ekonomi!.assessmentCounts).toMatchObject({ negativ: 1, none: 0 });
    // God kvalitet was assessed for 2023, not for this period.
    expect(process!.assessmentCounts).toMatchObject({ oförändrad: 1, none: 1, positiv: 0 });
    // Medelväntetid measures two goals and counts once; Klädregler's March value stands for Delår 1 and is close.
    expect(process!.indicatorCounts).toEqual({ met: 0, close: 1, notMet: 2, noData: 0 });
    expect(process!.keyFigures.map((f) => f.indicator.name)).toEqual(['BUP, besök', 'Medelväntetid 1177', 'Klädregler']);
    expect(rest!.keyFigures.map((f) => f.indicator.name)).toEqual(['Utan mål']);
  });

  it('lists what is delayed: activities Försenad or Avbruten, also in a part, and key figures not met', () => {
    const { records } = plan();
    const overview = buildPlanOverview(records, { period: '2024-T1', unitIds: null });
    expect(overview.delayedActivities.map((a) => a.title)).toEqual(['Webbtidböcker', 'Digitala kontakter', 'BUP-projekt']);
    expect(overview.unmetKeyFigures.map((f) => f.indicator.name)).toEqual(['BUP, besök', 'Medelväntetid 1177']);
    expect(isDelayed(records.activities.find((a) => a.title === 'Hyrbemanning')!)).toBe(false);
  });

  it('counts activity statuses per focus area, with activities outside any focus area last', () => {
    const { records } = plan();
    const overview = buildPlanOverview(records, { period: '2024-T1', unitIds: null });
    expect(overview.focusAreas.map((f) => [f.focusArea?.name ?? null, f.counts['Enligt plan'], f.counts.Försenad, f.counts.Avbruten, f.counts.none])).toEqual([
      ['Omställning', 2, 1, 0, 0],
      [null, 0, 0, 1, 1],
    ]);
  });

  it('with a unit, shows only what the unit owns, and the goals its indicators measure', () => {
    const { records, bupUnit } = plan();
    const overview = buildPlanOverview(records, { period: '2024-T1', unitIds: new Set([bupUnit]) });
    expect(overview.perspectives.map((p) => p.goals.map((g) => g.goal.title))).toEqual([['God tillgänglighet']]);
    expect(overview.perspectives[0]!.keyFigures.map((f) => f.indicator.name)).toEqual(['BUP, besök']);
    expect(overview.delayedActivities.map((a) => a.title)).toEqual(['BUP-projekt']);
    expect(overview.focusAreas.map((f) => f.focusArea)).toEqual([null]);
  });

  it('has no data for a period nothing was reported for, and still lists every goal', () => {
    const { records } = plan();
    const overview = buildPlanOverview(records, { period: '2022', unitIds: null });
    expect(overview.perspectives.flatMap((p) => p.goals)).toHaveLength(3);
    expect(overview.perspectives.every((p) => p.indicatorCounts.met + p.indicatorCounts.notMet + p.indicatorCounts.close === 0)).toBe(true);
    expect(overview.unmetKeyFigures).toEqual([]);
  });
});
