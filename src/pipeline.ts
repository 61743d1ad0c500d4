/**
 * The order of the stages, nothing else (how a stage list runs: src/run-stages.ts).
 *
 *   check:  load → check                    (src/pipeline-check.ts: what `check` loads)
 *   build:  output folder → unchanged → browser → load → tabs → lock
 *           → per edition: transform → akn → cache → fonts → stage → print → postprocess → save
 *             alongside, from the first edition's print on: check sources → gate
 *           → commit → index → record
 *
 * A build with nothing changed since the last one stops at `unchanged`. The sources are
 * checked while Chromium prints; nothing is written when any source has an error (the gate:
 * what was printed meanwhile stays in the staging folder, which is removed); the previous
 * outputs are replaced only when every edition has printed (commit).
 */
import { CHECK, check } from './pipeline-check.js';
import { load } from './load/load-stage.js';
import { checkSources, gate } from './check/check-stage.js';
import { browser, print, tabs } from './print/print-stages.js';
import { transform } from './transform/transform-stage.js';
import { akn } from './render/akn-stage.js';
import { fonts } from './fonts/fonts-stage.js';
import { postprocessStage as postprocess } from './postprocess/postprocess-stage.js';
import { cache, commit, index, lock, outputFolder, record, save, stage, unchanged } from './write/output-stages.js';
import { runBuild, type BuildStages } from './run-stages.js';

export { CHECK, check };

export const BUILD: BuildStages = {
  before: [outputFolder, unchanged, browser, load, tabs, lock],
  edition: [transform, akn, cache, fonts, stage, print, postprocess, save],
  alongside: [checkSources, gate],
  after: [commit, index, record],
};

export const build = runBuild(BUILD);

export { createWatchMemo, type WatchMemo, type BuildOptions, type CheckOptions, type BuildResult, type CheckResult } from './run-stages.js';
export { interrupt } from './print/interrupt.js';
export { transformEdition, type TransformedEdition } from './transform/transform-stage.js';
