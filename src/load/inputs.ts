/**
 * A digest of everything a build reads from the project — the sources folder, the templates
 * and locale packs, the configuration — by path and content, read as bytes (nothing parsed):
 * when it equals the digest of the last complete build, the build has nothing to do
 * (src/write/stages.ts, `unchanged`). A missing path counts as missing, not as an error.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function inputsDigest(paths: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  const visit = async (path: string): Promise<void> => {
    const entries = await readdir(path, { withFileTypes: true }).catch(() => undefined);
    if (!entries) {
      const bytes = await readFile(path).catch(() => undefined);
      hash.update(path).update(bytes ? `\0${bytes.length}\0` : '\0missing\0');
      if (bytes) hash.update(bytes);
      return;
    }
    hash.update(path).update('\0dir\0');
    for (const name of entries.map((e) => e.name).sort()) await visit(join(path, name));
  };
  for (const path of paths) await visit(path);
  return hash.digest('hex');
}
