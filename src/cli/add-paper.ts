/** `compendium add-paper`: scaffold a new paper in every language, then say what is left. */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { loadProject } from '../load/project.js';
import { didYouMean } from '../load/suggest.js';
import { symbolProblems } from '../model/symbols.js';
import { newPaperFile, paperFileName, type NewPaper } from '../scaffold/new-paper.js';
import { writeNewFile } from '../write/output.js';

export async function addPaper(root: string, sourcesDir: string, paper: NewPaper): Promise<string[]> {
  const problems = symbolProblems(paper.symbol);
  if (problems.length > 0) throw new Error(`Symbol ${paper.symbol}: ${problems.join('; ')}`);
  const project = await loadProject(root, { sourcesDir });
  const original = project.original;
  const source = project.editions.find((e) => e.lang === original);
  if (!original || !source) throw new Error('The sources do not load: run check first');
  if (!source.themes.some((t) => t.id === paper.theme)) {
    const ids = source.themes.map((t) => t.id);
    throw new Error(`Unknown theme "${paper.theme}": ${didYouMean(paper.theme, ids, (s) => `"${s}"`) || `one of ${ids.join(', ')}`}`);
  }
  const name = paperFileName(paper.symbol);
  const targets = project.editions.map((e) => ({ edition: e, path: join(sourcesDir, e.lang, 'papers', name) }));
  const existing = targets.filter((t) => existsSync(t.path)).map((t) => t.path);
  if (existing.length > 0) throw new Error(`Already there: ${existing.join(', ')}`);
  for (const { edition, path } of targets) await writeNewFile(path, newPaperFile(paper, edition.locale, original));
  return targets.map((t) => t.path);
}
