import { v5 as uuidv5 } from 'uuid';

const OUTCOME_NAMESPACE = '0b7f5d2e-0c0e-4f8e-a0a5-6b1c7f3e9a42';
const ASSESSMENT_NAMESPACE = '3c5e8a61-2f4d-4b7a-9e0c-d1a2b3c4d5e6';

/**
 * One outcome per indicator, period, sub-series and gender: the id follows from them, so a device and
 * the server (and two devices entering the same cell) name the same record without asking each other.
 */
export const outcomeId = (indicatorId: string, period: string, subSeriesKey: string | null, gender: string) =>
  uuidv5(`${indicatorId}/${period}/${subSeriesKey ?? ''}/${gender}`, OUTCOME_NAMESPACE);

/** One assessment per goal and period, named the same way. */
export const assessmentId = (goalId: string, period: string) => uuidv5(`${goalId}/${period}`, ASSESSMENT_NAMESPACE);

const HISTORY_NAMESPACE = '8f1c2a4e-6d3b-4e59-b7a0-94c1d2e3f4a5';

/**
 * The history entry a change adds is named after the change, in a namespace of its own: a device chooses
 * its change's id, but cannot make that name the id of any record that already exists.
 */
export const historyId = (mutationId: string) => uuidv5(mutationId, HISTORY_NAMESPACE);

const REPORT_NAMESPACE = 'c2a7e4d1-5b36-4f8a-9d0e-7a1b2c3d4e5f';

/** One report (its narrative) per plan and report point. */
export const reportId = (planId: string, period: string) => uuidv5(`${planId}/${period}`, REPORT_NAMESPACE);

const READINESS_NAMESPACE = '5e9b1d7c-3a2f-4c68-8b4e-1f0a9d8c7b6a';

/** One readiness mark per plan, unit and report point. */
export const readinessId = (planId: string, unitId: string, period: string) => uuidv5(`${planId}/${unitId}/${period}`, READINESS_NAMESPACE);

const KOLADA_NAMESPACE = '9a3d6c2b-7e15-4f80-b1c4-2d8e0f6a5b93';

/** One Kolada value per indicator, period and gender. */
export const koladaValueId = (indicatorId: string, period: string, gender: string) => uuidv5(`${indicatorId}/${period}/${gender}`, KOLADA_NAMESPACE);

const MEETING_NAMESPACE = '4d2c8e1a-7b3f-4a69-9c05-e1f2a3b4c5d6';

/**
 * A meeting is named from its unit and a key the device chooses, a note from its meeting and its key:
 * the device knows the id offline at once, and no key can name a record of another unit or meeting.
 */
export const meetingId = (unitId: string, key: string) => uuidv5(`${unitId}/${key}`, MEETING_NAMESPACE);
export const meetingNoteId = (meetingId: string, key: string) => uuidv5(`${meetingId}/note/${key}`, MEETING_NAMESPACE);
