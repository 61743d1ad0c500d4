/**
 * A short word diff of two versions of a text, for messages and translators' notes: words are
 * what white space separates (so `*Prevention*.` is one word), compared with the `diff` package.
 * No I/O.
 */
import { diffArrays } from 'diff';

const CONTEXT = 4;
const MAX_CHANGES = 3;
const MAX_PART = 12;

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);
const clip = (list: string[]): string => (list.length > MAX_PART ? `${list.slice(0, MAX_PART).join(' ')} …` : list.join(' '));

/** `…before [-removed-]{+added+} after…`, at most three changes. */
export function wordDiff(before: string, after: string): string {
  const parts = diffArrays(words(before), words(after));
  const out: string[] = [];
  let changes = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part || (!part.added && !part.removed)) continue;
    changes += 1;
    const previous = parts[i - 1];
    let change = part.removed ? `[-${clip(part.value)}-]` : `{+${clip(part.value)}+}`;
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      change += `{+${clip(next.value)}+}`;
      i += 1;
    }
    if (changes > MAX_CHANGES) continue;
    // Context words around the change, with … only where words were left out.
    const before = previous && !previous.added && !previous.removed ? previous.value : [];
    const following = parts[i + 1];
    const after = following && !following.added && !following.removed ? following.value : [];
    const lead = before.length > 0 ? `${before.length > CONTEXT ? '…' : ''}${before.slice(-CONTEXT).join(' ')} ` : '';
    const trail = after.length > 0 ? ` ${after.slice(0, CONTEXT).join(' ')}${after.length > CONTEXT ? '…' : ''}` : '';
    out.push(`${lead}${change}${trail}`);
  }
  if (out.length === 0) return 'no change in the words (only spacing)';
  return out.join('; ') + (changes > MAX_CHANGES ? ` (and ${changes - MAX_CHANGES} more)` : '');
}
