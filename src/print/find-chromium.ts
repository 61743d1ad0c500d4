/**
 * Where the system Chromium is: $CHROMIUM_PATH, else Debian's and Google's usual paths.
 * No Puppeteer here, so that scripts/setup.mjs can ask without loading it.
 */
import { existsSync } from 'node:fs';

export const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

export class BrowserNotFoundError extends Error {
  constructor() {
    super(
      'Chromium was not found (looked at $CHROMIUM_PATH, ' +
        CANDIDATES.join(', ') +
        '). Install it with `npm run setup` (as root: apt-get install chromium) or set CHROMIUM_PATH to its executable.',
    );
    this.name = 'BrowserNotFoundError';
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new BrowserNotFoundError();
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new BrowserNotFoundError();
  return found;
}
