/**
 * Reading a printed PDF back glyph by glyph (pdfjs-dist's operator list): where every glyph
 * stands, the lines it makes, how wide each line's word spaces (or, in Chinese, letter spaces)
 * are, and which paragraph each page ends in. The measurements of the print layout tests.
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface Glyph {
  page: number;
  /** Origin in PDF user space (points; y from the bottom of the page). */
  x: number;
  y: number;
  /** Font size in points as printed. */
  size: number;
  /** Natural advance in points. */
  advance: number;
  unicode: string;
  font: string;
}

export interface Page {
  number: number;
  width: number;
  height: number;
  glyphs: Glyph[];
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const asMatrix = (a: ArrayLike<number>): Matrix => [a[0] ?? 0, a[1] ?? 0, a[2] ?? 0, a[3] ?? 0, a[4] ?? 0, a[5] ?? 0];

interface PdfGlyph {
  unicode: string;
  width: number;
  isSpace?: boolean;
}

/** Every glyph of every page, positioned by replaying the text operators of the content streams. */
export async function readGlyphs(bytes: Uint8Array): Promise<Page[]> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: Page[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
    const list = await page.getOperatorList();
    const glyphs: Glyph[] = [];
    let ctm: Matrix = IDENTITY;
    const stack: Matrix[] = [];
    let tm: Matrix = IDENTITY;
    let tlm: Matrix = IDENTITY;
    let font = '';
    let fontSize = 0;
    let charSpacing = 0;
    let wordSpacing = 0;
    let hScale = 1;
    let leading = 0;
    const moveLine = (tx: number, ty: number): void => {
      tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
      tm = tlm;
    };
    for (let i = 0; i < list.fnArray.length; i++) {
      const fn = list.fnArray[i];
      const args = list.argsArray[i] as unknown[];
      switch (fn) {
        case OPS.save:
          stack.push(ctm);
          break;
        case OPS.restore:
          ctm = stack.pop() ?? IDENTITY;
          break;
        case OPS.transform:
          ctm = multiply(asMatrix(args as number[]), ctm);
          break;
        case OPS.beginText:
          tm = tlm = IDENTITY;
          break;
        case OPS.setFont:
          font = String(args[0]);
          fontSize = Number(args[1]);
          break;
        case OPS.setCharSpacing:
          charSpacing = Number(args[0]);
          break;
        case OPS.setWordSpacing:
          wordSpacing = Number(args[0]);
          break;
        case OPS.setHScale:
          hScale = Number(args[0]) / 100;
          break;
        case OPS.setLeading:
          leading = Number(args[0]);
          break;
        case OPS.setTextMatrix:
          tm = tlm = asMatrix(args[0] as ArrayLike<number>);
          break;
        case OPS.moveText:
          moveLine(Number(args[0]), Number(args[1]));
          break;
        case OPS.setLeadingMoveText:
          leading = -Number(args[1]);
          moveLine(Number(args[0]), Number(args[1]));
          break;
        case OPS.nextLine:
          moveLine(0, -leading);
          break;
        case OPS.showText:
        case OPS.showSpacedText: {
          const m = multiply(tm, ctm);
          const scale = Math.hypot(m[2], m[3]);
          for (const g of args[0] as Array<PdfGlyph | number | null>) {
            if (g === null) continue;
            if (typeof g === 'number') {
              tm = multiply([1, 0, 0, 1, (-g / 1000) * fontSize * hScale, 0], tm);
              continue;
            }
            const here = multiply(tm, ctm);
            const advance = ((g.width / 1000) * fontSize + charSpacing + (g.isSpace ? wordSpacing : 0)) * hScale;
            glyphs.push({ page: p, x: here[4], y: here[5], size: fontSize * scale, advance: advance * Math.hypot(here[0], here[1]), unicode: g.unicode, font });
            tm = multiply([1, 0, 0, 1, advance, 0], tm);
          }
          break;
        }
        default:
          break;
      }
    }
    pages.push({ number: p, width: x1 - x0, height: y1 - y0, glyphs });
  }
  await doc.destroy();
  return pages;
}

