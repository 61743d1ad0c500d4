/**
 * `compendium index`: output/index.html for editions built apart (one CI job per language,
 * each edition downloaded into output/<lang>/), titled from the sources as a full build does.
 */
import type { VFile } from 'vfile';
import { loadProject } from '../load/project.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { editionsIn, writeIndexPage } from '../write/index-page.js';
import { OutputFolderError, readMarker, writeMarker } from '../write/output-folder.js';
import { hasFatal } from '../load/report.js';
import type { Lang } from '../types.js';

export async function assembleIndex(root: string, outDir: string, sourcesDir: string | undefined): Promise<{ present: Lang[]; files: VFile[]; written: boolean }> {
  const project = await loadProject(root, { sourcesDir });
  const files = project.files.filter((f) => f.messages.length > 0);
  if (hasFatal(files)) return { present: [], files, written: false };
  const present = editionsIn(outDir);
  if (present.length === 0) return { present: [], files, written: false };
  // Never replace an index.html the tool did not write (the folder's marker lists what it wrote).
  const marker = readMarker(outDir);
  if (existsSync(join(outDir, 'index.html')) && !marker?.wrote.includes('index.html')) {
    throw new OutputFolderError(`Refusing to replace ${join(outDir, 'index.html')}: it was not written by a build of this tool (move it away, or choose another --out)`);
  }
  await writeIndexPage(outDir, project.editions);
  await writeMarker(outDir, [...(marker?.wrote ?? []), 'index.html', ...present]);
  return { present, files, written: true };
}
