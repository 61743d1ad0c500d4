/** Which paragraph numbers changed between two builds (no I/O). */
import { createHash } from 'node:crypto';
import type { EditionSource } from '../types.js';

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

/**
 * Paragraph number by a key that survives renumbering: the paper it belongs to and a hash of
 * its text (a rewritten paragraph reads as removed and new).
 */
export function paragraphKeys(
  edition: Pick<EditionSource, 'papers' | 'introduction'>,
  paragraphs: ReadonlyArray<{ number: number; path: string; text: string }>,
): Record<string, number> {
  const byPath = new Map<string, string>(edition.papers.map((p) => [p.file.path, p.symbol]));
  byPath.set(edition.introduction.file.path, 'introduction');
  const keys: Record<string, number> = {};
  for (const p of paragraphs) {
    const owner = byPath.get(p.path) ?? p.path;
    const base = `${owner} ${createHash('sha256').update(p.text).digest('hex').slice(0, 10)}`;
    let key = base;
    for (let i = 2; key in keys; i++) key = `${base}-${i}`;
    keys[key] = p.number;
  }
  return keys;
}
