/** A short word diff of two versions of a text, for messages and translators' notes. No I/O. */
import { diffWords } from 'diff';

const CONTEXT = 4;
const MAX_CHANGES = 3;
const MAX_PART = 80;

const clip = (s: string): string => (s.length > MAX_PART ? `${s.slice(0, MAX_PART - 1)}…` : s);

/** `… before [-removed-]{+added+} after …`, at most three changes. */
export function wordDiff(before: string, after: string): string {
  const parts = diffWords(before, after);
  const out: string[] = [];
  let changes = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part || (!part.added && !part.removed)) continue;
    changes += 1;
    if (changes > MAX_CHANGES) continue;
    const previous = parts[i - 1];
    const lead = previous && !previous.added && !previous.removed ? previous.value.trim().split(/\s+/).slice(-CONTEXT).join(' ') : '';
    let change = part.removed ? `[-${clip(part.value.trim())}-]` : `{+${clip(part.value.trim())}+}`;
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      change += `{+${clip(next.value.trim())}+}`;
      i += 1;
    }
    const after2 = parts[i + 1];
    const trail = after2 && !after2.added && !after2.removed ? after2.value.trim().split(/\s+/).slice(0, CONTEXT).join(' ') : '';
    out.push(`${lead ? `…${lead} ` : ''}${change}${trail ? ` ${trail}…` : ''}`);
  }
  if (out.length === 0) return 'no change in the words (only spacing or markup)';
  return out.join('; ') + (changes > MAX_CHANGES ? ` (and ${changes - MAX_CHANGES} more)` : '');
}
