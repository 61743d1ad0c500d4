/**
 * How the stage list of `src/pipeline.ts` runs (after unified-engine's file pipeline): one
 * state object goes through each stage in turn; a stage may end the run (`'stop'`: the
 * sources have errors, there is nothing to do). Per-edition stages run for each edition in
 * order; from the first stage marked `concurrent` on, an edition's remaining stages run in a
 * pool (p-limit) while the next edition goes through the first ones. What a stage sets up
 * it undoes through `state.cleanup`, run in reverse order however the run ends.
 */
import type { VFile } from 'vfile';
import pLimit from 'p-limit';
import { availableParallelism } from 'node:os';
import type { Project } from './load/project.js';
import type { LoadedConfig } from './load/config.js';
import type { Fingerprints } from './load/fingerprint.js';
import type { Coverage } from './model/fonts.js';
import type { Fix } from './check/rule.js';
import type { Lang } from './types.js';
import type { Renumbering } from './render/renumbering.js';
import type { TransformedEdition } from './transform/transform-stage.js';
import type { BrowserSession } from './print/browser-session.js';
import type { Templates } from './load/assets.js';
import type { CacheState } from './write/cache.js';
import type { StagedEdition } from './write/output.js';
import type { EditionFonts } from './fonts/fonts-stage.js';
import type { Printer } from './print/print-stages.js';
import type { OutputFolder } from './write/output-folder.js';
import type { Disk } from './load/read.js';
import { createWorld, type World } from './load/world.js';

export interface CheckOptions {
  root: string;
  langs?: readonly Lang[] | undefined;
  /** The sources folder (default: `<root>/sources`). */
  sourcesDir?: string | undefined;
  /** Where the project is read from (default: the file system; tests read one held in memory). */
  disk?: Disk | undefined;
  /** What the previous run in this process found (watch): unchanged languages are not checked again. */
  memo?: WatchMemo | undefined;
  /**
   * The environment the run sees (default: the process's): SOURCE_DATE_EPOCH,
   * COMPENDIUM_CONCURRENCY, CHROMIUM_PATH, COMPENDIUM_PRINT_TIMEOUT.
   */
  env?: NodeJS.ProcessEnv | undefined;
}

/** The environment a run sees: its own, else the process's. */
export const envOf = (options: CheckOptions): NodeJS.ProcessEnv => options.env ?? process.env;

/** The run's World, made from its options at first use: everything loading reads, and the date the editions carry, come from it. */
export function worldOf(state: CheckState): World {
  const { root, sourcesDir, disk } = state.options;
  return (state.world ??= createWorld(root, { sourcesDir, disk, env: envOf(state.options) }));
}

export interface BuildOptions extends CheckOptions {
  outDir: string;
  /** Called as each edition moves through the stages. */
  onProgress?: ((lang: Lang, stage: string) => void) | undefined;
  /** Print every edition even when its content hash says it is unchanged. */
  force?: boolean | undefined;
  /** A warm browser to reuse (watch mode); otherwise one is started for this build. */
  session?: BrowserSession | undefined;
  /** Editions printed at once (default: COMPENDIUM_CONCURRENCY, else the number of cores). */
  concurrency?: number | undefined;
}

/**
 * What a long-running process (watch) keeps between builds: per language, the content
 * fingerprint it was checked and transformed at, its checked files and its edition.
 */
export interface WatchMemo {
  check?: { shared: string; langs: Partial<Record<Lang, string>>; files: Map<string, VFile> };
  editions: Map<Lang, { key: string; edition: TransformedEdition }>;
}

export function createWatchMemo(): WatchMemo {
  return { editions: new Map() };
}

/** What the check stages leave: the project, every file with its messages, the fixes. */
export interface CheckState {
  options: CheckOptions;
  /** The project's view of the disk and environment (`worldOf`). */
  world?: World;
  config?: LoadedConfig;
  project?: Project;
  /** Per language: whether its declared fonts cover a character. */
  coverage: Map<Lang, Coverage>;
  fingerprints?: Fingerprints;
  /** Files with messages (sources, editions): report them all. */
  files: VFile[];
  fixes: Fix[];
  ok: boolean;
  cleanup: Array<() => Promise<void>>;
}

