import type * as v from 'valibot';
import type { ActivityStatus, StatusPart } from '../schemas/activity.ts';
import type { EntityName, EntityRecord, RecordInput } from '../schemas/entities.ts';
import type { Assessment } from '../schemas/goal.ts';
import type { Measure } from '../schemas/indicator.ts';
import type { NoteKind } from '../schemas/meeting.ts';
import type { Period } from '../schemas/period.ts';
import type { Plan } from '../schemas/plan.ts';

/** What a change is applied with besides its arguments: who made it, when, and whether it is stale. */
export interface ChangeContext {
  mutationId: string;
  author: { id: string; name: string };
  /** When the change reached the side applying it: the server's clock on the server, the device's on the device. */
  receivedAt: string;
  /** The device's clock when the person made the change, shown as "skrivet". */
  writtenAt: string | null;
  /**
   * Someone other than the device making the change wrote the record after the version the change was
   * made on. Only the server knows; on the device a change always applies over what the device shows.
   */
  stale: boolean;
  /** The plan's report point a change dated by time was written for (see `pointWrittenFor`), or null. */
  period: Period | null;
  /** The plan the change is made in (see `changeScope`), as the side applying it holds it. */
  plan: Plan | null;
}

/** The plan a change is made in and the unit whose right decides it (and on which everything it writes lies). */
export interface ChangeScope {
  planId: string;
  unitId: string;
}

/**
 * What a change does to its record: it takes effect (`applied`), or is kept on the record for someone to
 * settle without replacing what stands (`conflict`), or cannot be made at all (`refused`, with why).
 * `history` holds records the change adds (an activity's history entry), never changes to existing ones.
 */
export type Applied<T extends EntityName, H extends EntityName> =
  | { outcome: 'applied' | 'conflict'; record: RecordInput<T>; history: RecordInput<H>[] }
  | { outcome: 'refused'; message: string; reason: RefusalReason };

/** Whether a refused change was wrong in itself (`input`) or does not fit the record as it stands (`state`). */
export type RefusalReason = 'input' | 'state';

/** The words a change is described in on the device; the UI supplies them from its strings and formats. */
export interface ChangeWords {
  status(status: ActivityStatus | null): string;
  statusParts(parts: StatusPart[]): string;
  comment(text: string): string;
  chosenStatus(status: ActivityStatus | null): string;
  outcome(period: string, value: number, measure: Measure | null): string;
  chosenValue(period: string, value: number, measure: Measure | null): string;
  assessment(period: string, assessment: Assessment): string;
  chosenAssessment(period: string, assessment: Assessment): string;
  assignmentStatus(status: string): string;
  chosenAssignmentStatus(status: string | null): string;
  /** Joins the parts of one change ("Status: Försenad · Kommentar: …"). */
  join(parts: string[]): string;
  readiness(period: string, ready: boolean): string;
  meeting(title: string, date: string): string;
  meetingNote(kind: NoteKind, words: string, meetingTitle: string | null): string;
}

/**
 * One kind of change a person makes, defined once for the device (which applies it at once, offline) and
 * the server (which applies it again, authoritatively): its arguments, the record it names (`parent`:
 * whose unit decides the right to make it, and whose lock orders concurrent writers), the record it
 * writes (`target`, which is the parent itself or a record under it, such as an indicator's outcome for
 * a period), and what it does, as a pure function of the records and the arguments.
 */
export interface MutationKind<N extends string, S extends v.GenericSchema, P extends EntityName, T extends EntityName, H extends EntityName> {
  readonly name: N;
  readonly args: S;
  readonly parent: P;
  readonly target: T;
  /** The kind of record the change adds besides its target, if any. */
  readonly history: H | null;
  /**
   * The plan and unit of the change, where the record it names does not carry them itself (a unit's
   * readiness for a plan's report point); otherwise the record's own `planId` and `unitId`.
   */
  scope?(parent: EntityRecord<P>, args: v.InferOutput<S>): ChangeScope;
  targetId(recordId: string, args: v.InferOutput<S>): string;
  /** The version of the target the person saw when making the change; null when they saw none. */
  baseVersion(args: v.InferOutput<S>): number | null;
  /**
   * The period the change is dated to by its own arguments (an outcome's, an assessment's), or null for
   * one dated by when it was written (a status, a comment); a closed period refuses either.
   */
  period(args: v.InferOutput<S>): Period | null;
  apply(parent: EntityRecord<P>, current: EntityRecord<T> | null, args: v.InferOutput<S>, context: ChangeContext): Applied<T, H>;
  /** What the change is, in words, for the list of changes on the device. */
  describe(args: v.InferOutput<S>, parent: EntityRecord<P> | undefined, words: ChangeWords): string;
  /** What the author is told when their change was kept as a conflict. */
  readonly conflictMessage: string;
  /** What the audit trail keeps of the change (never more than the change itself says). */
  auditDetail(args: v.InferOutput<S>, current: EntityRecord<T> | null): Record<string, unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMutationKind = MutationKind<string, v.GenericSchema, EntityName, EntityName, any>;

/** Declares a kind, checking it against the interface while keeping its precise types. */
export const defineMutation = <N extends string, S extends v.GenericSchema, P extends EntityName, T extends EntityName, H extends EntityName = never>(
  kind: MutationKind<N, S, P, T, H>,
) => kind;

export const refused = (message: string, reason: RefusalReason = 'input') => ({ outcome: 'refused' as const, message, reason });

/** Where a change is made: its kind's own scope, or the plan and unit of the record it names. */
export function changeScope(kind: AnyMutationKind, parent: unknown, args: unknown): ChangeScope {
  if (kind.scope) return kind.scope(parent as never, args);
  const { planId, unitId } = parent as { planId: string; unitId: string };
  return { planId, unitId };
}
