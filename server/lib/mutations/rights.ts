import type { MutationKinds, MutationName } from '@shared/mutations/kinds.ts';
import type { EntityRecord } from '@shared/schemas/entities.ts';
import type { Access } from '../access.ts';

/** What a person may do with the record a change names: make the change, only see it, or not even know it exists. */
export type Right = 'allowed' | 'forbidden' | 'hidden';

const onWritableUnit = (access: Access, record: { unitId: string }): Right =>
  !access.canRead(record.unitId) ? 'hidden' : access.canWrite(record.unitId) ? 'allowed' : 'forbidden';

/**
 * Dialogue meetings: written by the unit's controllers (and administratörer), read by the unit and those
 * above it. Someone who reads the unit only as the chain above their own is not told its meetings exist.
 */
const onMeetingUnit = (access: Access, unitId: string, known: boolean): Right =>
  access.canWriteMinutes(unitId) ? 'allowed' : access.canReadMinutes(unitId) || (known && access.canRead(unitId)) ? 'forbidden' : 'hidden';

/**
 * Who may make each kind of change, decided on the record it names (the one place for it; the push and
 * the REST routes both go through it). Reporting is for rapportörer and administratörer of the record's unit.
 */
export const MUTATION_RIGHTS: { [N in MutationName]: (access: Access, parent: EntityRecord<MutationKinds[N]['parent']>) => Right } = {
  'activity.update': onWritableUnit,
  'activity.resolve': onWritableUnit,
  'outcome.set': onWritableUnit,
  'outcome.resolve': onWritableUnit,
  'goalAssessment.set': onWritableUnit,
  'goalAssessment.resolve': onWritableUnit,
  // Whoever answers for an assignment: the unit it is directed to, else the plan's own.
  'assignment.update': onWritableUnit,
  'assignment.resolve': onWritableUnit,
  // A unit's own rapportörer (and those above them) say when its part of a report is done.
  'readiness.set': (access, unit) => onWritableUnit(access, { unitId: unit.id }),
  'meeting.save': (access, unit) => onMeetingUnit(access, unit.id, true),
  'meetingNote.save': (access, meeting) => onMeetingUnit(access, meeting.unitId, false),
};