export interface Line {
  page: number;
  y: number;
  size: number;
  glyphs: Glyph[];
  text: string;
}

/** Body glyphs (not the page furniture, which is set smaller than 9.5 pt) grouped into lines by baseline. */
export function lines(page: Page, minSize = 9.5): Line[] {
  const body = page.glyphs.filter((g) => g.size >= minSize && g.unicode !== '');
  const byY = new Map<number, Glyph[]>();
  for (const g of body) {
    const key = [...byY.keys()].find((y) => Math.abs(y - g.y) < 1.2) ?? g.y;
    const list = byY.get(key) ?? [];
    list.push(g);
    byY.set(key, list);
  }
  return [...byY]
    .sort((a, b) => b[0] - a[0])
    .map(([y, glyphs]) => {
      glyphs.sort((a, b) => a.x - b.x);
      return { page: page.number, y, size: Math.max(...glyphs.map((g) => g.size)), glyphs, text: glyphs.map((g) => g.unicode).join('') };
    });
}

const SPACE = /^[ \u00a0\u2009\u202f]$/;
const CJK = /^[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]$/u;

/**
 * A line's spacing, in ems of its type size: the median word space (from a space glyph to the
 * next glyph) and the median space added between two Chinese characters beyond their natural
 * advance (letter spacing). Justification widens every space of a line alike, so the median is
 * the line's spacing; the gap after a hanging paragraph number or label is not a word space,
 * and the median leaves it out.
 */
