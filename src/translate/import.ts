/**
 * `translate import`: an exchange file read back → the new text of the translation's source
 * files (text only: each unit's paragraph or YAML value replaced, nothing else) and its record
 * of which original each unit translates. Every unit is checked first; any problem is a
 * message on the exchange file at the unit's line, and then nothing is to be written. No I/O.
 */
import { join } from 'node:path';
import { VFile } from 'vfile';
import { toMarkdown } from 'mdast-util-to-markdown';
import { stringify } from 'yaml';
import type { PhrasingContent } from 'mdast';
import type { Project } from '../load/project.js';
import { parseMarkdown } from '../load/markdown.js';
import { fatal, type LoaderFinding } from '../load/report.js';
import { TRANSLATION_RECORD } from '../load/translation.js';
import { LANGS, type Lang } from '../types.js';
import { PLACEHOLDER } from '../model/unfinished.js';
import { canonical, hashText, plainText, symbolsOf, type Inline } from './inline.js';
import { pairUnits, type PairedUnit } from './status.js';
import { unitsOfText, type Unit } from './units.js';
import { recordText, type RecordEntry } from './record.js';
import { wordDiff } from './diff.js';
import type { ReadDocument, ReadUnit } from './xliff.js';

export interface ImportPlan {
  lang: Lang;
  /** Files to write, whole (sources and the record), only those that change. */
  writes: Array<{ path: string; data: string }>;
  /** Units whose text changes. */
  changed: string[];
  /** Units recorded as translating the current original. */
  recorded: string[];
  /** Units imported with --force whose source was an older original: recorded, hence stale. */
  forced: string[];
}

function toPhrasing(list: readonly Inline[]): PhrasingContent[] {
  return list.map((item): PhrasingContent => {
    if (item.t === 'text' || item.t === 'symbol') return { type: 'text', value: item.value };
    if (item.t === 'raw') return { type: 'html', value: item.value };
    return { type: item.t === 'em' ? 'emphasis' : 'strong', children: toPhrasing(item.children) };
  });
}

/** The Markdown of a paragraph's new text (emphasis with `*`, markup characters escaped). */
export function inlineToMarkdown(list: readonly Inline[]): string {
  return toMarkdown({ type: 'paragraph', children: toPhrasing(list) }, { emphasis: '*', strong: '*' }).replace(/\n+$/, '');
}

/** A YAML scalar for a field's new text, quoted as the old one was. */
function yamlScalar(value: string, quoted: boolean): string {
  return stringify(value, { lineWidth: 0, ...(quoted ? { defaultStringType: 'QUOTE_DOUBLE' as const } : {}) }).replace(/\n+$/, '');
}

const hasPlaceholder = (list: readonly Inline[]): boolean => new RegExp(PLACEHOLDER.source, 'u').test(plainText(list));

function langOf(tag: string): Lang | undefined {
  const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGS as readonly string[]).includes(base) ? (base as Lang) : undefined;
}

