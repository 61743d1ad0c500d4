/** `compendium add-paper`: scaffold a new paper in every language, then say what is left. */
import { join } from 'node:path';
import { loadProject } from '../load/project.js';
import { didYouMean } from '../model/suggest.js';
import { symbolProblems } from '../model/symbols.js';
import { newPaperFile, paperFileName, type NewPaper } from '../scaffold/new-paper.js';
import { writeNewFiles } from '../write/output.js';

export async function addPaper(root: string, sourcesDir: string, paper: NewPaper): Promise<string[]> {
  const problems = symbolProblems(paper.symbol);
  if (problems.length > 0) throw new Error(`Symbol ${paper.symbol}: ${problems.join('; ')}`);
  const project = await loadProject(root, { sourcesDir });
  const original = project.original;
  const source = project.originalEdition;
  if (!original || !source) throw new Error('The sources do not load: run check first');
  if (!source.themes.some((t) => t.id === paper.theme)) {
    const ids = source.themes.map((t) => t.id);
    throw new Error(`Unknown theme "${paper.theme}": ${didYouMean(paper.theme, ids, (s) => `"${s}"`) || `one of ${ids.join(', ')}`}`);
  }
  const name = paperFileName(paper.symbol);
  const targets = project.editions.map((e) => ({ edition: e, path: join(sourcesDir, e.lang, 'papers', name) }));
  await writeNewFiles(targets.map(({ edition, path }) => ({ path, text: newPaperFile(paper, edition.locale, original) })));
  return targets.map((t) => t.path);
}
