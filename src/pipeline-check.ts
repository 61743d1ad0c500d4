/**
 * The check's stages, which the build's list (src/pipeline.ts) starts with too: apart so that
 * `check` loads only the code it runs (no transform, browser, pdf-lib or writer).
 *
 *   check:  load → check
 */
import { load } from './load/load-stage.js';
import { checkSources } from './check/check-stage.js';
import { runCheck, type Stage, type CheckState } from './run-stages.js';

export const CHECK: ReadonlyArray<Stage<CheckState>> = [load, checkSources];

export const check = runCheck(CHECK);

export { createWatchMemo, type WatchMemo, type CheckOptions, type CheckResult } from './run-stages.js';