export function spacing(line: Line): { word: number; letter: number } {
  const words: number[] = [];
  const letters: number[] = [];
  const gs = line.glyphs;
  for (let i = 0; i < gs.length - 1; i++) {
    const g = gs[i] as Glyph;
    const next = gs.slice(i + 1).find((n) => n.x > g.x + 0.01);
    if (!next) continue;
    // A space in a zero-width box (the tab after a number or label) is not a word space.
    if (SPACE.test(g.unicode)) {
      if ((gs[i + 1] as Glyph).x - g.x > 0.05 * line.size) words.push((next.x - g.x) / line.size);
    }
    else if (CJK.test(g.unicode) && CJK.test(next.unicode)) letters.push((next.x - g.x - g.advance) / line.size);
  }
  return { word: median(words), letter: median(letters) };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Where each page ends, in paragraph units: the last paragraph number that has begun, and
 * whether that paragraph runs on to the next page. A number is a line's first glyphs
 * ("12." left to right, or "12 -"/".12" in Arabic) standing at the paragraphs' number column.
 */
export interface PageEnd {
  page: number;
  /** Last paragraph begun on or before this page. */
  paragraph: number;
  /** The paragraph continues on the next page. */
  inside: boolean;
  /** The first text of the next page. */
  next: string;
  /** The subparagraph label the next page opens with, if any. */
  label?: string;
}

export function paragraphStarts(pages: readonly Page[], rtl: boolean): Array<{ page: number; y: number; n: number }> {
  const starts: Array<{ page: number; y: number; n: number; edge: number }> = [];
  for (const page of pages) {
    for (const line of lines(page)) {
      const ordered = rtl ? [...line.glyphs].reverse() : line.glyphs;
      const head = ordered.slice(0, 6).map((g) => g.unicode).join('');
      const m = (rtl ? /^\s*(?:\.(\d{1,3})|(\d{1,3})\s*[-.])/ : /^(\d{1,3})\.(?!\d)/).exec(rtl ? ordered.map((g) => g.unicode).join('').slice(0, 8) : head);
      if (!m) continue;
      // A digit run in RTL is stored left to right: read the digits back in their own order.
      let n = Number(m[1] ?? m[2]);
      if (rtl) {
        const digits = line.glyphs.filter((g) => /\d/.test(g.unicode));
        const first = ordered[0] as Glyph;
        const run = digits.filter((g) => Math.abs(g.x - first.x) < 20 && g.x <= first.x + 0.01).sort((a, b) => a.x - b.x);
        if (run.length) n = Number(run.map((g) => g.unicode).join(''));
      }
      const edge = rtl ? Math.max(...line.glyphs.map((g) => g.x + g.advance)) : (line.glyphs[0] as Glyph).x;
      starts.push({ page: page.number, y: line.y, n, edge });
    }
  }
  // Numbers stand where most numbers stand (a "9." that opens a continuation line does not).
  const counts = new Map<number, number>();
  for (const s of starts) counts.set(Math.round(s.edge), (counts.get(Math.round(s.edge)) ?? 0) + 1);
  const column = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  return starts.filter((s) => Math.abs(s.edge - column) < 1.5).map(({ page, y, n }) => ({ page, y, n }));
}

export function pageEnds(pages: readonly Page[], rtl = false): PageEnd[] {
  const starts = paragraphStarts(pages, rtl);
  // The edge justified lines reach (right in LTR, left in RTL): a page whose last line reaches
  // it ends inside a block, unless the next page opens with a paragraph number.
  const edgeOf = (line: Line): number => (rtl ? Math.min(...line.glyphs.map((g) => g.x)) : Math.max(...line.glyphs.map((g) => g.x + g.advance)));
  const edge = Number(mostCommon(pages.flatMap((p) => lines(p).map((l) => String(Math.round(edgeOf(l)))))));
  return pages.slice(0, -1).map((page) => {
    const begun = starts.filter((s) => s.page <= page.number);
    const last = begun[begun.length - 1]?.n ?? 0;
    const next = pages[page.number] as Page;
    const first = lines(next)[0];
    const end = lines(page).at(-1);
    const nextStart = starts.find((s) => s.page === next.number);
    const opensWithNumber = !!first && !!nextStart && Math.abs(nextStart.y - first.y) < 1.2;
    const full = !!end && Math.abs(edgeOf(end) - edge) < 1.5;
    // A page that opens with a subparagraph label ("(d)", "d)", "(د)") continues its paragraph.
    const reading = first ? (rtl ? [...first.glyphs].reverse() : first.glyphs).map((g) => g.unicode).join('') : '';
    const label = /^[()]?[\p{L}]{1,4}[()]/u.exec(reading)?.[0];
    return { page: page.number, paragraph: last, inside: (full || !!label) && !opensWithNumber, next: reading.slice(0, 40), ...(label ? { label } : {}) };
  });
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/**
 * Widows and orphans: a paragraph broken across pages with a single line on one side. Lines of
 * one paragraph stand one line pitch apart (the commonest distance between baselines); a larger
 * gap starts another block. Returns the pages that open with a widow or end with an orphan.
 */
export function widowsAndOrphans(pages: readonly Page[], ends: readonly PageEnd[]): { widows: number[]; orphans: number[] } {
  const all = pages.map((p) => lines(p));
  const gaps = all.flatMap((ls) => ls.slice(1).map((l, i) => Math.round(((ls[i] as Line).y - l.y) * 10) / 10));
  const pitch = Number(mostCommon(gaps.map(String)));
  const block = (ls: readonly Line[]): number => {
    let n = 1;
    while (n < ls.length && Math.abs((ls[n - 1] as Line).y - (ls[n] as Line).y - pitch) < 0.6) n++;
    return n;
  };
  const widows: number[] = [];
  const orphans: number[] = [];
  for (const end of ends) {
    // A page that opens with a new subparagraph starts a block: neither side is a lone line of one.
    if (!end.inside || end.label) continue;
    const before = all[end.page - 1] ?? [];
    const after = all[end.page] ?? [];
    if (after.length && block(after) === 1) widows.push(end.page + 1);
    if (before.length && block([...before].reverse().map((l) => ({ ...l, y: -l.y }))) === 1) orphans.push(end.page);
  }
  return { widows, orphans };
}
