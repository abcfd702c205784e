import { activityResolve } from './activityResolve.ts';
import { activityUpdate } from './activityUpdate.ts';
import { assignmentResolve } from './assignmentResolve.ts';
import { assignmentUpdate } from './assignmentUpdate.ts';
import { goalAssessmentResolve } from './goalAssessmentResolve.ts';
import { goalAssessmentSet } from './goalAssessmentSet.ts';
import type { AnyMutationKind } from './kind.ts';
import { meetingNoteSave } from './meetingNoteSave.ts';
import { meetingSave } from './meetingSave.ts';
import { outcomeResolve } from './outcomeResolve.ts';
import { outcomeSet } from './outcomeSet.ts';
import { readinessSet } from './readinessSet.ts';

/**
 * Every kind of change a person can make, by name. The device's optimistic apply, the server's apply and
 * the description in words all look a change up here; a new kind is a module beside these and a line here
 * (and its rights rule on the server, server/lib/mutations/rights.ts).
 */
export const MUTATION_KINDS = {
  [activityUpdate.name]: activityUpdate,
  [activityResolve.name]: activityResolve,
  [outcomeSet.name]: outcomeSet,
  [outcomeResolve.name]: outcomeResolve,
  [goalAssessmentSet.name]: goalAssessmentSet,
  [goalAssessmentResolve.name]: goalAssessmentResolve,
  [assignmentUpdate.name]: assignmentUpdate,
  [assignmentResolve.name]: assignmentResolve,
  [readinessSet.name]: readinessSet,
  [meetingSave.name]: meetingSave,
  [meetingNoteSave.name]: meetingNoteSave,
} as const;

export type MutationKinds = typeof MUTATION_KINDS;
export type MutationName = keyof MutationKinds;
export const MUTATION_NAMES = Object.keys(MUTATION_KINDS) as MutationName[];

/** A kind, seen through the interface every kind shares (for code that handles any of them alike). */
export const kindOf = (name: MutationName): AnyMutationKind => MUTATION_KINDS[name] as AnyMutationKind;
