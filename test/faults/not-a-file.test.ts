/**
 * FIFOs, devices, sockets and folders where a file is expected are refused before they are
 * opened, each with a message in words at its place (`file:1:1`; an image at the key naming it):
 * a named pipe among the sources, as the meeting registry, as the emblem, as the papers folder,
 * as an original's document.yaml, given to `translate import`; `check`, `check --fix` and `build`
 * end at once. And a source the system will not read (permissions, a name too long, a loop of
 * links) is said in words, never as a bare error code.
 *
 * Opening a FIFO for reading blocks the whole process until something writes to it, so a
 * regression would stop this file's thread, where no timer can fire: each test starts a writer
 * of its own (`unblock`), a few seconds later, that lets such an open return, so that the test
 * fails on its time bound instead of hanging.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { cli, ROOT } from '../helpers/cli.js';
import { copySources, edit } from '../helpers/sources.js';
import { memoryDisk, nodeDisk, NotAFileError, readSource, unreadableReason, type Disk } from '../../src/load/read.js';
import { inputsDigest } from '../../src/load/inputs.js';
import { createWorld } from '../../src/load/world.js';

/** Within this, a command that meets a FIFO has ended (the unblocking writer comes later). */
const BOUND_MS = 3_000;

const writers: ChildProcess[] = [];
const sockets: Server[] = [];
afterEach(async () => {
  // Each writer with what it started (its process group).
  for (const w of writers.splice(0)) if (w.pid) process.kill(-w.pid, 'SIGKILL');
  await Promise.all(sockets.splice(0).map((s) => new Promise((done) => s.close(done))));
});

/**
 * A named pipe at `path`, and a writer that, only after the time bound, writes to it over and
 * over (each open of the pipe for reading gets a line and its end) until the test is over.
 */
function fifo(path: string): string {
  execFileSync('mkfifo', [path]);
  const loop = `sleep ${BOUND_MS / 1000 + 1}; while :; do echo unblocked > "$0"; done`;
  const writer = spawn('timeout', ['60', 'sh', '-c', loop, path], { stdio: 'ignore', detached: true });
  writer.unref();
  writers.push(writer);
  return path;
}

async function socket(path: string): Promise<void> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(path, done));
  sockets.push(server);
}

/** Run and time a command line. */
async function timed(args: string[]): Promise<{ status: number; stderr: string; stdout: string; ms: number }> {
  const started = Date.now();
  const result = await cli(args);
  return { ...result, ms: Date.now() - started };
}

const lineOf = (text: string, find: string): number => text.split('\n').findIndex((l) => l.includes(find)) + 1;