export function planImport(project: Project, doc: ReadDocument, xliff: VFile, options: { force: boolean; sourcesDir: string }): ImportPlan | undefined {
  const problem = (where: { line: number; column: number } | undefined, reason: string, ruleId: LoaderFinding = 'xliff-unit') => void fatal(xliff, reason, where, ruleId);
  const lang = langOf(doc.trgLang);
  if (!lang || lang === project.original || !project.editions.some((e) => e.lang === lang)) {
    problem(undefined, `The file's target language "${doc.trgLang}" is not a translation in the sources (${project.editions.filter((e) => e.lang !== project.original).map((e) => e.lang).join(', ')})`, 'xliff-language');
    return undefined;
  }
  if (langOf(doc.srcLang) !== project.original) {
    problem(undefined, `The file's source language "${doc.srcLang}" is not the original (${project.original ?? 'none'})`, 'xliff-language');
    return undefined;
  }
  const pairs = new Map(pairUnits(project, lang).map((p) => [p.key, p]));
  const record = new Map<string, RecordEntry>(Object.entries(project.translations?.[lang]?.units ?? {}));
  const edits = new Map<VFile, Array<{ unit: Unit; read: ReadUnit; text: string; target: Inline[] }>>();
  const plan: ImportPlan = { lang, writes: [], changed: [], recorded: [], forced: [] };
  const seen = new Set<string>();

  for (const read of doc.units) {
    const key = `${read.fileId}#${read.unitId}`;
    if (seen.has(key)) {
      problem(read, `Unit ${key} appears twice in the file`);
      continue;
    }
    seen.add(key);
    const pair: PairedUnit | undefined = pairs.get(key);
    if (!pair) {
      problem(read, `Unit ${key} is not in the sources: the original has no such text (was it exported from other sources?)`);
      continue;
    }
    const source = canonical(read.source);
    const current = canonical(pair.original.content);
    const mismatch = source !== current;
    if (mismatch && !options.force) {
      problem(read, `Unit ${key}: its source no longer matches the original (${project.original}): ${wordDiff(source, current)}; export again, or import with --force to keep it marked stale`, 'xliff-source-mismatch');
      continue;
    }
    if (!read.target) continue;
    const own = pair.translation;
    if (!own) {
      problem(read, `Unit ${key} has no place in the ${lang} sources (the translation's paragraphs differ from the original's: see check)`);
      continue;
    }
    if (plainText(read.target).trim() === '') {
      problem(read, `Unit ${key}: the target is empty`);
      continue;
    }
    if (own.kind === 'yaml' && read.target.some((i) => i.t === 'em' || i.t === 'strong' || i.t === 'raw')) {
      problem(read, `Unit ${key}: this field is plain text, it cannot hold emphasis or markup`);
      continue;
    }
    // The target keeps the source's symbols (or, unchanged, the ones the translation has).
    const wanted = [...symbolsOf(read.source)].sort();
    const got = [...symbolsOf(read.target)].sort();
    if (wanted.join('\n') !== got.join('\n') && got.join('\n') !== [...symbolsOf(own.content)].sort().join('\n')) {
      const missing = wanted.filter((s) => !got.includes(s));
      const extra = got.filter((s) => !wanted.includes(s));
      problem(read, `Unit ${key}: the target must keep the source's protected symbols${missing.length ? ` (missing ${missing.join(', ')})` : ''}${extra.length ? ` (not in the source: ${extra.join(', ')})` : ''}`);
      continue;
    }
    if (canonical(read.target) !== canonical(own.content)) {
      const text = own.kind === 'markdown' ? inlineToMarkdown(read.target) : yamlScalar(plainText(read.target), own.quoted ?? false);
      edits.set(own.file, [...(edits.get(own.file) ?? []), { unit: own, read, text, target: read.target }]);
      plan.changed.push(key);
    }
    if (read.done && !hasPlaceholder(read.target) && !hasPlaceholder(read.source)) {
      const entry = { hash: hashText(source), source };
      const old = record.get(key);
      if (!old || old.hash !== entry.hash || old.source !== entry.source) record.set(key, entry);
      if (mismatch) plan.forced.push(key);
      else plan.recorded.push(key);
    }
  }
  if (xliff.messages.some((m) => m.fatal)) return undefined;

  // New text of each file, edits from the end so offsets stay true; then read it back.
  for (const [file, list] of edits) {
    let text = String(file.value ?? '');
    for (const edit of [...list].sort((a, b) => b.unit.start - a.unit.start)) text = text.slice(0, edit.unit.start) + edit.text + text.slice(edit.unit.end);
    const before = new Map(unitsOfText(file, list[0]?.unit.fileId ?? '', (f) => parseMarkdown(f).tree).map((u) => [u.unitId, canonical(u.content)]));
    const after = unitsOfText(new VFile({ path: file.path, value: text }), list[0]?.unit.fileId ?? '', (f) => parseMarkdown(f).tree);
    const expected = new Map(before);
    for (const edit of list) expected.set(edit.unit.unitId, canonical(edit.target));
    const wrong = list.filter((edit) => after.find((u) => u.unitId === edit.unit.unitId) === undefined || canonical(after.find((u) => u.unitId === edit.unit.unitId)?.content ?? []) !== expected.get(edit.unit.unitId));
    const shapeChanged = after.length !== before.size || after.some((u) => expected.get(u.unitId) !== canonical(u.content));
    if (wrong.length > 0 || shapeChanged) {
      for (const edit of wrong.length > 0 ? wrong : list) problem(edit.read, `Unit ${edit.unit.key}: its text could not be written back faithfully into ${file.basename} (it would change the file's structure)`);
      continue;
    }
    plan.writes.push({ path: file.path, data: text });
  }
  if (xliff.messages.some((m) => m.fatal)) return undefined;

  const old = project.translations?.[lang];
  const order = [...pairs.keys()];
  const entries = [...record].filter(([key]) => pairs.has(key)).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  const data = recordText(project.original ?? 'en', entries);
  if (!old || String(old.file.value) !== data) {
    const unchanged = old && entries.length === Object.keys(old.units).length && entries.every(([k, e]) => old.units[k]?.hash === e.hash && old.units[k]?.source === e.source);
    if (!unchanged) plan.writes.push({ path: old?.file.path ?? join(options.sourcesDir, lang, TRANSLATION_RECORD), data });
  }
  return plan;
}

/** `translate mark-current`: record the current original as what every written unit translates. */
export function markCurrent(project: Project, lang: Lang, sourcesDir: string): { path: string; data: string; count: number } {
  const entries: Array<[string, RecordEntry]> = pairUnits(project, lang)
    .filter((p) => p.state !== 'missing')
    .map((p) => {
      const source = canonical(p.original.content);
      return [p.key, { hash: hashText(source), source }];
    });
  const path = project.translations?.[lang]?.file.path ?? join(sourcesDir, lang, TRANSLATION_RECORD);
  return { path, data: recordText(project.original ?? 'en', entries), count: entries.length };
}
