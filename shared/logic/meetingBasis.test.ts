import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../schemas/assignment.ts';
import { activity, assessment, goal, indicator, outcome, unit, UNIT_ID } from '../../tests/fixtures/planRecords.ts';
import { meetingBasis, type MeetingBasisInputs } from './meetingBasis.ts';

const assignment = (code: string, endDate: string | null, status: string | null, unitId: string = UNIT_ID): Assignment => ({
  id: randomUUID(), version: 1, seq: 1, planId: randomUUID(), key: code.toLowerCase(), code, text: `Uppdrag ${code}`, givenBy: 'Regionfullmäktige',
  givenToUnitId: null, unitId, periodicity: null, endDate, status, comment: null, conflicts: [],
});

describe('meetingBasis', () => {
  it('finds what the unit and the units below it have gone wrong with in the period, and nothing of other units', () => {
    const top = unit('HSF', null, { id: UNIT_ID });
    const below = unit('BUP', UNIT_ID);
    const beside = unit('Annan förvaltning', null);
    const negative = goal('Ekonomi i balans');
    const notMetGoal = goal('God tillgänglighet', { unitId: below.id });
    const fine = goal('Nöjda invånare');
    const other = goal('Annan enhets mål', { unitId: beside.id });
    const unmet = indicator('Vårdgaranti', '85 %', { order: 1 });
    const worse = indicator('Kvarstannade', '50 %', { order: 2 });
    const good = indicator('Följsamhet', '50 %', { order: 3 });
    const unreported = indicator('Ingen data', '50 %', { order: 4 });
    const input: MeetingBasisInputs = {
      unitId: UNIT_ID,
      period: '2024-T1',
      date: '2024-05-20',
      units: [top, below, beside],
      goals: [negative, notMetGoal, fine, other],
      assessments: [
        assessment(negative.id, '2024-T1', 'negativ'),
        assessment(notMetGoal.id, '2024-03', 'ej uppfyllt'),
        assessment(fine.id, '2024-T1', 'positiv'),
        assessment(other.id, '2024-T1', 'negativ'),
        assessment(fine.id, '2023-T1', 'negativ'),
      ],
      indicators: [unmet, worse, good, unreported],
      outcomes: [
        outcome(unmet.id, '2024-T1', 70),
        outcome(worse.id, '2023-T1', 80),
        outcome(worse.id, '2024-T1', 60),
        outcome(good.id, '2023-T1', 60),
        outcome(good.id, '2024-T1', 65),
        outcome(unreported.id, '2023-T1', 10),
      ],
      activities: [
        activity('Försenad', 'Försenad', { order: 2 }),
        activity('Delvis försenad', 'Enligt plan', { order: 1, statusParts: [{ part: 'Chatt', status: 'Enligt plan' }, { part: 'Grundutbud', status: 'Försenad' }] }),
        activity('Avbruten nedan', 'Avbruten', { order: 3, unitId: below.id }),
        activity('Enligt plan', 'Enligt plan'),
        activity('Annan enhet', 'Försenad', { unitId: beside.id }),
      ],
      assignments: [
        assignment('RF3', '2024-08-31', 'Pågående'),
        assignment('RF1', '2024-03-31', null),
        assignment('RF2', '2024-06-30', 'Genomfört'),
        assignment('RF4', '2025-12-31', 'Pågående'),
        assignment('RF5', null, 'Pågående'),
        assignment('RF6', '2024-06-30', 'Pågående', beside.id),
      ],
    };
    const basis = meetingBasis(input);
    expect(basis.goals.map((g) => [g.goal.title, g.assessment.assessment])).toEqual([['Ekonomi i balans', 'negativ'], ['God tillgänglighet', 'ej uppfyllt']]);
    expect(basis.indicators.map((i) => [i.indicator.name, i.status.status, i.status.trend])).toEqual([
      ['Vårdgaranti', 'notMet', null],
      ['Kvarstannade', 'met', 'negativ'],
    ]);
    expect(basis.activities.map((a) => a.title)).toEqual(['Delvis försenad', 'Försenad', 'Avbruten nedan']);
    expect(basis.assignments.map((a) => a.code)).toEqual(['RF1', 'RF3']);

    const ofBelow = meetingBasis({ ...input, unitId: below.id });
    expect(ofBelow.goals.map((g) => g.goal.title)).toEqual(['God tillgänglighet']);
    expect(ofBelow.activities.map((a) => a.title)).toEqual(['Avbruten nedan']);
    expect(ofBelow.indicators).toEqual([]);
  });
});
