/**
 * The rule catalogue against the real sources: unbroken, they give no error and no warning;
 * and the README's table of rules is the one the rules generate. Each rule's own behaviour is
 * checked by its fixtures (test/check/fixtures.test.ts), in memory.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/pipeline.js';
import { rulesTable } from '../../src/check/presets.js';
import { ROOT } from '../helpers/cli.js';

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

it("the README's table of rules is the one the rules generate", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = /<!-- rules-table:start -->\n([^]*?)\n<!-- rules-table:end -->/.exec(readme)?.[1];
  expect(table).toBe(rulesTable());
});
