/**
 * The README against the code: the pipeline's diagram and table name every stage of
 * src/pipeline.ts (and src/pipeline-check.ts) in its order, each at the module it comes from;
 * the transform row names every plugin of the processor in order; the modules that touch the
 * world are the ones the README lists; every path of the project it names exists.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './helpers/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const source = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** `outputFolder` → "output folder". */
const words = (name: string) => name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

/** The identifiers a module imports, with the file each comes from (relative to the project). */
function imports(path: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, names, from] of source(path).matchAll(/import \{([^}]*)\} from '(\.[^']+)'/g)) {
    const file = relative(ROOT, resolve(ROOT, dirname(path), (from ?? '').replace(/\.js$/, '.ts')));
    for (const part of (names ?? '').split(',')) {
      const [, local] = /(?:\w+ as )?(\w+)\s*$/.exec(part.replace(/\btype\b/, '').trim()) ?? [];
      if (local) found.set(local, file);
    }
  }
  return found;
}

/** The names in a list literal of a module: a property `key: [a, b, c]`, or `const KEY… = [a, b]`. */
function list(path: string, key: string): string[] {
  const [, items] = new RegExp(`^(?:\\s+${key}:|export const ${key}\\b[^=]*=)\\s*\\[([^\\]]*)\\]`, 'm').exec(source(path)) ?? [];
  return (items ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

const pipelineSection = readme.slice(readme.indexOf('## The pipeline'), readme.indexOf('\n## ', readme.indexOf('## The pipeline') + 1));
const diagram = /```\n([\s\S]*?)```/.exec(pipelineSection)?.[1] ?? '';
/** The stage names of the diagram's parts, each part after its label. */
function diagramPart(label: RegExp): string[] {
  const line = diagram.split('\n').find((l) => label.test(l)) ?? '';
  return line.replace(label, '').split('─▶').map((s) => s.trim()).filter(Boolean);
}
const rows = new Map(
  [...pipelineSection.matchAll(/^\| ([^|]+?) \| (.+) \| `([^`]+)` \|$/gm)].map(([, stage, what, where]) => [stage ?? '', { what: what ?? '', where: where ?? '' }]),
);

describe('the README’s pipeline', () => {
  const build = { before: list('src/pipeline.ts', 'before'), edition: list('src/pipeline.ts', 'edition'), alongside: list('src/pipeline.ts', 'alongside'), after: list('src/pipeline.ts', 'after') };
  const check = list('src/pipeline-check.ts', 'CHECK');

  it('draws every stage of src/pipeline.ts, in order', () => {
    expect(build.before).toContain('tabs');
    expect(diagramPart(/^check:/)).toEqual(check.map(words));
    expect(diagramPart(/^build:/)).toEqual(build.before.map(words));
    expect(diagramPart(/^\s*─▶ per edition:/)).toEqual(build.edition.map(words));
    expect(diagramPart(/^\s*alongside, [^:]*:/)).toEqual(build.alongside.map(words));
    expect(diagramPart(/^\s*─▶ (?=commit)/)).toEqual(build.after.map(words));
  });

  it('has a row for every stage, at the module it is imported from', () => {
    const from = new Map([...imports('src/pipeline-check.ts'), ...imports('src/pipeline.ts')]);
    const stages = [...check, ...build.before, ...build.edition, ...build.alongside, ...build.after];
    for (const stage of stages) {
      expect(rows.get(words(stage))?.where, stage).toBe(from.get(stage));
    }
    expect([...rows.keys()].sort()).toEqual([...new Set(stages.map(words))].sort());
  });

  it('names every plugin of the processors, in order', () => {
    const plugins = (path: string) => [...source(path).matchAll(/\.use\((\w+)/g)].map(([, name]) => (name ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
    const said = (rows.get('transform')?.what ?? '').split(/;/);
    const names = (text: string) => [...text.matchAll(/\b((?:remark|rehype)-[a-z-]+)/g)].map(([, n]) => n);
    expect(names(said[0] ?? '')).toEqual(plugins('src/transform/transform-stage.ts'));
    expect(names(said[1] ?? '')).toEqual(plugins('src/render/print-html.ts'));
  });
});

describe('the README’s list of what touches the world', () => {
  it('is every module of src/ that imports the file system, processes, the network or the browser', () => {
    const files = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const touching = files('src').filter((f) => /from '(node:fs|node:fs\/promises|node:child_process|node:http|node:net|node:worker_threads|chokidar|sirv|puppeteer-core)'/.test(source(f)));
    expect(touching.length).toBeGreaterThan(10);
    const listed = (f: string) => /^src\/(load|write|print)\//.test(f) || ['src/cli/run.ts', 'src/cli/serve.ts', 'src/cli/serve-file.ts', 'src/cli/watch.ts'].includes(f);
    expect(touching.filter((f) => !listed(f))).toEqual([]);
    for (const f of ['src/cli/run.ts', 'src/cli/serve.ts', 'src/cli/serve-file.ts', 'src/cli/watch.ts', 'src/cli/bin.ts']) expect(readme, f).toContain(`\`${f}\``);
  });
});

it('names only paths of the project that exist', () => {
  const paths = [...readme.matchAll(/`((?:src|test|scripts|templates|sources)\/[^`\s<>*…]+)`/g)].map(([, p]) => p ?? '');
  expect(paths.length).toBeGreaterThan(20);
  expect(paths.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
});
