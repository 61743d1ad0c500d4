/**
 * In-place acceptance of a known finding (after remark-lint's ignore comments). In Markdown,
 * a comment block before the block concerned:
 *     <!-- check-ignore-next meetings: "seventh meeting, in 2020" is as published -->
 * in YAML, a comment on the line before:
 *     # check-ignore-next document-symbol: as published
 * It silences those rules' findings in the next block (Markdown) or line (YAML), nowhere
 * else; a comment that silences nothing is itself reported, so stale ones do not pile up.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { SOURCE } from '../load/report.js';

export interface IgnoreRange {
  rules: string[];
  from: number;
  to: number;
  line: number;
  column: number;
  used: boolean;
}

const MARKDOWN = /^<!--\s*check-ignore-next\s+([\w-]+(?:\s*,\s*[\w-]+)*)\s*(?::[^]*)?-->$/;
const YAML = /^(\s*)#\s*check-ignore-next\s+([\w-]+(?:\s*,\s*[\w-]+)*)\s*(?::.*)?$/;

export function ignoreRanges(file: VFile, tree: Root | undefined): IgnoreRange[] {
  const ranges: IgnoreRange[] = [];
  // YAML comments: in a .yaml file, and in a Markdown file's front matter (or in any line of a
  // Markdown file that could not be parsed, since its front matter did not load).
  const lines = String(file.value ?? '').split(/\r?\n/);
  const frontEnd = tree ? (lines[0] === '---' ? lines.indexOf('---', 1) : -1) : lines.length;
  lines.slice(0, Math.max(frontEnd, 0)).forEach((text, i) => {
    const match = YAML.exec(text);
    if (match) ranges.push({ rules: (match[2] ?? '').split(/\s*,\s*/), from: i + 2, to: i + 2, line: i + 1, column: (match[1]?.length ?? 0) + 1, used: false });
  });
  if (tree) {
    tree.children.forEach((node, i) => {
      if (node.type !== 'html') return;
      const match = MARKDOWN.exec(node.value.trim());
      const next = tree.children[i + 1];
      if (!match || !node.position) return;
      ranges.push({
        rules: (match[1] ?? '').split(/\s*,\s*/),
        from: next?.position?.start.line ?? node.position.end.line + 1,
        to: next?.position?.end.line ?? node.position.end.line + 1,
        line: node.position.start.line,
        column: node.position.start.column,
        used: false,
      });
    });
  }
  return ranges;
}

/** Drop the messages an ignore comment accepts; report comments that accepted nothing. */
export function applyIgnores(file: VFile, ranges: IgnoreRange[]): void {
  if (ranges.length === 0) return;
  file.messages = file.messages.filter((message) => {
    const range = ranges.find((r) => message.ruleId && r.rules.includes(message.ruleId) && message.line !== undefined && message.line >= r.from && message.line <= r.to);
    if (!range) return true;
    range.used = true;
    return false;
  });
  for (const range of ranges) {
    if (range.used) continue;
    const message = file.message(`check-ignore-next ${range.rules.join(', ')} accepts no finding here: remove the comment`, {
      place: { line: range.line, column: range.column },
      ruleId: 'unused-ignore',
      source: SOURCE,
    });
    message.fatal = false;
  }
}
