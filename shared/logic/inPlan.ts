/** Whether a record is still in its plan: one a re-import took out stays reachable by its link, not in the plan's lists. */
export const isInPlan = (record: { removedAt?: string | null }) => !record.removedAt;
