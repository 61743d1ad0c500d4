/** A hash of everything under a folder (names, file bytes, link targets): to show nothing changed. */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

export function treeHash(dir: string, skip: (name: string) => boolean = () => false): string {
  const hash = createHash('sha256');
  const walk = (path: string, name: string): void => {
    let stats;
    try {
      stats = lstatSync(path);
    } catch {
      hash.update(`${name}\0absent\0`);
      return;
    }
    if (stats.isSymbolicLink()) hash.update(`${name}\0link\0${readlinkSync(path)}\0`);
    else if (stats.isDirectory()) {
      hash.update(`${name}\0dir\0`);
      for (const entry of readdirSync(path).sort()) if (!skip(entry)) walk(join(path, entry), `${name}/${entry}`);
    } else hash.update(`${name}\0file\0`).update(readFileSync(path)).update('\0');
  };
  walk(dir, '.');
  return hash.digest('hex');
}
