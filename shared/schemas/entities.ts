import type * as v from 'valibot';
import { ActivitySchema, ActivityUpdateSchema } from './activity.ts';
import { AssignmentSchema } from './assignment.ts';
import { FocusAreaSchema } from './focusArea.ts';
import { GoalAssessmentSchema, GoalSchema } from './goal.ts';
import { IndicatorSchema } from './indicator.ts';
import { KoladaValueSchema } from './kolada.ts';
import { MeetingNoteSchema, MeetingSchema } from './meeting.ts';
import { OutcomeSchema } from './outcome.ts';
import { PerspectiveSchema } from './perspective.ts';
import { PlanSchema } from './plan.ts';
import { ReadinessSchema } from './readiness.ts';
import { ReportSchema } from './report.ts';
import { OrgUnitSchema } from './unit.ts';

/** Every record kind that syncs to devices, by the name it travels under. */
export const ENTITY_SCHEMAS = {
  unit: OrgUnitSchema,
  plan: PlanSchema,
  perspective: PerspectiveSchema,
  focusArea: FocusAreaSchema,
  assignment: AssignmentSchema,
  goal: GoalSchema,
  goalAssessment: GoalAssessmentSchema,
  indicator: IndicatorSchema,
  outcome: OutcomeSchema,
  activity: ActivitySchema,
  activityUpdate: ActivityUpdateSchema,
  report: ReportSchema,
  readiness: ReadinessSchema,
  koladaValue: KoladaValueSchema,
  meeting: MeetingSchema,
  meetingNote: MeetingNoteSchema,
} as const;

export type EntityName = keyof typeof ENTITY_SCHEMAS;
export const ENTITY_NAMES = Object.keys(ENTITY_SCHEMAS) as EntityName[];
export type EntityRecord<E extends EntityName> = v.InferOutput<(typeof ENTITY_SCHEMAS)[E]>;

/** A record as a writer supplies it: the version and change sequence are the database's to assign. */
export type RecordInput<E extends EntityName> = Omit<EntityRecord<E>, 'version' | 'seq'>;
