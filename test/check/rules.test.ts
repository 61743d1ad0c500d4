/**
 * The rule catalogue against its fixtures: for each rule, test/fixtures/rules/<id>/not-ok.yaml
 * breaks a copy of the real sources and lists every message the rule must give (exactly),
 * ok.yaml makes legitimate changes that must give none. The unbroken sources give none.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { check } from '../../src/pipeline.js';
import { RULES } from '../../src/check/presets.js';
import { ROOT } from '../helpers/cli.js';
import { copySources, presentLangs } from '../helpers/sources.js';

interface Case {
  name: string;
  edits: Array<{ file: string; find?: string; regex?: string; replace: string }>;
  expected?: string[];
}

const FIXTURES = join(ROOT, 'test', 'fixtures', 'rules');

async function messagesAfter(edits: Case['edits'], ruleId: string): Promise<string[]> {
  const dir = await copySources(presentLangs());
  for (const edit of edits) {
    const path = join(dir, edit.file);
    const text = await readFile(path, 'utf8');
    const changed = edit.regex ? text.replace(new RegExp(edit.regex, 'u'), edit.replace) : text.replace(edit.find ?? '', edit.replace);
    if (changed === text) throw new Error(`Fixture edit does not apply to ${edit.file}: ${edit.find ?? edit.regex}`);
    await writeFile(path, changed);
  }
  const result = await check({ root: ROOT, sourcesDir: dir });
  return result.files
    .flatMap((f) => f.messages.filter((m) => m.ruleId === ruleId).map((m) => `${relative(dir, f.path)}:${m.line}:${m.column}: ${m.reason}`))
    .sort();
}

describe('the unbroken sources', () => {
  it('give no error, and no warning but the five placeholder job numbers', async () => {
    const result = await check({ root: ROOT });
    const messages = result.files.flatMap((f) => f.messages.map((m) => ({ at: `${f.path}:${m.line}: ${m.reason}`, m })));
    const placeholders = messages.filter(({ m }) => m.ruleId === 'job-number' && m.fatal === false && m.reason.includes('is a placeholder, not confirmed'));
    expect(placeholders.length).toBe(5);
    expect(messages.filter((x) => !placeholders.includes(x)).map((x) => x.at)).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe.each(RULES.map((r) => r.meta.id))('rule %s', (id) => {
  it('has fixtures', () => {
    expect(existsSync(join(FIXTURES, id, 'not-ok.yaml'))).toBe(true);
  });
  for (const kind of ['not-ok', 'ok'] as const) {
    const path = join(FIXTURES, id, `${kind}.yaml`);
    if (!existsSync(path)) continue;
    const { cases } = parse(readFileSync(path, 'utf8')) as { cases: Case[] };
    for (const c of cases) {
      it(`${kind}: ${c.name}`, async () => {
        expect(await messagesAfter(c.edits, id)).toEqual(kind === 'ok' ? [] : [...(c.expected ?? [])].sort());
      });
    }
  }
});

it('every fixture folder names a rule', () => {
  expect(readdirSync(FIXTURES).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
});

it("the README's table of rules is the one the rules generate", async () => {
  const { rulesTable } = await import('../../src/check/presets.js');
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = /<!-- rules-table:start -->\n([^]*?)\n<!-- rules-table:end -->/.exec(readme)?.[1];
  expect(table).toBe(rulesTable());
});
