/**
 * The translatable units of an edition, each with an id that survives renumbering: the
 * file it belongs to (`document`, `themes`, `introduction`, or the paper's file name, which
 * is its symbol) and its position there (`title`, `demand.topic.2`, `p3`, `p3.2` for the
 * second subparagraph of the third paragraph) — never the printed number. No I/O: the
 * loaded files' text is re-read for where each unit stands.
 */
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type { List, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { EditionSource } from '../types.js';
import { textsInOrder } from '../model/edition-texts.js';
import { paperFileName } from '../scaffold/new-paper.js';
import { fromPhrasing, fromPlain, type Inline } from './inline.js';
import { yamlDocument } from '../load/yaml.js';

export interface Unit {
  /** `<fileId>#<unitId>`: the same unit in every language. */
  key: string;
  /** The exchange file's id (an XML name token). */
  fileId: string;
  unitId: string;
  content: Inline[];
  /** Where the text stands: the source file and the offsets of the text (paragraph or scalar). */
  file: VFile;
  start: number;
  end: number;
  kind: 'markdown' | 'yaml';
  /** For a YAML field: whether it was written double-quoted (kept when written back). */
  quoted?: boolean;
  /** What a translator is told about it: where it is and which printed paragraph it is. */
  context: string;
}

/** A name token for an XLIFF id: letters, digits, `.`, `-`, `_`. */
export function fileIdOf(symbol: string): string {
  return paperFileName(symbol).replace(/\.md$/, '').replace(/[^\p{L}\p{N}._-]/gu, '-');
}

/** The loaded YAML file's Document (parsed once, shared with the loader: read only). */
const documentOf = (file: VFile): Document => yamlDocument(String(file.value ?? '')).doc;

function yamlUnits(file: VFile, fileId: string, fields: (doc: Document) => Array<{ unitId: string; path: Array<string | number>; context: string }>): Unit[] {
  const doc = documentOf(file);
  const out: Unit[] = [];
  for (const field of fields(doc)) {
    const node = doc.getIn(field.path, true);
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) continue;
    out.push({
      key: `${fileId}#${field.unitId}`,
      fileId,
      unitId: field.unitId,
      content: fromPlain(node.value),
      file,
      start: node.range[0],
      end: node.range[1],
      kind: 'yaml',
      quoted: node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE',
      context: field.context,
    });
  }
  return out;
}

function themeFields(doc: Document): Array<{ unitId: string; path: Array<string | number>; context: string }> {
  const themes = doc.get('themes');
  if (!isSeq(themes)) return [];
  return themes.items.flatMap((item, index) => {
    if (!isMap(item)) return [];
    const id = String(item.get('id'));
    const topics = item.get('keyTopics');
    const count = isSeq(topics) ? topics.items.length : 0;
    return [
      { unitId: `${id}.title`, path: ['themes', index, 'title'], context: `Title of the theme ${id}` },
      ...Array.from({ length: count }, (_, i) => ({ unitId: `${id}.topic.${i + 1}`, path: ['themes', index, 'keyTopics', i], context: `Key topic ${i + 1} of the theme ${id}` })),
    ];
  });
}

function documentFields(doc: Document): Array<{ unitId: string; path: Array<string | number>; context: string }> {
  const keywords = doc.get('keywords');
  const count = isSeq(keywords) ? keywords.items.length : 0;
  return [
    { unitId: 'body', path: ['body'], context: 'The body’s name under the masthead' },
    { unitId: 'meeting.place', path: ['meeting', 'place'], context: 'The place in the meeting line' },
    { unitId: 'title', path: ['title'], context: 'The document’s title' },
    { unitId: 'subtitle', path: ['subtitle'], context: 'The document’s subtitle' },
    { unitId: 'chapters.introduction', path: ['chapters', 'introduction'], context: 'Title of chapter I' },
    { unitId: 'chapters.compendium', path: ['chapters', 'compendium'], context: 'Title of chapter II' },
    ...Array.from({ length: count }, (_, i) => ({ unitId: `keywords.${i + 1}`, path: ['keywords', i], context: `Keyword ${i + 1} (PDF metadata)` })),
  ];
}

