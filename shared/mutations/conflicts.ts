import { LIST_LIMITS } from '../schemas/limits.ts';
import type { ChangeContext } from './kind.ts';

export const TOO_MANY_CONFLICTS = `Här finns redan ${LIST_LIMITS.conflicts} olösta konflikter. Välj vad som ska gälla innan fler ändringar görs.`;
export const NOTHING_TO_SETTLE = 'Konflikten du valde i är redan löst eller finns inte. Uppdatera och välj igen.';
export const CHOICE_CONFLICT = 'Någon annan hann ändra eller välja före dig. Ditt val finns kvar bredvid det som gäller – välj igen.';

/** Who proposed a value that did not take effect, kept with it on the record. */
export const conflictAuthor = (context: ChangeContext) => ({
  mutationId: context.mutationId,
  authorId: context.author.id,
  authorName: context.author.name,
  receivedAt: context.receivedAt,
  writtenAt: context.writtenAt,
});

/**
 * The conflicts that remain once a choice settles `settles`, or why the choice cannot settle them: it
 * may name only conflicts that are open. (A choice made on a record someone else has changed since is
 * not a settlement at all: the caller keeps it as a conflict of its own.)
 */
export function remainingAfter<C extends { mutationId: string }>(conflicts: C[], settles: string[]): C[] | null {
  const open = new Set(conflicts.map((k) => k.mutationId));
  if (settles.length === 0 || !settles.every((id) => open.has(id))) return null;
  const settled = new Set(settles);
  return conflicts.filter((k) => !settled.has(k.mutationId));
}
