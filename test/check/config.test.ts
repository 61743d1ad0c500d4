/**
 * The configuration does what it says, for the rules and for the loader's findings alike:
 * each can be set to off, warning or error, an ignore comment accepts it, unknown ids and
 * invalid options are reported, and `rules` lists every id.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { checkFixture, type Fixture } from '../helpers/fixtures.js';
import { runChecks, FINDING_IDS } from '../../src/check/run.js';
import { RULES, rulesTable } from '../../src/check/presets.js';
import { LOADER_FINDINGS } from '../../src/load/report.js';
import { loadProject } from '../../src/load/project.js';
import { ROOT } from '../helpers/cli.js';

/** A French paper whose front matter has a key it does not take: the loader's metadata-schema. */
const UNKNOWN_KEY = (comment = ''): Record<string, string> => ({
  'fr/papers/CTOC-COP-WG.4-2010-5.md': `---\nsymbol: CTOC/COP/WG.4/2010/5\n${comment}colour: red\n---\n\nEn 2010, pour la deuxième réunion du Groupe de travail, le Secrétariat a établi un document d’information sur la gestion des affaires (CTOC/COP/WG.4/2010/5).\n\nCes mesures sont les suivantes : a) coordination entre les principaux acteurs ; b) utilisation de calendriers spécialisés ; et c) recours à des approches tenant compte des questions de genre et de l’âge.\n`,
});

const of = async (fixture: Fixture, id: string) => (await checkFixture(fixture)).messages.filter((m) => m.ruleId === id).map((m) => m.text);

describe('a loader finding', () => {
  it('is an error by default', async () => {
    expect(await of({ name: 'default', files: UNKNOWN_KEY() }, 'metadata-schema')).toEqual([
      'fr/papers/CTOC-COP-WG.4-2010-5.md:3:1: error: Unknown key `colour`: expected `symbol`',
    ]);
  });

  it('set to warning is a warning', async () => {
    expect(await of({ name: 'warning', files: UNKNOWN_KEY(), rules: { 'metadata-schema': 'warning' } }, 'metadata-schema')).toEqual([
      'fr/papers/CTOC-COP-WG.4-2010-5.md:3:1: warning: Unknown key `colour`: expected `symbol`',
    ]);
  });

  it('set to off is not reported', async () => {
    const { messages } = await checkFixture({ name: 'off', files: UNKNOWN_KEY(), rules: { 'metadata-schema': 'off' } });
    expect(messages.filter((m) => m.ruleId === 'metadata-schema')).toEqual([]);
  });

  it('is accepted by an ignore comment on the line before (in front matter), and then nothing else is said of it', async () => {
    const { messages } = await checkFixture({ name: 'ignored', files: UNKNOWN_KEY('# check-ignore-next metadata-schema: as the translator wrote it\n') });
    expect(messages.filter((m) => m.ruleId === 'metadata-schema' || m.ruleId === 'unused-ignore')).toEqual([]);
  });
});

describe('a rule', () => {
  it('set to warning gives warnings, and off gives nothing', async () => {
    const files = { 'en/introduction.md': 'For each meeting\u200b of the Working Group on Trafficking in Persons, background papers in all six official languages of the United Nations were provided.\n' };
    expect(await of({ name: 'w', files, rules: { 'control-characters': 'warning' } }, 'control-characters')).toEqual([
      'en/introduction.md:1:17: warning: Invisible or bidirectional control character U+200B: remove it',
    ]);
    expect(await of({ name: 'off', files, rules: { 'control-characters': 'off' } }, 'control-characters')).toEqual([]);
  });
});

describe('the configuration file', () => {
  it('reports an unknown id and options given to a rule that takes none, at their place', async () => {
    const project = await loadProject(ROOT, { langs: ['en'] });
    const file = new VFile({ path: 'compendium.config.yaml', value: 'rules:\n  typografy: off\n  parity: [warning, { strict: true }]\n' });
    runChecks(project, {
      file,
      yearSeries: [],
      rules: {
        typografy: { severity: 'off', options: undefined, point: { line: 2, column: 3 } },
        parity: { severity: 'warning', options: { strict: true }, point: { line: 3, column: 3 } },
      },
    });
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).toEqual([
      expect.stringMatching(/^2:3 config Unknown rule `typografy`: the rules are .*typography/),
      '3:3 config Rule `parity` takes no options',
    ]);
  });

  it("reports a rule's invalid options at their place, and does not run it", async () => {
    const project = await loadProject(ROOT, { langs: ['en'] });
    const file = new VFile({ path: 'compendium.config.yaml', value: 'rules:\n  word-limit: [error, { limit: many }]\n' });
    const { files } = runChecks(project, { file, yearSeries: [], rules: { 'word-limit': { severity: 'error', options: { limit: 'many', max: 1 }, point: { line: 2, column: 3 } } } });
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).toEqual([
      "2:3 config Options of `word-limit`: limit: Expected number, received string; options: Unrecognized key(s) in object: 'max'",
    ]);
    expect(files.flatMap((f) => f.messages).filter((m) => m.ruleId === 'word-limit')).toEqual([]);
  });

  it('every id it may set is listed by `rules`: the rules and the loader findings', () => {
    const table = rulesTable();
    expect(FINDING_IDS).toEqual([...RULES.map((r) => r.meta.id), ...Object.keys(LOADER_FINDINGS)]);
    for (const id of FINDING_IDS) expect(table).toContain(`| \`${id}\` |`);
  });
});
