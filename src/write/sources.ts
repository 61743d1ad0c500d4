/**
 * Writing a set of source files all or nothing (translate import, mark-current): every new
 * text is written to a temporary file beside its target first; only when all are written are
 * they renamed into place, the old files kept aside until the last rename, and put back if a
 * rename fails. A failed write leaves the sources as they were.
 */
import { link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { onInterrupt } from '../print/interrupt.js';

export async function writeFilesAtomic(files: ReadonlyArray<{ path: string; data: string }>): Promise<void> {
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  // Ctrl-C or a kill meanwhile: no step starts after it, and the process ends only once the
  // writing has undone itself (what it replaced put back, its staged files removed) or has
  // finished (an interrupted export left its *.tmp files behind).
  const state = { stopped: false };
  let settled: Promise<unknown> = Promise.resolve();
  const unregister = onInterrupt(async () => {
    state.stopped = true;
    await settled;
  });
  try {
    const writing = writeStaged(files, tag, state);
    settled = writing.catch(() => undefined);
    await writing;
  } finally {
    unregister();
  }
}

async function writeStaged(
  files: ReadonlyArray<{ path: string; data: string }>,
  tag: string,
  state: { stopped: boolean },
): Promise<void> {
  /** No step after an interrupt: the writing undoes itself instead (below). */
  const step = async <T>(work: () => Promise<T>): Promise<T> => {
    if (state.stopped) throw new Error('Interrupted');
    return work();
  };
  const staged: Array<{ path: string; tmp: string; backup: string | undefined }> = [];
  try {
    for (const file of files) {
      await step(() => mkdir(dirname(file.path), { recursive: true }));
      const tmp = `${file.path}.${tag}.tmp`;
      staged.push({ path: file.path, tmp, backup: undefined });
      await step(() => writeFile(tmp, file.data));
    }
    for (const entry of staged) {
      if (existsSync(entry.path)) {
        entry.backup = `${entry.path}.${tag}.old`;
        await step(() => link(entry.path, entry.backup as string));
      }
    }
  } catch (error) {
    await Promise.all(staged.flatMap((e) => [rm(e.tmp, { force: true }), e.backup ? rm(e.backup, { force: true }) : Promise.resolve()]));
    throw error;
  }
  const done: typeof staged = [];
  try {
    for (const entry of staged) {
      await step(() => rename(entry.tmp, entry.path));
      done.push(entry);
    }
  } catch (error) {
    // Put back what was already replaced; remove what was new.
    for (const entry of done) {
      if (entry.backup) await rename(entry.backup, entry.path).catch(() => undefined);
      else await rm(entry.path, { force: true });
    }
    await Promise.all(staged.flatMap((e) => [rm(e.tmp, { force: true }), e.backup && !done.includes(e) ? rm(e.backup, { force: true }) : Promise.resolve()]));
    throw error;
  }
  await Promise.all(staged.map((e) => (e.backup ? rm(e.backup, { force: true }) : Promise.resolve())));
}
