/** Which paragraph numbers changed between two builds (no I/O). */
export interface Renumbering {
  moved: Array<{ key: string; from: number; to: number }>;
  added: Array<{ key: string; to: number }>;
  removed: Array<{ key: string; from: number }>;
}

export function renumbering(before: Record<string, number> | undefined, after: Record<string, number>): Renumbering {
  const result: Renumbering = { moved: [], added: [], removed: [] };
  if (!before) return result;
  for (const [key, to] of Object.entries(after)) {
    const from = before[key];
    if (from === undefined) result.added.push({ key, to });
    else if (from !== to) result.moved.push({ key, from, to });
  }
  for (const [key, from] of Object.entries(before)) if (!(key in after)) result.removed.push({ key, from });
  result.moved.sort((a, b) => a.from - b.from);
  result.added.sort((a, b) => a.to - b.to);
  result.removed.sort((a, b) => a.from - b.from);
  return result;
}

export function describeRenumbering(r: Renumbering): string | undefined {
  if (r.moved.length + r.added.length + r.removed.length === 0) return undefined;
  const parts: string[] = [];
  // The same number removed and new: that paragraph was rewritten in place.
  const rewritten = r.added.filter((a) => r.removed.some((x) => x.from === a.to)).map((a) => a.to);
  const added = r.added.filter((a) => !rewritten.includes(a.to));
  const removed = r.removed.filter((x) => !rewritten.includes(x.from));
  if (rewritten.length > 0) parts.push(`rewritten ${rewritten.join(', ')}`);
  if (r.moved.length > 0) parts.push(`renumbered ${r.moved.map((m) => `${m.from}→${m.to}`).join(', ')}`);
  if (added.length > 0) parts.push(`new ${added.map((a) => a.to).join(', ')}`);
  if (removed.length > 0) parts.push(`removed ${removed.map((a) => a.from).join(', ')}`);
  return parts.join('; ');
}
