/** The text of a translation's record (sources/<lang>/translation.yaml). No I/O. */
import { stringify } from 'yaml';

export interface RecordEntry {
  /** The first 16 hex digits of the SHA-256 of the original's canonical text. */
  hash: string;
  /** That text, for a word diff when the original changes. */
  source: string;
}

const HEADER = `# Which version of the original each unit of this translation translates: the unit's id
# (file#position), the hash of the original's text and that text. Written by
# \`compendium translate import\` and \`compendium translate mark-current\`; the stale-translation
# check compares it with the original. Not for editing by hand.
`;

export function recordText(original: string, entries: ReadonlyArray<readonly [string, RecordEntry]>): string {
  const units = Object.fromEntries(entries.map(([key, e]) => [key, { hash: e.hash, source: e.source }]));
  return HEADER + stringify({ original, units }, { lineWidth: 0 });
}
