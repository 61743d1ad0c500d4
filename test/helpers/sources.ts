/** A throw-away copy of the real sources to break in one place. */
import { cp, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
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

/**
 * A project of its own beside this one: its own compendium.config.yaml, this project's
 * templates, packages and package.json (linked), and a copy of the bundled command line, so
 * that it runs as a process too (the bundle finds its project from where it is).
 */
export async function projectWith(config: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'project-'));
  await cp(join(ROOT, 'dist', 'bin'), join(root, 'dist', 'bin'), { recursive: true });
  await cp(join(ROOT, 'package.json'), join(root, 'package.json'));
  for (const dir of ['node_modules', 'templates']) await symlink(join(ROOT, dir), join(root, dir));
  await writeFile(join(root, 'compendium.config.yaml'), config);
  return root;
}
