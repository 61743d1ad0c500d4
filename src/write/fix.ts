/** Applies the checks' mechanical repairs to the source files, each written atomically. */
import type { Fix } from '../check/rule.js';
import { writeFileAtomic } from './output.js';

export async function applyFixes(fixes: readonly Fix[]): Promise<number> {
  const byFile = new Map<string, Fix[]>();
  for (const fix of fixes) byFile.set(fix.file.path, [...(byFile.get(fix.file.path) ?? []), fix]);
  let applied = 0;
  for (const [path, list] of byFile) {
    const first = list[0];
    if (!first) continue;
    let text = String(first.file.value);
    let limit = Infinity;
    for (const fix of [...list].sort((a, b) => b.start - a.start || b.end - a.end)) {
      if (fix.end > limit) continue; // overlapping: leave it for the next run
      text = text.slice(0, fix.start) + fix.text + text.slice(fix.end);
      limit = fix.start;
      applied += 1;
    }
    await writeFileAtomic(path, text);
  }
  return applied;
}
