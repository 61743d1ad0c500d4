#!/usr/bin/env node
// Regenerates the table of check rules in README.md from the rules themselves
// (`compendium rules`); test/check/rules.test.ts fails when the two differ.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const table = execFileSync(process.execPath, [join(root, 'dist', 'bin', 'compendium.js'), 'rules'], { encoding: 'utf8' }).trimEnd();
const path = join(root, 'README.md');
const readme = readFileSync(path, 'utf8');
const next = readme.replace(/(<!-- rules-table:start -->\n)[^]*?(\n<!-- rules-table:end -->)/, `$1${table}$2`);
writeFileSync(path, next);
process.stderr.write(next === readme ? 'README rules table already up to date\n' : 'README rules table updated\n');
