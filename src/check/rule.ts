/**
 * The lint-rule factory (after remark-lint's `lintRule`): every rule is one small file that
 * looks at the loaded project and reports through `report`, which stamps the rule id, the
 * source and the configured severity on `file.message(reason, {place})`. A rule may take
 * options (a zod schema with defaults), set in the configuration as `[severity, options]`.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Point, Position } from 'unist';
import type { z } from 'zod';
import type { CheckContext } from './context.js';
import { SOURCE } from '../load/report.js';
import type { Severity } from '../load/config.js';

export type { Severity };

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
  /** Its severity when the configuration does not set one (default: error). */
  severity?: 'warning' | 'error';
}

export type Report = (
  file: VFile,
  place: Point | Position | undefined,
  reason: string,
  fix?: Omit<Fix, 'file'>,
  /** A finding that is only ever a warning (a placeholder still to be confirmed). */
  options?: { warning?: boolean },
) => VFileMessage;

export interface Rule {
  meta: RuleMeta;
  /** The options the rule takes, with their defaults (undefined: none). */
  options: z.ZodTypeAny | undefined;
  run(context: CheckContext, severity: Exclude<Severity, 'off'>, options: unknown, fixes: Fix[]): void;
}

function ruleWith<O>(meta: RuleMeta, schema: z.ZodType<O, z.ZodTypeDef, unknown> | undefined, check: (context: CheckContext, report: Report, options: O) => void): Rule {
  return {
    meta,
    options: schema,
    run(context, severity, options, fixes) {
      check(
        context,
        (file, place, reason, fix, how) => {
          // A finding about a whole file is placed at its start, so every report has line:column.
          const message = file.message(reason, { place: place ?? { line: 1, column: 1 }, ruleId: meta.id, source: SOURCE });
          message.fatal = severity === 'error' && how?.warning !== true;
          if (fix) {
            message.actual = String(file.value).slice(fix.start, fix.end);
            message.expected = [fix.text];
            fixes.push({ file, ...fix });
          }
          return message;
        },
        options as O,
      );
    },
  };
}

export function lintRule(meta: RuleMeta, check: (context: CheckContext, report: Report) => void): Rule {
  return ruleWith(meta, undefined, (context, report) => check(context, report));
}

/** A rule with options: `schema` parses what the configuration gives (and supplies defaults). */
export function lintRuleWithOptions<O>(meta: RuleMeta, schema: z.ZodType<O, z.ZodTypeDef, unknown>, check: (context: CheckContext, report: Report, options: O) => void): Rule {
  return ruleWith(meta, schema, check);
}
