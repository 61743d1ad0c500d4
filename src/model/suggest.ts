/**
 * "Did you mean …?": the closest of the names a place accepts to one that was mistyped
 * (Levenshtein distance through `leven`), or the one name that starts with what was typed.
 */
import leven, { closestMatch } from 'leven';

export function closest(value: string, candidates: readonly string[]): string | undefined {
  const typed = value.toLowerCase();
  const lower = candidates.map((c) => c.toLowerCase());
  // At most a third of the word may differ (and always one or two letters): `demnd` → `demand`,
  // but nothing for a word that merely shares letters with a name.
  const maxDistance = Math.max(2, Math.floor(typed.length / 3));
  const near = typed === '' ? undefined : closestMatch(typed, lower, { maxDistance: maxDistance + 1 });
  if (near !== undefined && leven(typed, near) <= maxDistance) return candidates[lower.indexOf(near)];
  const starting = typed.length >= 3 ? candidates.filter((c, i) => lower[i]?.startsWith(typed)) : [];
  return starting.length === 1 ? starting[0] : undefined;
}

/** `did you mean `x`?`, or '' when no name is close. */
export function didYouMean(value: string, candidates: readonly string[], quote = (s: string) => `\`${s}\``): string {
  const best = closest(value, candidates);
  return best === undefined || best === value ? '' : `did you mean ${quote(best)}?`;
}
