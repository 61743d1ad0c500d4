/**
 * The lint-rule factory (after remark-lint's `lintRule`): every rule is one small file that
 * looks at the loaded project and reports through `report`, which stamps the rule id, the
 * source and the configured severity on `file.message(reason, {place})`.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Point, Position } from 'unist';
import type { CheckContext } from './context.js';
import { SOURCE } from '../load/report.js';

export type Severity = 'off' | 'warning' | 'error';

/** A mechanical repair: replace [start, end) (offsets in the file's text) with `text`. */
export interface Fix {
  file: VFile;
  start: number;
  end: number;
  text: string;
}

export interface RuleMeta {
  id: string;
  /** What the rule checks, one sentence (the README's table is generated from it). */
  description: string;
  /** A finding it reports, as an example. */
  example: string;
  /** Whether `--fix` can repair some findings. */
  fixable: boolean;
}

export type Report = (
  file: VFile,
  place: Point | Position | undefined,
  reason: string,
  fix?: Omit<Fix, 'file'>,
) => VFileMessage;

export interface Rule {
  meta: RuleMeta;
  run(context: CheckContext, severity: Exclude<Severity, 'off'>, fixes: Fix[]): void;
}

export function lintRule(meta: RuleMeta, check: (context: CheckContext, report: Report) => void): Rule {
  return {
    meta,
    run(context, severity, fixes) {
      check(context, (file, place, reason, fix) => {
        const message = file.message(reason, { ...(place ? { place } : {}), ruleId: meta.id, source: SOURCE });
        message.fatal = severity === 'error';
        if (fix) {
          message.actual = String(file.value).slice(fix.start, fix.end);
          message.expected = [fix.text];
          fixes.push({ file, ...fix });
        }
        return message;
      });
    },
  };
}