export interface EditionJob {
  lang: Lang;
  edition?: TransformedEdition;
  /** Its Akoma Ntoso XML (the `akn` stage). */
  akn?: string;
  /** The content key the cache compares. */
  key?: string;
  /** Its fonts, subset to the characters it uses (set when it is staged). */
  fonts?: EditionFonts;
  staged?: StagedEdition;
  pdf?: Uint8Array;
}

export interface BuildOutput {
  lang: Lang;
  html: string;
  pdf: string;
  cached: boolean;
}

export interface BuildState extends CheckState {
  options: BuildOptions;
  /** The browser and pdf-lib code, started early, while the sources are loaded and checked. */
  printer: () => Promise<Printer>;
  /** Editions printed at once. */
  concurrency: number;
  /** Set by Ctrl-C: nothing more is staged or printed. */
  stopped: boolean;
  /** The output folder, checked as one the tool may write into. */
  folder?: OutputFolder;
  staging?: string;
  cache?: CacheState;
  code?: string;
  /** What this build reads and how it was asked (the `unchanged` stage). */
  buildKey?: string;
  templates?: Templates;
  jobs: EditionJob[];
  outputs: BuildOutput[];
  /** Per language: which paragraph numbers changed since the previous build. */
  renumbering: Partial<Record<Lang, Renumbering>>;
}

export type Outcome = void | 'stop';
export type Stage<S> = (state: S) => Outcome | Promise<Outcome>;
/**
 * `'done'`: this edition needs no further stage (unchanged, or failed with a message).
 * `concurrent`: from this stage on, editions run in the pool. `handsOver`: once an edition
 * reaches this stage it is another process's work (Chromium's), and the next edition's first
 * stages may run.
 */
export type EditionStage = ((job: EditionJob, state: BuildState) => void | 'done' | Promise<void | 'done'>) & { concurrent?: boolean; handsOver?: boolean };

/** A value a previous stage must have set. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Pipeline stage order: ${what} is not available yet`);
  return value;
}

/** Run stages in order; false when one of them stopped the run. */
export async function runStages<S>(stages: ReadonlyArray<Stage<S>>, state: S): Promise<boolean> {
  for (const stage of stages) if ((await stage(state)) === 'stop') return false;
  return true;
}

/** Undo what the stages set up, last first; every undo runs even when one fails. */
export async function runCleanup(state: CheckState): Promise<void> {
  const errors: unknown[] = [];
  for (const undo of state.cleanup.splice(0).reverse()) await undo().catch((error: unknown) => errors.push(error));
  if (errors.length > 0) throw errors[0];
}

/**
 * Each edition through the per-edition stages; resolves when all are through (or one failed).
 * The `alongside` stages (the checks and the gate) start once the first edition has been
 * handed over to the printer and take turns with it: Chromium prints while the sources are checked. No
 * edition starts once they have stopped the build, and they are waited for before anything
 * more: when they stop it, their findings are what the build reports (an edition that failed
 * meanwhile on sources they reject is theirs to explain).
 *
 * The next edition's first stages (the transform) wait until the one before has been handed
 * over to the printer (or has ended): the first edition reaches Chromium as soon as it can,
 * and the later ones are transformed while Chromium prints, not all before the first print.
 */
