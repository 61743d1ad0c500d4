/** Reads compendium.config.yaml: the severity of each check rule and the year series. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { VFile } from 'vfile';
import { readSource } from './read.js';
import { parseYaml } from './yaml.js';
import { fatal } from './report.js';

export const CONFIG_NAME = 'compendium.config.yaml';

const configSchema = z
  .object({
    rules: z.record(z.enum(['off', 'warning', 'error'])).default({}),
    yearSeries: z.array(z.string().min(1)).default([]),
  })
  .strict();

export interface LoadedConfig {
  file: VFile | undefined;
  rules: Record<string, 'off' | 'warning' | 'error'>;
  yearSeries: string[];
}

export async function loadConfig(root: string, knownRules: readonly string[]): Promise<LoadedConfig> {
  const path = join(root, CONFIG_NAME);
  if (!existsSync(path)) return { file: undefined, rules: {}, yearSeries: [] };
  const file = await readSource(path, root);
  const parsed = parseYaml(file, String(file.value), configSchema);
  if (!parsed) return { file, rules: {}, yearSeries: [] };
  for (const id of Object.keys(parsed.value.rules)) {
    if (!knownRules.includes(id)) fatal(file, `Unknown rule \`${id}\`: the rules are ${knownRules.join(', ')}`, parsed.source.pointOf(['rules', id]), 'config');
  }
  return { file, rules: parsed.value.rules, yearSeries: parsed.value.yearSeries };
}
