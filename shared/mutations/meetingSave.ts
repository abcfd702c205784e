import * as v from 'valibot';
import { planReportPoints } from '../logic/calendar.ts';
import { meetingId } from '../logic/recordIds.ts';
import { UuidSchema } from '../schemas/common.ts';
import { LIST_LIMITS } from '../schemas/limits.ts';
import { MeetingFieldsSchema, type Meeting } from '../schemas/meeting.ts';
import { conflictAuthor, NOTHING_TO_SETTLE, remainingAfter, TOO_MANY_CONFLICTS } from './conflicts.ts';
import { defineMutation, refused } from './kind.ts';

export const MeetingSaveArgsSchema = v.object({
  ...MeetingFieldsSchema.entries,
  /** The device's own key for the meeting; the id follows from it and the unit (see `meetingId`). */
  key: UuidSchema,
  /** The version the person edited, or null for a new meeting. */
  baseVersion: v.nullable(v.pipe(v.number('Ange vilken version ändringen bygger på.'), v.integer(), v.minValue(1))),
  /** Conflicts on the heading this save chooses over. */
  settles: v.optional(v.pipe(v.array(UuidSchema), v.maxLength(LIST_LIMITS.conflicts, `Högst ${LIST_LIMITS.conflicts} konflikter åt gången.`)), []),
});
export type MeetingSaveArgs = v.InferInput<typeof MeetingSaveArgsSchema>;

/**
 * Creates a dialogue meeting of a unit, or changes its date, title or participants. Named on the unit
 * (whose right to keep meeting notes decides it) for a plan and one of its report points. An edit made on
 * a version someone else has changed since replaces nothing: it is kept beside what stands until someone
 * chooses, so nobody's participants or title are lost.
 */
export const meetingSave = defineMutation({
  name: 'meeting.save',
  args: MeetingSaveArgsSchema,
  parent: 'unit',
  target: 'meeting',
  history: null,
  scope: (unit, args) => ({ planId: args.planId, unitId: unit.id }),
  targetId: (unitId, args) => meetingId(unitId, args.key),
  baseVersion: (args) => args.baseVersion,
  // Dialogue meetings discuss a report point after it is reported, often after it is closed: they are
  // dated by when they are written, like a comment, and so never held up by the point they discuss.
  period: () => null,
  conflictMessage: 'Någon annan hann ändra mötet före dig. Båda versionerna finns kvar – välj vilken som ska gälla.',
  apply(unit, current, args, context) {
    if (!context.plan || !planReportPoints(context.plan).some((p) => p.period === args.period)) return refused('Perioden är inget rapporteringstillfälle i planen.');
    if (current && current.planId !== args.planId) return refused('Ett möte kan inte flyttas till en annan plan.', 'state');
    const fields = { planId: args.planId, period: args.period, date: args.date, title: args.title, participants: args.participants };
    if (current && context.stale) {
      if (current.conflicts.length >= LIST_LIMITS.conflicts) return refused(TOO_MANY_CONFLICTS, 'state');
      return { outcome: 'conflict', record: { ...current, conflicts: [...current.conflicts, { ...conflictAuthor(context), ...fields }] }, history: [] };
    }
    const conflicts = current && args.settles.length > 0 ? remainingAfter(current.conflicts, args.settles) : (current?.conflicts ?? []);
    if (!conflicts) return refused(NOTHING_TO_SETTLE, 'state');
    const record: Omit<Meeting, 'version' | 'seq'> = {
      id: meetingId(unit.id, args.key),
      key: args.key,
      unitId: unit.id,
      createdBy: current?.createdBy ?? context.author.name,
      ...fields,
      conflicts,
    };
    return { outcome: 'applied', record, history: [] };
  },
  describe: (args, _unit, words) => words.meeting(args.title, args.date),
  auditDetail: (args, current) => ({ planId: args.planId, period: args.period, date: args.date, created: current === null, settles: args.settles }),
});
