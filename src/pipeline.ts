/**
 * The order of the stages, nothing else (how a stage list runs: src/stages.ts).
 *
 *   check:  load → check                    (src/pipeline-check.ts: what `check` loads)
 *   build:  output folder → browser → load → check → gate → lock
 *           → per edition: transform → cache → stage → print → postprocess → save
 *           → commit → index → record
 *
 * Nothing is written when any source has an error (the gate); the previous outputs are
 * replaced only when every edition has printed (commit).
 */
import { CHECK, check } from './pipeline-check.js';
import { gate } from './check/check-stage.js';
import { browser, print } from './print/printer.js';
import { transform } from './transform/edition.js';
import { postprocessStage as postprocess } from './postprocess/stage.js';
import { cache, commit, index, lock, outputFolder, printingLikely, record, save, stage } from './write/stages.js';
import { runBuild, type BuildStage, type EditionStage } from './stages.js';

export { CHECK, check };

export const BUILD: { before: readonly BuildStage[]; edition: readonly EditionStage[]; after: readonly BuildStage[] } = {
  before: [outputFolder, browser(printingLikely), ...CHECK, gate, lock],
  edition: [transform, cache, stage, print, postprocess, save],
  after: [commit, index, record],
};

export const build = runBuild(BUILD);

export { createMemo, type BuildMemo, type BuildOptions, type CheckOptions, type BuildResult, type CheckResult } from './stages.js';
export { interrupt } from './print/interrupt.js';
export { transformEdition, type TransformedEdition } from './transform/edition.js';
