/** Killing Chromium without Puppeteer (the main thread does so while the browser's thread is busy). */
import { rmSync } from 'node:fs';

/** Chromium's whole process tree killed at once (no graceful close), and its profile removed. */
export function killBrowser(pid: number | undefined, dataDir: string | undefined): void {
  if (pid) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
