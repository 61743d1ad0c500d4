/**
 * Rule fixtures (after remark-lint's ok/not-ok examples): each rule's
 * `src/check/rules/<id>.fixtures.yaml` lists small projects — the files they change from
 * `src/check/rules/fixtures/base.yaml` — and exactly the messages the rule gives for each.
 * They are checked in memory (no copy of the real sources, no disk).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { VFile } from 'vfile';
import { loadProject } from '../../src/load/project.js';
import { memoryDisk } from '../../src/load/read.js';
import { localeFonts } from '../../src/load/assets.js';
import { runChecks } from '../../src/check/run.js';
import type { RuleSetting, Severity } from '../../src/load/config.js';
import type { Coverage } from '../../src/model/fonts.js';
import type { Lang } from '../../src/types.js';
import { ROOT } from './cli.js';

export const RULES_DIR = join(ROOT, 'src', 'check', 'rules');

export interface Fixture {
  name: string;
  /** Files changed from the base, by path under sources/ (null removes one). */
  files?: Record<string, string | null>;
  /** Rule settings, as in compendium.config.yaml's `rules:`. */
  rules?: Record<string, Severity | [Severity, Record<string, unknown>]>;
  /** Exactly the messages of the rule: `path:line:column: severity: reason`. */
  messages?: string[];
  /**
   * The messages of other rules and of the loader, as `path:line:column: severity: reason (id)`:
   * exactly these in an ok example (none when absent); checked in a not-ok example when given.
   */
  others?: string[];
}

export interface FixtureFile {
  ok?: Fixture[];
  'not-ok'?: Fixture[];
}

const base = parse(readFileSync(join(RULES_DIR, 'fixtures', 'base.yaml'), 'utf8')) as { config: { yearSeries: string[] }; files: Record<string, string> };
const locales = Object.fromEntries(
  readdirSync(join(ROOT, 'templates', 'locales')).map((name) => [join(ROOT, 'templates', 'locales', name), readFileSync(join(ROOT, 'templates', 'locales', name), 'utf8')]),
);

export function readFixtures(id: string): FixtureFile | undefined {
  try {
    return parse(readFileSync(join(RULES_DIR, `${id}.fixtures.yaml`), 'utf8')) as FixtureFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const SOURCES = join(ROOT, 'fixture-sources');

/** The base project with `changes` (a file set to null is removed), loaded from memory with the real locale packs. */
export function loadFixtureProject(changes: Record<string, string | null> = {}): ReturnType<typeof loadProject> {
  const files: Record<string, string> = { ...locales };
  for (const [path, text] of Object.entries({ ...base.files, ...changes })) if (text !== null && text !== undefined) files[join(SOURCES, path)] = text;
  return loadProject(ROOT, { sourcesDir: SOURCES, disk: memoryDisk(files) });
}

/** The base project's text of a file. */
export function baseFile(path: string): string {
  return base.files[path] ?? '';
}

/** Check a fixture's project in memory; every message of every file, as `path:line:column: severity: reason (rule)`. */
export async function checkFixture(fixture: Fixture): Promise<{ messages: Array<{ ruleId: string | undefined; text: string }>; files: VFile[] }> {
  const project = await loadFixtureProject(fixture.files);
  const coverage = new Map<Lang, Coverage>();
  for (const edition of project.editions) coverage.set(edition.lang, (await localeFonts(edition.locale)).covers);
  const rules: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(fixture.rules ?? {})) {
    const [severity, options] = typeof value === 'string' ? [value, undefined] : value;
    rules[id] = { severity, options, point: { line: 1, column: 1 } };
  }
  const { files: checked } = runChecks(project, { rules, yearSeries: base.config.yearSeries }, coverage);
  const messages = checked.flatMap((f) =>
    f.messages.map((m) => ({
      ruleId: m.ruleId ?? undefined,
      text: `${relative(SOURCES, f.path).replaceAll('\\', '/')}:${m.line}:${m.column}: ${m.fatal ? 'error' : 'warning'}: ${m.reason}`,
    })),
  );
  return { messages, files: checked };
}
