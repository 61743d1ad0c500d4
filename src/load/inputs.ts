/**
 * A digest of everything a build reads from the project — the sources folder, the templates
 * and locale packs, the configuration — by path and content, read as bytes (nothing parsed)
 * through the World's disk: when it equals the digest of the last complete build, the build
 * has nothing to do (src/write/output-stages.ts, `unchanged`). A missing path counts as
 * missing, not as an error.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CONFIG_NAME } from './config.js';
import type { World } from './world.js';

/** Everything a build reads from the project (the code and packages are in the build's code hash). */
const inputPaths = (world: Pick<World, 'root' | 'sources' | 'templates'>): string[] => [world.sources, world.templates, join(world.root, CONFIG_NAME)];

/** One file after another: a few hundred small files, on the way to the first print (the file system's disk reads each synchronously). */
export async function inputsDigest(world: Pick<World, 'root' | 'sources' | 'templates' | 'disk'>): Promise<string> {
  const { disk } = world;
  const hash = createHash('sha256');
  const visit = async (path: string): Promise<void> => {
    if ((await disk.stat(path))?.kind !== 'dir') {
      const bytes = await disk.read(path, Number.POSITIVE_INFINITY).then(
        (read) => read.bytes,
        () => undefined,
      );
      hash.update(path).update(bytes ? `\0${bytes.length}\0` : '\0missing\0');
      if (bytes) hash.update(bytes);
      return;
    }
    hash.update(path).update('\0dir\0');
    for (const name of await disk.list(path)) await visit(join(path, name));
  };
  for (const path of inputPaths(world)) await visit(path);
  return hash.digest('hex');
}
