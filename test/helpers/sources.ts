/** A throw-away copy of the real sources to break in one place. */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { ROOT } from './cli.js';
import { LANGS } from '../../src/types.js';

/** Languages with sources in the repository. */
export function presentLangs(): string[] {
  return LANGS.filter((lang) => existsSync(join(ROOT, 'sources', lang, 'document.yaml')));
}

export async function copySources(langs: string[] = ['en']): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sources-'));
  await cp(join(ROOT, 'sources', 'meetings.yaml'), join(dir, 'meetings.yaml'));
  for (const lang of langs) await cp(join(ROOT, 'sources', lang), join(dir, lang), { recursive: true });
  return dir;
}

export async function edit(path: string, change: (text: string) => string): Promise<void> {
  await writeFile(path, change(await readFile(path, 'utf8')));
}
