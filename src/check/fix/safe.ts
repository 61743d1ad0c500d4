/**
 * The safety layer of `check --fix`: the rules propose repairs as offsets in a file's text; this
 * keeps only those that are safe by construction on the parsed trees, and says why it refused the
 * others. Pure: no I/O. Repairs that overlap wait for the next round; the others go, file by
 * file, to the YAML safety (yaml-safety.ts: a .yaml source) or the Markdown safety
 * (markdown-safety.ts: a .md source, its front matter back to the YAML safety); what both
 * refuse whatever the syntax (an address, a hyphen that is not a numeric range's) is in repairs.ts.
 */
import type { Fix } from '../rule.js';
import type { Refused } from './repairs.js';
import { yamlFixes } from './yaml-safety.js';
import { markdownFixes } from './markdown-safety.js';

/** Keep the fixes that do not overlap an earlier one (in file order); the rest wait for the next round. */
function nonOverlapping(fixes: readonly Fix[]): { kept: Fix[]; overlapping: Fix[] } {
  const kept: Fix[] = [];
  const overlapping: Fix[] = [];
  let end = -1;
  for (const fix of [...fixes].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (fix.start < end || (fix.start === end && fix.start === fix.end && kept.at(-1)?.start === fix.start)) overlapping.push(fix);
    else {
      kept.push(fix);
      end = Math.max(end, fix.end);
    }
  }
  return { kept, overlapping };
}

/** Split the fixes into the safe ones and the refused ones (with the reason), file by file. */
export function safeFixes(fixes: readonly Fix[]): { safe: Fix[]; refused: Refused[] } {
  const byFile = new Map<string, Fix[]>();
  for (const fix of fixes) byFile.set(fix.file.path, [...(byFile.get(fix.file.path) ?? []), fix]);
  const safe: Fix[] = [];
  const refused: Refused[] = [];
  for (const list of byFile.values()) {
    const { kept, overlapping } = nonOverlapping(list);
    refused.push(...overlapping.map((fix) => ({ fix, why: 'overlaps another repair' })));
    const file = kept[0]?.file;
    if (!file) continue;
    const text = String(file.value ?? '');
    const result = file.extname === '.md' ? markdownFixes(text, kept) : file.extname === '.yaml' || file.extname === '.yml' ? yamlFixes(text, 0, kept) : undefined;
    if (!result) {
      refused.push(...kept.map((fix) => ({ fix, why: 'not a YAML or Markdown source' })));
      continue;
    }
    safe.push(...result.safe);
    refused.push(...result.refused);
  }
  return { safe, refused };
}
