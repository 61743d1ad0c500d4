/**
 * The CI workflow (.github/workflows/compendium.yml) against the README, and what its jobs do:
 * languages built apart and assembled with `compendium index` are what one full build makes.
 *
 * Two languages (English, the original, and French) are built apart, as the workflow's jobs
 * build them, and stand for six: an edition's HTML and PDF depend on its own sources and on
 * the list of languages with sources (switcher, the fonts of the other languages' names), and
 * that list is read from the sources whatever --lang says. The one full build they are
 * compared with is the run's shared build of the six (test/global-setup.ts): the other four
 * editions are taken from it, and the assembled folder must be that build, byte for byte —
 * which is also the test that two builds of the same sources are byte-identical.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { sharedEditions } from '../helpers/shared-build.js';
import { cp, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { cli, ROOT, unexpectedOutput } from '../helpers/cli.js';
import { presentLangs } from '../helpers/sources.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  container?: string;
  strategy?: { matrix?: { lang?: string[] } };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'compendium.yml'), 'utf8')) as Workflow;
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The commands of the README's CI section, without their comments. */
function readmeCommands(): string[] {
  const section = readme.slice(readme.indexOf('## Continuous integration'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean);
}

const runs = (job: Job) => job.steps.flatMap((s) => (s.run ? [s.run.replace(/\$\{\{\s*matrix\.lang\s*\}\}/g, '<lang>').trim()] : []));
const needs = (job: Job) => [job.needs ?? []].flat();

describe('the CI workflow', () => {
  it('runs on every push and pull request', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
  });

  it('runs exactly the commands the README gives, job by job', () => {
    const all = Object.values(workflow.jobs).flatMap(runs);
    expect(all).toEqual(readmeCommands());
    expect(runs(workflow.jobs['check'] as Job)).toEqual(['npm run --silent check -- --format github']);
  });

  it('builds each language with sources as its own job, uploads each edition, and assembles the index last', () => {
    const build = workflow.jobs['build'] as Job;
    expect(needs(build)).toEqual(['check']);
    expect([...(build.strategy?.matrix?.lang ?? [])].sort()).toEqual(presentLangs().sort());
    expect(runs(build)).toEqual(['npm run build -- --lang <lang>']);
    const upload = build.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with).toMatchObject({ name: '${{ matrix.lang }}', path: 'output/${{ matrix.lang }}/' });

    const index = workflow.jobs['index'] as Job;
    expect(needs(index)).toEqual(['build']);
    const steps = index.steps.map((s) => s.uses?.split('@')[0] ?? s.run);
    expect(steps).toEqual(['actions/checkout', 'actions/download-artifact', 'npm run --silent compendium -- index --out output', 'actions/upload-artifact']);
    // Every artifact into its own folder named by the artifact, i.e. output/<lang>/.
    const download = index.steps[1] as Step;
    expect(download.with).toEqual({ path: 'output' });
    // The same fresh machine as the README's two commands: Debian, Node 20, root.
    for (const job of Object.values(workflow.jobs)) expect(job.container).toBe('node:20-bookworm');
  });
});

describe('languages built apart, then assembled', () => {
  const langs = ['en', 'fr'];
  let env: NodeJS.ProcessEnv;
  let full: string;
  /** Each language's job: its own output folder. */
  const jobs = new Map<string, string>();
  beforeAll(async () => {
    const shared = await sharedEditions();
    expect(shared.status, shared.stderr).toBe(0);
    env = { SOURCE_DATE_EPOCH: shared.epoch };
    full = shared.out;
    for (const lang of langs) {
      const job = await mkdtemp(join(tmpdir(), `ci-${lang}-`));
      const built = await cli(['build', '--lang', lang, '--out', job, '--quiet'], env);
      expect(built.status, built.stderr).toBe(0);
      jobs.set(lang, job);
    }
  });

  /** Every file of an output folder but the build's own bookkeeping. */
  async function tree(dir: string): Promise<Map<string, Buffer>> {
    const files = new Map<string, Buffer>();
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = relative(dir, join(entry.parentPath, entry.name));
      if (path.startsWith('.cache') || path === 'renumbering.json' || path === '.compendium-output.json') continue;
      files.set(path, await readFile(join(dir, path)));
    }
    return files;
  }

  it('gives the same HTML, fonts, PDFs and Akoma Ntoso XML, byte for byte, as one full build', async () => {
    // The workflow's jobs: one build per language on its own machine (its own output folder),
    // each edition downloaded into output/<lang>/, then `compendium index`.
    const assembled = await mkdtemp(join(tmpdir(), 'ci-assembled-'));
    for (const lang of presentLangs()) await cp(join(jobs.get(lang) ?? full, lang), join(assembled, lang), { recursive: true });
    const index = await cli(['index', '--out', assembled]);
    expect(index.status, index.stderr).toBe(0);
    expect(index.stdout).toBe('');

    const expected = await tree(full);
    const actual = await tree(assembled);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    expect([...expected.keys()]).toEqual(expect.arrayContaining(['index.html', 'en/index.html', 'fr/index.html', 'en/compendium-en.pdf', 'fr/compendium-fr.pdf']));
    for (const lang of langs) for (const name of ['index.html', 'print.html', `compendium-${lang}.pdf`, `compendium-${lang}.akn.xml`]) expect(expected.has(`${lang}/${name}`), `${lang}/${name}`).toBe(true);
    for (const [path, bytes] of expected) expect(Buffer.compare(actual.get(path) as Buffer, bytes), path).toBe(0);
  });

  it('a rebuild with nothing changed says so in one line', async () => {
    const again = await cli(['build', '--lang', 'en', '--out', jobs.get('en') as string], env);
    expect(again.status).toBe(0);
    // One line, besides the warnings about the sample translations' placeholder job numbers.
    expect(unexpectedOutput(again.stderr)).toEqual(['1 edition unchanged, nothing printed']);
    expect(again.stdout).toBe('');
  });

  it('index with no edition in the folder says what to do, exit 1', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'ci-empty-'));
    const run = await cli(['index', '--out', empty]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('No edition in');
  });
});
