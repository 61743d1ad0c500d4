/**
 * Reads compendium.config.yaml: for each rule (and each loader finding) its severity, or
 * `[severity, options]` after eslint and remark-lint; and the year series. Which ids exist and
 * which options a rule takes is the checks' business: this only reads.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { VFile } from 'vfile';
import type { Point } from 'unist';
import { readSource } from './read.js';
import { parseYaml } from './yaml.js';
import type { World } from './world.js';

export const CONFIG_NAME = 'compendium.config.yaml';

export const severitySchema = z.enum(['off', 'warning', 'error']);
export type Severity = z.infer<typeof severitySchema>;

const configSchema = z
  .object({
    rules: z.record(z.union([severitySchema, z.tuple([severitySchema, z.record(z.unknown())])])).default({}),
    yearSeries: z.array(z.string().min(1)).default([]),
  })
  .strict();

export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown> | undefined;
  /** Where the setting stands in the configuration file. */
  point: Point;
}

export interface LoadedConfig {
  file: VFile | undefined;
  rules: Record<string, RuleSetting>;
  yearSeries: string[];
}

/** The settings of a project without a configuration (or with one that does not parse): the schema's defaults. */
export const UNCONFIGURED: Readonly<Omit<LoadedConfig, 'file'>> = { rules: {}, yearSeries: configSchema.parse({}).yearSeries };

/** The configuration beside the sources, read through the World (not listed with the sources: it is no language's). */
export async function loadConfig(world: Pick<World, 'root' | 'disk'>): Promise<LoadedConfig> {
  const path = join(world.root, CONFIG_NAME);
  if (!world.disk.exists(path)) return { file: undefined, ...UNCONFIGURED };
  const file = await readSource(path, world.root, world.disk);
  const parsed = parseYaml(file, String(file.value), configSchema);
  if (!parsed) return { file, ...UNCONFIGURED };
  const rules: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(parsed.value.rules)) {
    const [severity, options] = typeof value === 'string' ? [value, undefined] : value;
    rules[id] = { severity, options, point: parsed.source.pointOf(['rules', id]) };
  }
  return { file, rules, yearSeries: parsed.value.yearSeries };
}
