/**
 * Writing a set of source files all or nothing (translate import, mark-current): every new
 * text is written to a temporary file beside its target first; only when all are written are
 * they renamed into place, the old files kept aside until the last rename, and put back if a
 * rename fails. A failed write leaves the sources as they were.
 */
import { link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

export async function writeFilesAtomic(files: ReadonlyArray<{ path: string; data: string }>): Promise<void> {
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  const staged: Array<{ path: string; tmp: string; backup: string | undefined }> = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      const tmp = `${file.path}.${tag}.tmp`;
      staged.push({ path: file.path, tmp, backup: undefined });
      await writeFile(tmp, file.data);
    }
    for (const entry of staged) {
      if (existsSync(entry.path)) {
        entry.backup = `${entry.path}.${tag}.old`;
        await link(entry.path, entry.backup);
      }
    }
  } catch (error) {
    await Promise.all(staged.flatMap((e) => [rm(e.tmp, { force: true }), e.backup ? rm(e.backup, { force: true }) : Promise.resolve()]));
    throw error;
  }
  const done: typeof staged = [];
  try {
    for (const entry of staged) {
      await rename(entry.tmp, entry.path);
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
