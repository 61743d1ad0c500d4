/**
 * Saving a PDF without parsing all of it, for a PDF with one classic cross-reference table
 * (what Chromium's Skia writes). Only the objects the post-processing steps can touch are
 * parsed, with pdf-lib's object parser, into a pdf-lib context: the catalog, the document
 * information, the page tree with its pages' content streams, and the outline. On save, every
 * other object is copied byte for byte from where the table says it lies (up to where the next
 * one starts); the objects the steps changed or added are serialized by pdf-lib; objects they
 * removed are left out; and a new, complete cross-reference table and trailer end the file.
 * The result is one revision, like the input: nothing superseded (such as Chromium's print
 * time in its document information) stays in the file.
 *
 * `openRewrite` answers undefined for any PDF it does not know how to save this way
 * (cross-reference streams, incremental updates, encryption, objects it cannot parse); the
 * caller then has pdf-lib parse and save the whole file.
 */
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFObject,
  PDFObjectParser,
  PDFRef,
  PDFCatalog,
} from 'pdf-lib';
import { infoOf, pagesOf, type OpenedPdf } from './pdf-edit.js';

interface XrefEntry {
  offset: number;
  generation: number;
}

const latin1 = new TextDecoder('latin1');
const ascii = (text: string): Uint8Array => Buffer.from(text, 'latin1');

/** The last cross-reference table and trailer, when the file ends with exactly one classic table. */
function readXref(bytes: Uint8Array): { entries: Map<number, XrefEntry>; trailer: PDFDict; start: number } | undefined {
  const tail = latin1.decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1] ?? NaN);
  if (!Number.isInteger(start) || start <= 0 || start >= bytes.length) return undefined;
  const trailerAt = indexOf(bytes, 'trailer', start);
  if (trailerAt < 0) return undefined;
  const table = latin1.decode(bytes.subarray(start, trailerAt));
  if (!/^xref\s/.test(table)) return undefined;
  const entries = new Map<number, XrefEntry>();
  const lines = table.slice(4).trim().split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; ) {
    const head = /^(\d+)\s+(\d+)\s*$/.exec(lines[i] ?? '');
    if (!head) return undefined;
    const first = Number(head[1]);
    const count = Number(head[2]);
    for (let k = 0; k < count; k++) {
      const entry = /^(\d{10}) (\d{5}) ([nf])\s*$/.exec(lines[i + 1 + k] ?? '');
      if (!entry) return undefined;
      if (entry[3] === 'n') entries.set(first + k, { offset: Number(entry[1]), generation: Number(entry[2]) });
    }
    i += 1 + count;
  }
  const context = PDFContext.create();
  let trailer: PDFObject;
  try {
    trailer = PDFObjectParser.forBytes(bytes.subarray(trailerAt + 'trailer'.length), context).parseObject();
  } catch {
    return undefined;
  }
  if (!(trailer instanceof PDFDict)) return undefined;
  // An earlier update, a hybrid file or an encrypted one: not ours to update this way.
  for (const key of ['Prev', 'XRefStm', 'Encrypt']) if (trailer.has(PDFName.of(key))) return undefined;
  return { entries, trailer, start };
}

function indexOf(bytes: Uint8Array, text: string, from: number): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(text, from, 'latin1');
}

class Unreadable extends Error {}

