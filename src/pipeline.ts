/**
 * The order of the stages, nothing else (how a stage list runs: src/stages.ts).
 *
 *   check:  load → check
 *   build:  output folder → unchanged → browser → load → check → gate → lock
 *           → per edition: transform → cache → stage → print → postprocess → save
 *           → commit → index → record
 *
 * A build with nothing changed since the last one stops at `unchanged`. Nothing is written
 * when any source has an error (the gate); the previous outputs are
 * replaced only when every edition has printed (commit).
 */
import { load } from './load/load-stage.js';
import { checkSources, gate } from './check/check-stage.js';
import { browser, print } from './print/printer.js';
import { transform } from './transform/edition.js';
import { postprocessStage as postprocess } from './postprocess/stage.js';
import { cache, commit, index, lock, outputFolder, printingLikely, record, save, stage, unchanged } from './write/stages.js';
import { runBuild, runCheck, type BuildStage, type EditionStage, type Stage, type CheckState } from './stages.js';

export const CHECK: ReadonlyArray<Stage<CheckState>> = [load, checkSources];

export const BUILD: { before: readonly BuildStage[]; edition: readonly EditionStage[]; after: readonly BuildStage[] } = {
  before: [outputFolder, unchanged, browser(printingLikely), load, checkSources, gate, lock],
  edition: [transform, cache, stage, print, postprocess, save],
  after: [commit, index, record],
};

export const check = runCheck(CHECK);
export const build = runBuild(BUILD);

export { createMemo, type BuildMemo, type BuildOptions, type CheckOptions, type BuildResult, type CheckResult } from './stages.js';
export { interrupt } from './print/interrupt.js';
export { transformEdition, type TransformedEdition } from './transform/edition.js';
