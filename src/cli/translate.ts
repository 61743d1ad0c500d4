/**
 * `compendium translate export|import|mark-current` and `compendium status`: the translation
 * workflow's commands. Loads, asks src/translate/ what to do, writes through src/write/,
 * prints here; returns the exit code (1 on a problem, 2 on bad usage).
 */
import { join, relative } from 'node:path';
import { VFile } from 'vfile';
import { loadProject, type Project } from '../load/project.js';
import { readExchangeFile } from '../load/translation.js';
import { hasFatal } from '../load/report.js';
import type { Lang } from '../types.js';
import { exportDocument, type Only } from '../translate/export.js';
import { planImport, markCurrent } from '../translate/import.js';
import { projectStatus } from '../translate/status.js';
import { readXliff, writeXliff, type XliffVersion } from '../translate/xliff.js';
import { writeFilesAtomic } from '../write/sources.js';
import { checkExportTarget } from '../write/output-folder.js';
import { human, terminalText } from './format.js';
import type { CliIO } from './io.js';

export interface TranslateOptions {
  root: string;
  sourcesDir: string;
  langs: Lang[] | undefined;
  xliff: string | undefined;
  only: string | undefined;
  out: string | undefined;
  force: boolean;
  format: string;
}

export class TranslateUsageError extends Error {}

/** Load every language (a translation is measured against the original); sources that do not load stop here. */
async function load(options: TranslateOptions, io: Pick<CliIO, 'stderr' | 'cwd'>): Promise<Project | undefined> {
  const project = await loadProject(options.root, { sourcesDir: options.sourcesDir });
  if (hasFatal(project.files) || !project.original) {
    const text = human(project.files, io.cwd);
    const say = (line: string) => void io.stderr.write(`${line}\n`);
    say(`${text ? `${text}\n` : ''}The sources do not load: fix the errors above first (nothing was written).`);
    return undefined;
  }
  return project;
}

function translations(project: Project, asked: Lang[] | undefined, command: string): Lang[] {
  const all = project.editions.map((e) => e.lang).filter((l) => l !== project.original);
  if (!asked) throw new TranslateUsageError(`${command} needs --lang (one or more of ${all.join(', ')})`);
  const wrong = asked.filter((l) => !all.includes(l));
  if (wrong.length > 0) throw new TranslateUsageError(`${wrong.join(', ')}: not a translation in the sources (${all.join(', ')})`);
  return asked;
}

/** `args`: what follows the command, paths already resolved; `options.out` too. */
export async function runTranslate(command: string, args: readonly string[], options: TranslateOptions, io: Pick<CliIO, 'stdout' | 'stderr' | 'cwd'>): Promise<number> {
  const say = (line: string) => void io.stderr.write(`${line}\n`);
  const shown = (path: string) => terminalText(relative(io.cwd, path));
  if (command === 'status') {
    if (!['human', 'json'].includes(options.format)) throw new TranslateUsageError(`status --format takes human or json, not "${options.format}"`);
    const project = await load(options, io);
    if (!project) return 1;
    const rows = projectStatus(project).filter((r) => !options.langs || options.langs.includes(r.lang));
    if (options.format === 'json') {
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    const header = ['language', 'units', 'translated', 'stale', 'missing', 'done'];
    const body = rows.map((r) => [r.lang, String(r.units), String(r.translated), String(r.stale), String(r.missing), `${r.percent.toFixed(1)} %`]);
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]?.length ?? 0)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
    io.stdout.write(`${[line(header), ...body.map(line)].join('\n')}\n`);
    return 0;
  }

  const sub = args[0];
  if (sub === 'export') {
    const version = (options.xliff ?? '2.0') as XliffVersion;
    if (version !== '2.0' && version !== '1.2') throw new TranslateUsageError(`--xliff takes 2.0 or 1.2, not "${options.xliff}"`);
    const only = (options.only ?? 'all') as Only;
    if (!['missing', 'stale', 'all'].includes(only)) throw new TranslateUsageError(`--only takes missing, stale or all, not "${options.only}"`);
    const project = await load(options, io);
    if (!project) return 1;
    const langs = translations(project, options.langs, 'translate export');
    const single = langs.length === 1 && options.out && /\.(xlf|xliff)$/i.test(options.out);
    const pathOf = (lang: Lang) => (single ? (options.out as string) : join(options.out ?? join(options.root, 'output', 'xliff'), `compendium-${lang}.xlf`));
    // --out gets the build's guard: never the sources, the templates, the project's own folders,
    // the home folder, a root, nor a folder holding files other than this tool's exports.
    if (options.out) checkExportTarget(options.out, langs.map(pathOf), { root: options.root, sources: options.sourcesDir, templates: join(options.root, 'templates') });
    const files: Array<{ path: string; data: string; lang: Lang; units: number }> = [];
    for (const lang of langs) {
      const doc = exportDocument(project, lang, { version, only, sourcesDir: options.sourcesDir });
      const path = pathOf(lang);
      const units = doc.files.reduce((n, f) => n + f.units.length, 0);
      // An XLIFF file holds at least one <file>: with nothing to translate, none is written.
      if (units === 0) say(`${lang}: nothing to export (--only ${only}), no file written`);
      else files.push({ path, data: await writeXliff(doc), lang, units });
    }
    await writeFilesAtomic(files);
    for (const f of files) say(`${f.lang}: ${f.units} unit(s) (${only}, XLIFF ${version}) → ${shown(f.path)}`);
    return 0;
  }

  if (sub === 'import') {
    const path = args[1];
    if (!path || args.length > 2) throw new TranslateUsageError('translate import takes one XLIFF file: compendium translate import FILE [--force]');
    const xliff: VFile = await readExchangeFile(path, io.cwd);
    const doc = hasFatal([xliff]) ? undefined : readXliff(xliff);
    const project = doc ? await load(options, io) : undefined;
    const plan = doc && project ? planImport(project, doc, xliff, { force: options.force, sourcesDir: options.sourcesDir }) : undefined;
    if (!plan) {
      const text = human([xliff], io.cwd);
      if (text) say(text);
      if (doc && project) say('Import refused: nothing was written (fix the units above, or export again).');
      return 1;
    }
    await writeFilesAtomic(plan.writes);
    say(`${plan.lang}: ${plan.changed.length} unit(s) changed, ${plan.recorded.length} recorded as translating the current original${plan.forced.length ? `, ${plan.forced.length} imported with --force and left stale (${plan.forced.join(', ')})` : ''}`);
    for (const w of plan.writes) say(`wrote ${shown(w.path)}`);
    if (plan.writes.length === 0) say('Nothing changed.');
    return 0;
  }

  if (sub === 'mark-current') {
    const project = await load(options, io);
    if (!project) return 1;
    const langs = translations(project, options.langs, 'translate mark-current');
    const writes = langs.map((lang) => ({ lang, ...markCurrent(project, lang, options.sourcesDir) }));
    await writeFilesAtomic(writes);
    for (const w of writes) say(`${w.lang}: ${w.count} unit(s) recorded as translating the current original → ${shown(w.path)}`);
    return 0;
  }

  throw new TranslateUsageError(`Unknown translate command "${sub ?? ''}": export, import or mark-current`);
}
