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
  const staged: Array<{ path: string; tmp: string; backup: string | undefined }> = [];
  const done: typeof staged = [];
  // Ctrl-C or a kill meanwhile: the files replaced so far are put back and the staged copies
  // removed before the process ends (an interrupted export left its *.tmp files behind).
  const state = { stopped: false, pending: Promise.resolve() as Promise<unknown> };
  const unregister = onInterrupt(async () => {
    state.stopped = true;
    await state.pending.catch(() => undefined); // the write or rename under way ends first
    for (const entry of done.splice(0)) {
      if (entry.backup) await rename(entry.backup, entry.path).catch(() => undefined);
      else await rm(entry.path, { force: true });
    }
    await Promise.all(staged.flatMap((e) => [rm(e.tmp, { force: true }), e.backup ? rm(e.backup, { force: true }) : Promise.resolve()]));
  });
  try {
    await writeStaged(files, tag, staged, done, state);
  } finally {
    unregister();
  }
}

async function writeStaged(
  files: ReadonlyArray<{ path: string; data: string }>,
  tag: string,
  staged: Array<{ path: string; tmp: string; backup: string | undefined }>,
  done: Array<{ path: string; tmp: string; backup: string | undefined }>,
  state: { stopped: boolean; pending: Promise<unknown> },
): Promise<void> {
  /** One step at a time, none after an interrupt (whose handler waits for the step under way). */
  const step = async <T>(work: () => Promise<T>): Promise<T> => {
    if (state.stopped) throw new Error('Interrupted');
    const running = work();
    state.pending = running;
    return running;
  };
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
    await Promise.all(staged.map((e) => rm(e.tmp, { force: true })));
    throw error;
  }
  await Promise.all(staged.map((e) => (e.backup ? rm(e.backup, { force: true }) : Promise.resolve())));
}