export function openRewrite(input: Uint8Array): OpenedPdf | undefined {
  const xref = readXref(input);
  if (!xref) return undefined;
  const { entries, trailer, start } = xref;
  const size = (trailer.get(PDFName.of('Size')) as PDFNumber | undefined)?.asNumber() ?? 0;
  const context = PDFContext.create();
  context.largestObjectNumber = Math.max(0, size - 1);

  const load = (ref: PDFObject | undefined): PDFObject | undefined => {
    if (!(ref instanceof PDFRef)) return ref;
    const known = context.lookup(ref);
    if (known !== undefined) return known;
    const entry = entries.get(ref.objectNumber);
    if (!entry || entry.generation !== ref.generationNumber) return undefined;
    const head = /^(\d+)\s+(\d+)\s+obj\b/.exec(latin1.decode(input.subarray(entry.offset, entry.offset + 32)));
    if (!head || Number(head[1]) !== ref.objectNumber) throw new Unreadable();
    const object = PDFObjectParser.forBytes(input.subarray(entry.offset + head[0].length), context).parseObject();
    context.assign(ref, object);
    return object;
  };
  const loadDict = (ref: PDFObject | undefined): PDFDict | undefined => {
    const object = load(ref);
    return object instanceof PDFDict ? object : undefined;
  };

  let catalog: PDFCatalog;
  try {
    const rootRef = trailer.get(PDFName.of('Root'));
    const root = rootRef instanceof PDFRef ? loadDict(rootRef) : undefined;
    if (!(rootRef instanceof PDFRef) || !(root instanceof PDFCatalog)) return undefined;
    catalog = root;
    context.trailerInfo.Root = rootRef;
    const infoRef = trailer.get(PDFName.of('Info'));
    if (infoRef instanceof PDFRef && loadDict(infoRef)) context.trailerInfo.Info = infoRef;
    // The page tree, each page and its content streams.
    const walkPages = (node: PDFDict | undefined, depth: number): void => {
      if (!node || depth > 64) return;
      const kids = node.get(PDFName.of('Kids'));
      if (kids instanceof PDFArray) for (const kid of kids.asArray()) walkPages(loadDict(kid), depth + 1);
      const contents = load(node.get(PDFName.of('Contents')));
      if (contents instanceof PDFArray) for (const part of contents.asArray()) load(part);
    };
    walkPages(loadDict(catalog.get(PDFName.of('Pages'))), 0);
    // The outline: its root and every item.
    const walkOutline = (first: PDFObject | undefined, depth: number): void => {
      for (let item = loadDict(first), n = 0; item && n < 100_000 && depth < 64; item = loadDict(item.get(PDFName.of('Next'))), n++) {
        walkOutline(item.get(PDFName.of('First')), depth + 1);
      }
    };
    walkOutline(loadDict(catalog.get(PDFName.of('Outlines')))?.get(PDFName.of('First')), 0);
  } catch {
    return undefined;
  }

  // What each opened object was, to tell afterwards which ones the steps changed.
  const before = new Map<number, { object: PDFObject; bytes: Uint8Array }>();
  for (const [ref, object] of context.enumerateIndirectObjects()) before.set(ref.objectNumber, { object, bytes: serialize(object) });

  return {
    context,
    catalog,
    pages: () => pagesOf(catalog),
    info: () => infoOf(context),
    save() {
      const now = new Map(context.enumerateIndirectObjects().map(([ref, object]) => [ref.objectNumber, { ref, object }]));
      const changed = new Map<number, Uint8Array>();
      for (const [number, { object }] of now) {
        const old = before.get(number);
        const bytes = serialize(object);
        if (!old || old.object !== object || !equal(old.bytes, bytes)) changed.set(number, bytes);
      }
      // Objects in the order they lie in the file; each runs to where the next one starts.
      const order = [...entries].sort((a, b) => a[1].offset - b[1].offset);
      const parts: Uint8Array[] = [];
      let offset = 0;
      const push = (chunk: Uint8Array): void => {
        parts.push(chunk);
        offset += chunk.length;
      };
      push(input.subarray(0, order[0]?.[1].offset ?? start));
      const offsets = new Map<number, { offset: number; generation: number }>();
      const write = (number: number, generation: number, bytes: Uint8Array): void => {
        offsets.set(number, { offset, generation });
        push(ascii(`${number} ${generation} obj\n`));
        push(bytes);
        push(ascii('\nendobj\n'));
      };
      order.forEach(([number, entry], i) => {
        const opened = before.has(number);
        if (opened && !now.has(number)) return; // removed by a step
        const bytes = changed.get(number);
        if (bytes) write(number, entry.generation, bytes);
        else {
          offsets.set(number, { offset, generation: entry.generation });
          push(input.subarray(entry.offset, order[i + 1]?.[1].offset ?? start));
        }
      });
      for (const [number, bytes] of changed) if (!entries.has(number)) write(number, now.get(number)?.ref.generationNumber ?? 0, bytes);
      const xrefAt = offset;
      const newSize = Math.max(size, context.largestObjectNumber + 1);
      push(ascii(xrefTable(offsets, newSize)));
      const dict = PDFDict.withContext(context);
      dict.set(PDFName.of('Size'), PDFNumber.of(newSize));
      const id = trailer.get(PDFName.of('ID'));
      for (const [key, value] of [['Root', context.trailerInfo.Root], ['Info', context.trailerInfo.Info], ['ID', id]] as const) {
        if (value instanceof PDFObject) dict.set(PDFName.of(key), value);
      }
      push(ascii(`trailer\n${dict.toString()}\nstartxref\n${xrefAt}\n%%EOF\n`));
      return Buffer.concat(parts);
    },
  };
}

/** A whole cross-reference table: the objects written, and a free list (from 0) through the rest. */
function xrefTable(written: Map<number, { offset: number; generation: number }>, size: number): string {
  const free: number[] = [];
  for (let n = 1; n < size; n++) if (!written.has(n)) free.push(n);
  const rows: string[] = [`${pad(free[0] ?? 0, 10)} 65535 f\r\n`];
  let next = 0;
  for (let n = 1; n < size; n++) {
    const entry = written.get(n);
    if (entry) rows.push(`${pad(entry.offset, 10)} ${pad(entry.generation, 5)} n\r\n`);
    else rows.push(`${pad(free[++next] ?? 0, 10)} 00001 f\r\n`);
  }
  return `xref\n0 ${size}\n${rows.join('')}`;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function serialize(object: PDFObject): Uint8Array {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
