// A module hook for the tests (node --import): every module the process loads, by URL, one a
// line, appended to the file named by RECORD_MODULES.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

// Imported first in the process itself, which registers this file as the hooks (loaded again
// on the hooks' own thread).
if (isMainThread && process.env.RECORD_MODULES) register(import.meta.url);

export async function load(url, context, nextLoad) {
  appendFileSync(process.env.RECORD_MODULES, `${url}\n`);
  return nextLoad(url, context);
}
