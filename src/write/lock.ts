/**
 * One build at a time per output folder: `<out>/.build.lock` holds the builder's pid. A second
 * build finds it and stops with a clear message; a lock whose process is gone is taken over.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export class LockError extends Error {
  override name = 'LockError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function acquireLock(outDir: string): Promise<() => Promise<void>> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, '.build.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new LockError(`Another build (pid ${pid}) is writing to ${outDir}: wait for it to finish (or delete ${path} if no build is running)`);
      }
      await rm(path, { force: true }); // stale: its process is gone
    }
  }
  throw new LockError(`Could not lock ${outDir}`);
}
