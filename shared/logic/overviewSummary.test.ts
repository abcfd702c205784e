import { describe, expect, it } from 'vitest';
import { activity, assessment, goal, indicator, outcome, perspective } from '../../tests/fixtures/planRecords.ts';
import { overviewSummary, notReached } from './overviewSummary.ts';
import { buildPlanOverview } from './planOverview.ts';

/** Two perspectives as Delårsrapport 1 2024 has them; Medelväntetid measures goals of both. */
function overview() {
  const process = perspective('Process', 1);
  const staff = perspective('Medarbetare', 2);
  const access = goal('God tillgänglighet', { perspectiveId: process.id, order: 1 });
  const quality = goal('God kvalitet', { perspectiveId: process.id, order: 2 });
  const workplace = goal('Attraktiv arbetsgivare', { perspectiveId: staff.id, order: 3 });
  const bup = indicator('BUP, besök', '90 %', { goalIds: [access.id], order: 1 });
  const wait = indicator('Medelväntetid 1177', '8 min', { goalIds: [access.id, workplace.id], measure: 'minuter', direction: 'lower', order: 2 });
  const ulcers = indicator('Trycksår', '<4 %', { goalIds: [quality.id], direction: 'lower', order: 3 });
  const sick = indicator('Sjukfrånvaro', '<6 %', { goalIds: [workplace.id], direction: 'lower', order: 4 });
  return buildPlanOverview(
    {
      perspectives: [process, staff],
      goals: [access, quality, workplace],
      assessments: [assessment(access.id, '2024-T1', 'negativ'), assessment(quality.id, '2024-T1', 'positiv')],
      indicators: [bup, wait, ulcers, sick],
      outcomes: [
        outcome(bup.id, '2023-T1', 51.3),
        outcome(bup.id, '2024-T1', 20.2),
        outcome(wait.id, '2023-T1', 15.0),
        outcome(wait.id, '2024-T1', 11.6),
        outcome(ulcers.id, '2024-T1', 2.2),
      ],
      focusAreas: [],
      activities: [activity('Webbtidböcker', 'Försenad'), activity('Hyrbemanning', 'Enligt plan')],
    },
    { period: '2024-T1', unitIds: null },
  );
}

describe('what the overview leads with', () => {
  it('counts the goals by assessment and each indicator once by status and trend', () => {
    expect(overviewSummary(overview())).toEqual({
      goalCount: 3,
      assessments: { positiv: 1, oförändrad: 0, negativ: 1, uppfyllt: 0, 'delvis uppfyllt': 0, 'ej uppfyllt': 0, none: 1 },
      indicatorCount: 4,
      indicators: { met: 1, close: 0, notMet: 2, noData: 1 },
      // BUP fell from 51,3 %; the wait went down, which is better for it.
      trends: { positiv: 1, neutral: 0, negativ: 1 },
      delayedActivities: 1,
      unmetIndicators: 2,
    });
  });

  it('keeps of a perspective only what is not reached, and drops one where everything is', () => {
    const [process, staff] = overview().perspectives;
    const unmet = notReached(process!)!;
    expect(unmet.goals.map((g) => g.goal.title)).toEqual(['God tillgänglighet']);
    expect(unmet.keyFigures.map((f) => f.indicator.name)).toEqual(['BUP, besök', 'Medelväntetid 1177']);
    expect(unmet.indicatorCounts).toEqual(process!.indicatorCounts);
    expect(notReached(staff!)!.keyFigures.map((f) => f.indicator.name)).toEqual(['Medelväntetid 1177']);
    expect(notReached({ ...staff!, keyFigures: staff!.keyFigures.filter((f) => f.status.status !== 'notMet') })).toBeNull();
  });
});