export async function runEditions(stages: readonly EditionStage[], state: BuildState, alongside: ReadonlyArray<Stage<BuildState>> = []): Promise<void> {
  const split = stages.findIndex((s) => s.concurrent);
  const first = split < 0 ? stages : stages.slice(0, split);
  const rest = split < 0 ? [] : stages.slice(split);
  const limit = pLimit(Math.max(1, state.concurrency));
  const pending: Array<Promise<void>> = [];
  const through = async (list: readonly EditionStage[], job: EditionJob, handedOver = () => {}): Promise<boolean> => {
    for (const stage of list) {
      if (stage.handsOver) handedOver();
      if ((await stage(job, state)) === 'done') return false;
    }
    return true;
  };
  let verdict: Promise<boolean> | undefined;
  // Started on the next turn, so that the first edition's own next steps go first.
  const judge = (): Promise<boolean> => (verdict ??= new Promise((resolve) => setImmediate(resolve)).then(() => runStages(alongside, state)));
  let failed: unknown;
  let previous: Promise<void> = Promise.resolve();
  for (const job of state.jobs) {
    await previous;
    if (!state.ok) break;
    let go: boolean;
    try {
      go = await through(first, job);
    } catch (error) {
      failed = error;
      break;
    }
    if (!state.ok) break;
    if (!go) continue;
    // A queued edition does not start once the build has failed (the checks' verdict).
    let handedOver = () => {};
    previous = new Promise((resolve) => (handedOver = resolve));
    const later = limit(async () => void (state.ok && (await through(rest, job, handedOver)))).finally(handedOver);
    later.catch(() => undefined); // awaited below; a failure must not end the process meanwhile
    pending.push(later);
    // The checks start once the first edition is in the printer's hands, not before: until
    // then each of their turns would hold up the stages on its way there.
    void previous.then(judge);
  }
  if (!(await judge())) state.ok = false;
  if (!state.ok) {
    await Promise.allSettled(pending);
    return;
  }
  if (failed !== undefined) throw failed;
  await Promise.all(pending);
}

export type BuildStage = Stage<BuildState>;

export interface CheckResult {
  project: Project;
  files: VFile[];
  fixes: Fix[];
  ok: boolean;
  fingerprints: Fingerprints;
}

export interface BuildResult {
  /** Undefined when nothing had changed since the last build (its sources were not parsed). */
  project: Project | undefined;
  /** Files with messages (sources, editions): report them all. */
  files: VFile[];
  ok: boolean;
  outputs: BuildOutput[];
  /** Per language: which paragraph numbers changed since the previous build. */
  renumbering: Partial<Record<Lang, Renumbering>>;
}

function checkState(options: CheckOptions): CheckState {
  return { options, coverage: new Map(), files: [], fixes: [], ok: false, cleanup: [] };
}

/** `check` from a list of stages: load every source and run the rule catalogue. */
export function runCheck(stages: ReadonlyArray<Stage<CheckState>>): (options: CheckOptions) => Promise<CheckResult> {
  return async (options) => {
    const state = checkState(options);
    try {
      await runStages(stages, state);
    } finally {
      await runCleanup(state);
    }
    return { project: required(state.project, 'the project'), files: state.files, fixes: state.fixes, ok: state.ok, fingerprints: required(state.fingerprints, 'the fingerprints') };
  };
}

/** `build` from its stage lists: before, per edition, after. */
export interface BuildStages {
  before: readonly BuildStage[];
  edition: readonly EditionStage[];
  /** Run beside the editions, from when the first one is on its way to the printer; the after stages wait for them. */
  alongside: readonly BuildStage[];
  after: readonly BuildStage[];
}

export function runBuild(stages: BuildStages): (options: BuildOptions) => Promise<BuildResult> {
  return async (options) => {
    const state: BuildState = {
      ...checkState(options),
      concurrency: options.concurrency ?? (Number(envOf(options)['COMPENDIUM_CONCURRENCY']) || availableParallelism()),
      options,
      printer: () => Promise.reject(new Error('Pipeline stage order: no browser stage')),
      stopped: false,
      jobs: [],
      outputs: [],
      renumbering: {},
    };
    try {
      if (await runStages(stages.before, state)) {
        state.ok = true; // nothing has failed yet
        await runEditions(stages.edition, state, stages.alongside);
        if (state.ok) {
          state.ok = false; // until the last stage has run
          await runStages(stages.after, state);
        }
      }
    } finally {
      await runCleanup(state);
    }
    return { project: state.project, files: state.files, ok: state.ok, outputs: state.outputs, renumbering: state.renumbering };
  };
}
