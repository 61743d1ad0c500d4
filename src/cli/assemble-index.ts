/**
 * `compendium index`: output/index.html for editions built apart (one CI job per language,
 * each edition downloaded into output/<lang>/), titled from the sources as a full build does.
 */
import type { VFile } from 'vfile';
import { loadProject } from '../load/project.js';
import { editionsIn, writeAssembledIndex } from '../write/write-index.js';
import { hasFatal } from '../load/report.js';
import type { Lang } from '../types.js';

export async function assembleIndex(root: string, outDir: string, sourcesDir: string | undefined): Promise<{ present: Lang[]; files: VFile[]; written: boolean }> {
  const project = await loadProject(root, { sourcesDir });
  const files = project.files.filter((f) => f.messages.length > 0);
  if (hasFatal(files)) return { present: [], files, written: false };
  const present = editionsIn(outDir);
  if (present.length === 0) return { present: [], files, written: false };
  await writeAssembledIndex(outDir, project.editions, present);
  return { present, files, written: true };
}