describe('the disk refuses what is not a file before opening it', () => {
  it('a FIFO, a folder, a device and a socket: their kind, and a read refused in words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'not-a-file-'));
    const pipe = fifo(join(dir, 'pipe.md'));
    await socket(join(dir, 'socket.md'));
    await mkdir(join(dir, 'folder.md'));
    await writeFile(join(dir, 'file.md'), 'text');
    const kinds = await Promise.all(['pipe.md', 'socket.md', 'folder.md', 'file.md'].map(async (n) => (await nodeDisk.stat(join(dir, n)))?.kind));
    expect(kinds).toEqual(['fifo', 'socket', 'dir', 'file']);
    expect((await nodeDisk.stat('/dev/null'))?.kind).toBe('device');
    const started = Date.now();
    for (const [path, words] of [
      [pipe, 'it is a named pipe (FIFO), not a file'],
      [join(dir, 'socket.md'), 'it is a socket, not a file'],
      [join(dir, 'folder.md'), 'it is a folder, not a file'],
      ['/dev/zero', 'it is a device, not a file'],
    ] as const) {
      const error = await nodeDisk.read(path, 100).then(() => undefined, (e: unknown) => e);
      expect(error, path).toBeInstanceOf(NotAFileError);
      expect(unreadableReason(error)).toBe(words);
    }
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
    // The build's digest of its inputs (read before anything is loaded) passes them by.
    const world = { root: dir, sources: dir, templates: join(dir, 'none'), disk: nodeDisk };
    expect(await inputsDigest(world)).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
    // A project in memory says the same of a folder.
    const memory = memoryDisk({ [join(dir, 'a', 'b.md')]: 'x' });
    expect(unreadableReason(await memory.read(join(dir, 'a'), 100).catch((e: unknown) => e))).toBe('it is a folder, not a file');
  });

  it('a source the system will not read is said in words at 1:1, not as an error code', async () => {
    const failing = (code: string): Disk => ({
      ...memoryDisk({}),
      read: () => Promise.reject(Object.assign(new Error(`${code}: raw, read '/x'`), { code })),
    });
    const said: string[] = [];
    for (const code of ['EACCES', 'ENAMETOOLONG', 'ELOOP', 'EISDIR', 'EIO', 'EWHATEVER']) {
      const file = await readSource('/x/paper.md', '/x', failing(code));
      const [message] = file.messages;
      expect([message?.line, message?.column, message?.ruleId, message?.fatal]).toEqual([1, 1, 'source-unreadable', true]);
      expect(message?.reason).not.toMatch(/E[A-Z]{3,}|raw/);
      said.push(message?.reason ?? '');
    }
    expect(said).toEqual([
      'Cannot read this source: permission to read it is denied',
      'Cannot read this source: its name is too long for the file system',
      'Cannot read this source: its symbolic links lead round in a loop',
      'Cannot read this source: it is a folder, not a file',
      'Cannot read this source: the disk could not read it (an input/output error)',
      'Cannot read this source: the system could not read it',
    ]);
    // A link the World cannot follow (a loop, a name too long) is said in words too.
    const disk: Disk = { ...memoryDisk({ '/p/sources/x.md': 'x' }), realpath: (path) => (path.endsWith('x.md') ? Promise.reject(Object.assign(new Error('ELOOP'), { code: 'ELOOP' })) : Promise.resolve(path)) };
    const file = await createWorld('/p', { disk }).read('/p/sources/x.md');
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.reason} (${m.ruleId})`)).toEqual(['1:1 Cannot read this source: its symbolic links lead round in a loop (source-unreadable)']);
  });
});

describe('the command line meets them and ends at once', () => {
  it('check: a FIFO and a socket as papers, a folder as a paper, FIFOs as the registry, the emblem and the papers folder; check --fix too', async () => {
    const sources = await copySources(['en', 'fr']);
    const where = (path: string) => relative(ROOT, join(sources, path)); // as shown from the project root
    fifo(join(sources, 'en', 'papers', 'pipe.md'));
    await socket(join(sources, 'en', 'papers', 'socket.md'));
    await mkdir(join(sources, 'en', 'papers', 'folder.md'));
    await rm(join(sources, 'meetings.yaml'));
    fifo(join(sources, 'meetings.yaml'));
    await rm(join(sources, 'fr', 'papers'), { recursive: true });
    fifo(join(sources, 'fr', 'papers'));
    fifo(join(sources, 'en', 'un-emblem.svg'));
    await edit(join(sources, 'en', 'document.yaml'), (t) => `${t}emblem: un-emblem.svg\n`);
    const emblemLine = lineOf(await readFile(join(sources, 'en', 'document.yaml'), 'utf8'), 'emblem:');
    // Something for --fix to repair, so that it copies the sources (a FIFO is not copied).
    await edit(join(sources, 'en', 'introduction.md'), (t) => t.replace('United Nations', 'United  Nations'));

    const run = await timed(['check', '--sources', sources]);
    expect(run.ms).toBeLessThan(BOUND_MS);
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n');
    for (const expected of [
      `${where('en/papers/pipe.md')}:1:1: error Cannot read this source: it is a named pipe (FIFO), not a file (source-unreadable)`,
      `${where('en/papers/socket.md')}:1:1: error Cannot read this source: it is a socket, not a file (source-unreadable)`,
      `${where('en/papers/folder.md')}:1:1: error Cannot read this source: it is a folder, not a file (source-unreadable)`,
      `${where('meetings.yaml')}:1:1: error Cannot read this source: it is a named pipe (FIFO), not a file (source-unreadable)`,
      `${where('fr/papers')}:1:1: error \`fr/papers\` is a named pipe (FIFO), not a folder: the papers go in a folder of that name (source-unreadable)`,
      `${where('en/document.yaml')}:${emblemLine}:1: error Cannot read image ${where('en/un-emblem.svg')}: it is a named pipe (FIFO), not a file (source-unreadable)`,
    ]) {
      expect(lines, run.stderr).toContain(expected);
    }
    // What could not be read is not judged again (no schema error on the empty registry).
    expect(run.stderr).not.toMatch(/meetings\.yaml:.*metadata-schema/);

    const fixed = await timed(['check', '--fix', '--sources', sources]);
    expect(fixed.ms).toBeLessThan(2 * BOUND_MS);
    expect(fixed.stderr).toMatch(/^fixed .*introduction\.md: 1 change/m);
    expect(fixed.stderr).not.toMatch(/FIFO pipe|EINVAL|^error:/m);
  });

  it('build: a FIFO as the original\'s document.yaml ends before anything is printed; translate import of a FIFO', async () => {
    const sources = await copySources(['en']);
    await rm(join(sources, 'en', 'document.yaml'));
    fifo(join(sources, 'en', 'document.yaml'));
    const out = join(mkdtempSync(join(tmpdir(), 'not-a-file-out-')), 'output');
    const build = await timed(['build', '--lang', 'en', '--sources', sources, '--out', out, '--quiet']);
    expect(build.ms).toBeLessThan(BOUND_MS);
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/en\/document\.yaml:1:1: error Cannot read this source: it is a named pipe \(FIFO\), not a file \(source-unreadable\)/);

    const xliff = fifo(join(mkdtempSync(join(tmpdir(), 'not-a-file-xlf-')), 'fr.xlf'));
    const imported = await timed(['translate', 'import', xliff]);
    expect(imported.ms).toBeLessThan(BOUND_MS);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toMatch(/fr\.xlf:1:1: error Cannot read .*fr\.xlf: it is a named pipe \(FIFO\), not a file \(xliff-read\)/);
  });
});
