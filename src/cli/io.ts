/**
 * What the command line is given of the world it runs in: its two output streams, the
 * environment, the working folder, the project's root, and a signal that says "stop" (Ctrl-C
 * or a kill, wired by src/cli/bin.ts). A test passes its own: strings for streams, an
 * environment of its own, an AbortController, and a warm browser to share.
 */
import type { BrowserSession } from '../print/browser-session.js';

export interface OutStream {
  write(text: string): unknown;
  /** A terminal: progress lines are redrawn in place, colour is on by default. */
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  env: NodeJS.ProcessEnv;
  /** Relative paths on the command line are taken from here, and messages' paths shown from here. */
  cwd: string;
  /** The project: its sources, templates, configuration and default output folder. */
  root: string;
  /**
   * Aborted on Ctrl-C or a kill (its reason: `'SIGINT'` or `'SIGTERM'`): a build stops
   * Chromium and removes its partial files, serve and watch stop, and `run` resolves with
   * 130 or 143.
   */
  signal?: AbortSignal | undefined;
  /** A warm browser to print with (watch keeps one; tests share one); else each build starts its own. */
  session?: BrowserSession | undefined;
}

/** The exit code of a command stopped by a signal (128 + its number). */
export function signalExitCode(reason: unknown): number {
  return reason === 'SIGTERM' ? 143 : 130;
}
