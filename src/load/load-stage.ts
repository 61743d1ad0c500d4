/**
 * Stage: read the configuration and every source into validated editions, the fonts each
 * language declares (for the font-coverage rule), and the content fingerprints that let a
 * long-running process (watch) skip what did not change.
 */
import type { CheckState } from '../run-stages.js';
import { loadConfig } from './config.js';
import { loadProject } from './project.js';
import { localeFonts } from './assets.js';
import { fingerprints } from './fingerprint.js';

export async function load(state: CheckState): Promise<void> {
  const { root, langs, sourcesDir } = state.options;
  const config = await loadConfig(root);
  const project = await loadProject(root, { langs, sourcesDir });
  for (const edition of project.editions) state.coverage.set(edition.lang, (await localeFonts(edition.locale)).covers);
  state.config = config;
  state.project = project;
  state.fingerprints = fingerprints(project, [String(config.file?.value ?? ''), JSON.stringify(langs ?? null), JSON.stringify(project.originalEdition?.images ?? {})]);
}
