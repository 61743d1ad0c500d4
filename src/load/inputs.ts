/**
 * A digest of everything a build reads from the project — the sources folder, the templates
 * and locale packs, the configuration — by path and content, read as bytes (nothing parsed):
 * when it equals the digest of the last complete build, the build has nothing to do
 * (src/write/output-stages.ts, `unchanged`). A missing path counts as missing, not as an error.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Read synchronously: a few hundred small files, on the way to the first print (one await each cost more than the reading). */
export async function inputsDigest(paths: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  const read = <T>(get: () => T): T | undefined => {
    try {
      return get();
    } catch {
      return undefined;
    }
  };
  const visit = (path: string): void => {
    const entries = read(() => readdirSync(path, { withFileTypes: true }));
    if (!entries) {
      const bytes = read(() => readFileSync(path));
      hash.update(path).update(bytes ? `\0${bytes.length}\0` : '\0missing\0');
      if (bytes) hash.update(bytes);
      return;
    }
    hash.update(path).update('\0dir\0');
    for (const name of entries.map((e) => e.name).sort()) visit(join(path, name));
  };
  for (const path of paths) visit(path);
  return hash.digest('hex');
}
