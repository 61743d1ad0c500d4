/**
 * Stage: read the configuration and every source into validated editions, the fonts each
 * language declares (for the font-coverage rule), and the content fingerprints that let a
 * long-running process (watch) skip what did not change — all through the run's World.
 */
import { worldOf, type CheckState } from '../run-stages.js';
import { loadConfig } from './config.js';
import { loadProject } from './project.js';
import { localeFonts } from './assets.js';
import { fingerprints } from './fingerprint.js';

export async function load(state: CheckState): Promise<void> {
  const { langs } = state.options;
  const world = worldOf(state);
  const config = await loadConfig(world);
  const project = await loadProject(world.root, { langs, world });
  for (const edition of project.editions) state.coverage.set(edition.lang, (await localeFonts(edition.locale, world.disk)).covers);
  state.config = config;
  state.project = project;
  state.fingerprints = fingerprints(project, [String(config.file?.value ?? ''), JSON.stringify(langs ?? null), JSON.stringify(project.originalEdition?.images ?? {})]);
}