function markdownUnits(tree: Root, file: VFile, fileId: string, where: string, firstNumber: number, letters: readonly string[]): Unit[] {
  const text = String(file.value ?? '');
  const out: Unit[] = [];
  const push = (unitId: string, node: { children: Parameters<typeof fromPhrasing>[0]; position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined }, context: string) => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    out.push({ key: `${fileId}#${unitId}`, fileId, unitId, content: fromPhrasing(node.children, text), file, start, end, kind: 'markdown', context });
  };
  const list = (node: List, prefix: string, context: string, depth: number) => {
    node.children.forEach((item, i) => {
      const label = depth === 0 ? `(${letters[i] ?? i + 1})` : `(${i + 1})`;
      let count = 0;
      for (const child of item.children) {
        if (child.type === 'paragraph') {
          count += 1;
          push(`${prefix}.${i + 1}${count > 1 ? `-${count}` : ''}`, child, `${context}, subparagraph ${label}`);
        } else if (child.type === 'list') list(child, `${prefix}.${i + 1}`, `${context}, subparagraph ${label}`, depth + 1);
      }
    });
  };
  let k = 0;
  for (const child of tree.children) {
    if (child.type === 'paragraph') {
      k += 1;
      push(`p${k}`, child, `${where}, paragraph ${k} of the text (printed paragraph ${firstNumber + k - 1})`);
    } else if (child.type === 'list') list(child, `p${k}`, `${where}, paragraph ${k} (printed paragraph ${firstNumber + Math.max(k, 1) - 1})`, 0);
  }
  return out;
}

/**
 * The units of one file's text as it would be after an edit (to verify that an import wrote
 * what it meant to, and nothing else): YAML fields by position, Markdown paragraphs by position.
 */
export function unitsOfText(file: VFile, fileId: string, parse: (file: VFile) => Root): Unit[] {
  if (fileId === 'document') return yamlUnits(file, 'document', documentFields);
  if (fileId === 'themes') return yamlUnits(file, 'themes', themeFields);
  return markdownUnits(parse(file), file, fileId, '', 1, []);
}

// A loaded edition does not change: its units are computed once (check, status, export, import).
const computed = new WeakMap<EditionSource, Unit[]>();

/** Every translatable unit of an edition, in reading order: document fields, themes, texts. Shared: do not modify. */
export function editionUnits(edition: EditionSource): Unit[] {
  let units = computed.get(edition);
  if (!units) computed.set(edition, (units = computeUnits(edition)));
  return units;
}

function computeUnits(edition: EditionSource): Unit[] {
  const docFile = edition.files.find((f) => f.basename === 'document.yaml');
  const themesFile = edition.themesFile.file;
  const out: Unit[] = [];
  if (docFile) out.push(...yamlUnits(docFile, 'document', documentFields));
  if (themesFile.basename === 'themes.yaml') out.push(...yamlUnits(themesFile, 'themes', themeFields));
  // Printed numbers (for the translator's note): paragraphs counted through the texts in printed order.
  const first = new Map<VFile, number>();
  let number = 1;
  for (const text of textsInOrder(edition)) {
    first.set(text.file, number);
    number += text.tree.children.filter((c) => c.type === 'paragraph').length;
  }
  const letters = edition.locale.labels.letters;
  out.push(...markdownUnits(edition.introduction.tree, edition.introduction.file, 'introduction', 'Chapter I (introduction)', first.get(edition.introduction.file) ?? 1, letters));
  const papers = [...edition.papers].sort((a, b) => (fileIdOf(a.symbol) < fileIdOf(b.symbol) ? -1 : 1));
  for (const paper of papers) {
    out.push(...markdownUnits(paper.tree, paper.file, fileIdOf(paper.symbol), `Paper ${paper.symbol} (${paper.year}, theme ${paper.theme})`, first.get(paper.file) ?? 1, letters));
  }
  return out;
}
