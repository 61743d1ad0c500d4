/**
 * `check --fix` on sources written to trip it (the shapes the issue found broken): a quote that
 * delimits a single-quoted YAML scalar, an escaped apostrophe, a link title, inline code, a
 * standard's number. Only safe repairs are written, every file changed is named with its
 * changes, the sources still parse, and a second --fix changes nothing.
 */
import { expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { cli } from '../helpers/cli.js';
import { copySources, edit } from '../helpers/sources.js';
import { treeHash } from '../helpers/tree-hash.js';

it('repairs only what is safe, says what it changed, and a second run changes nothing', async () => {
  const sources = await copySources(['en']);
  const themes = join(sources, 'en', 'themes.yaml');
  const paper = join(sources, 'en', 'papers', 'CTOC-COP-WG.4-2010-3.md');
  await edit(themes, (t) => t.replace('      - "Case management systems"\n', "      - 'Victims'' case management'\n      - \"Case management systems\"\n      - Victims' rights\n      - |\n        States' duties\n"));
  await edit(paper, (t) =>
    t.replace('The term “demand”', 'The term "demand" (see [the guide](https://example.org/a-b "the \'best\' guide"), `code "x" 1-2`, ISO 3166-1 and pages 12-15)'),
  );
  const run = await cli(['check', '--fix', '--lang', 'en', '--sources', sources]);
  expect(run.stderr).toMatch(/fixed .*themes\.yaml: 2 change\(s\)/);
  expect(run.stderr).toMatch(/fixed .*CTOC-COP-WG\.4-2010-3\.md: 3 change\(s\)/);
  expect(run.stderr).toMatch(/not fixed .*themes\.yaml:\d+:35 .*the YAML would no longer parse/);
  expect(run.stderr).toMatch(/not fixed .*\.md:\d+:\d+  "-" → "–": it is in the number of a standard \(ISO 3166-1/);

  const yaml = await readFile(themes, 'utf8');
  expect(parseDocument(yaml).errors).toEqual([]);
  expect(yaml).toContain("'Victims'' case management'");
  expect(yaml).toContain('Victims’ rights');
  expect(yaml).toContain('  States’ duties\n');
  const md = await readFile(paper, 'utf8');
  expect(md).toContain('The term “demand” (see [the guide](https://example.org/a-b "the \'best\' guide"), `code "x" 1-2`, ISO 3166-1 and pages 12–15)');

  const before = treeHash(sources);
  const again = await cli(['check', '--fix', '--lang', 'en', '--sources', sources]);
  expect(again.stderr).toContain('Nothing fixed.');
  expect(again.stderr).not.toMatch(/^fixed /m);
  expect(treeHash(sources)).toBe(before);
});
