import { describe, expect, it } from 'vitest';
import { sharedEditions } from '../helpers/shared-build.js';
import { cp, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { copySources, edit } from '../helpers/sources.js';

describe('the command line', () => {
  // Help and usage errors of every command: test/cli/usage.test.ts.
  it('reports bad input as file:line:column with a rule id, exits 1 and leaves earlier outputs untouched', async () => {
    // Earlier outputs: a copy of the shared build (test/global-setup.ts).
    const out = await mkdtemp(join(tmpdir(), 'cli-out-'));
    await cp((await sharedEditions()).out, out, { recursive: true });
    const before = await readFile(join(out, 'en', 'compendium-en.pdf'));
    const beforeHtml = await readFile(join(out, 'en', 'index.html'));

    const sources = await copySources();
    await edit(join(sources, 'en', 'papers', 'CTOC-COP-WG.4-2019-3.md'), (t) => t.replace('theme: consular-and-diplomatic-officers', 'theme: consular'));
    const bad = await cli(['build', '--lang', 'en', '--out', out, '--sources', sources]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^\S*CTOC-COP-WG\.4-2019-3\.md:5:1: error Unknown theme `consular`: did you mean `consular-and-diplomatic-officers`\? \(compendium-structure\)$/m);
    expect(bad.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
    expect(Buffer.compare(await readFile(join(out, 'en', 'compendium-en.pdf')), before)).toBe(0);
    expect(Buffer.compare(await readFile(join(out, 'en', 'index.html')), beforeHtml)).toBe(0);
    expect((await readdir(out)).filter((f) => f.startsWith('.') && f !== '.cache' && f !== '.compendium-output.json')).toEqual([]); // no staging or lock left behind
  });

  it('says how to install Chromium when it is missing', async () => {
    const out = await mkdtemp(join(tmpdir(), 'cli-nochrome-'));
    // Its own Chromium (not the shared one): what is tested is how a build finds one.
    const run = await cli(['build', '--lang', 'en', '--out', out], { CHROMIUM_PATH: '/nonexistent/chromium' }, { session: false });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Chromium was not found');
    expect(run.stderr).toContain('apt-get install chromium');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('check on the command line', () => {
  it('passes the unbroken sources with exit 0, in every format (warning only of the placeholder job numbers)', async () => {
    const human = await cli(['check']);
    expect(human.status).toBe(0);
    expect(human.stderr).toContain('5 warnings');
    const json = await cli(['check', '--format', 'json']);
    expect(json.status).toBe(0);
    const findings = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    // The five sample translations' job numbers are placeholders, reported until confirmed.
    expect(findings.map((f) => `${String(f['severity'])} ${String(f['ruleId'])} ${String(f['file']).replace(/.*sources\//, '')}`).sort()).toEqual(
      ['ar', 'es', 'fr', 'ru', 'zh'].map((lang) => `warning job-number ${lang}/document.yaml`),
    );
    const gh = await cli(['check', '--format', 'github']);
    expect(gh.status).toBe(0);
    expect(gh.stdout.trim().split('\n').every((line) => line.startsWith('::warning ') && line.includes('placeholder'))).toBe(true);
  });

  // The build's refusal of a broken source: 'reports bad input as file:line:column…' above.
  it('reports a broken source with exit 1 as JSON and GitHub annotations', async () => {
    const sources = await copySources(['en']);
    await edit(join(sources, 'en', 'document.yaml'), (t) => t.replace('jobNumber: V.21-05275', 'jobNumber: V.21-5275'));
    const json = await cli(['check', '--format', 'json', '--sources', sources]);
    expect(json.status).toBe(1);
    const [finding] = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(finding).toMatchObject({ line: 11, column: 1, endLine: 11, severity: 'error', ruleId: 'job-number' });
    expect(String(finding?.['file'])).toMatch(/en\/document\.yaml$/);
    const gh = await cli(['check', '--format', 'github', '--sources', sources]);
    expect(gh.status).toBe(1);
    expect(gh.stdout).toMatch(/^::error file=.*en\/document\.yaml,line=11,col=1,endLine=11,endColumn=1,title=job-number::Job number V\.21-5275 is malformed/);
  });

  it('repairs what --fix can and reports the rest', async () => {
    const sources = await copySources(['en']);
    const paper = join(sources, 'en', 'papers', 'CTOC-COP-WG.4-2010-3.md');
    await edit(paper, (t) => t.replace('The term “demand”', 'The term "demand"').replace('symbol: CTOC/COP/WG.4/2010/3', 'symbol: CTOC/COP/WG.4/2010/3\n# \u200b'));
    await edit(join(sources, 'en', 'document.yaml'), (t) => t.replace('jobNumber: V.21-05275', 'jobNumber: V.21-5275'));
    const run = await cli(['check', '--fix', '--sources', sources]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Fixed 3 finding(s) in 1 file(s)');
    // Each file changed, and what changed in it.
    expect(run.stderr).toMatch(/fixed .*CTOC-COP-WG\.4-2010-3\.md: 3 change\(s\)\n\s+3:3\s+"U\+200B" → nothing  control-characters\n\s+11:10\s+""" → "“"  typography\n\s+11:17\s+""" → "”"  typography/);
    const remaining = run.stderr.slice(run.stderr.indexOf('Fixed 3'));
    expect(remaining).toContain('job-number');
    expect(remaining).not.toContain('typography');
    const fixed = await readFile(paper, 'utf8');
    expect(fixed).toContain('The term “demand”');
    expect(fixed).not.toContain('\u200b');
  });

  it('accepts a finding with an ignore comment, and reports a stale one', async () => {
    const sources = await copySources(['en']);
    const intro = join(sources, 'en', 'introduction.md');
    await edit(intro, (t) => t.replace(/<!-- check-ignore-next meetings[^>]*-->\n\n/, ''));
    const without = await cli(['check', '--format', 'json', '--sources', sources]);
    expect(without.status).toBe(1);
    expect(JSON.parse(without.stdout)).toEqual([expect.objectContaining({ ruleId: 'meetings', line: 3, column: 202 })]);
    await edit(intro, (t) => `<!-- check-ignore-next typography: nothing to accept here -->\n\n${t}`);
    const stale = await cli(['check', '--format', 'json', '--sources', sources]);
    const findings = JSON.parse(stale.stdout) as Array<{ ruleId: string; severity: string }>;
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['meetings', 'unused-ignore']);
  });
});
