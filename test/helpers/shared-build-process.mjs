// The run's shared build of the six editions, in a process of its own (started by
// test/global-setup.ts): the command line's `run` from the compiled code (dist/, which
// scripts/setup.mjs compiles before the tests), printing in the run's shared Chromium. Apart
// from the test runner's main thread, which meanwhile serves the test files their modules.
//   node shared-build-process.mjs ROOT OUT OUTCOME ENDPOINT EPOCH
// Writes {status, stderr} to OUTCOME when the build has ended.
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { connectTracked } from './connect-browser.mjs';

const [root, out, outcome, endpoint, epoch] = process.argv.slice(2);
const dist = (path) => import(pathToFileURL(join(root, 'dist', path)).href);
const [{ run }, { BrowserSession }] = await Promise.all([dist('cli/run.js'), dist('print/browser-session.js')]);

// The shared browser: this build's tabs are closed when it ends, the browser is left running.
const session = new BrowserSession(() => connectTracked(endpoint));

let stderr = '';
const status = await run(['build', '--out', out, '--quiet'], {
  stdout: { write: () => true },
  stderr: { write: (text) => ((stderr += text), true) },
  env: { ...process.env, SOURCE_DATE_EPOCH: epoch },
  cwd: root,
  root,
  session,
}).catch((error) => ((stderr += String(error)), 1));
await session.close();
// Written whole, then renamed into place: a reader never sees half of it.
await writeFile(`${outcome}.partial`, JSON.stringify({ status, stderr }));
await rename(`${outcome}.partial`, outcome);
