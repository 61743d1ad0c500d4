import { open, readdir } from 'node:fs/promises';
import { VFile } from 'vfile';
import { fatal } from './report.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A source larger than this is refused unread: the whole compendium is ~100 KB. */
export const MAX_SOURCE_BYTES = 1024 * 1024;

/**
 * Read one source file as a VFile. The value is strictly decoded UTF-8 with any byte-order
 * mark removed; a file that is not UTF-8 gets a fatal message and an empty value.
 */
export async function readSource(path: string, cwd: string): Promise<VFile> {
  const file = new VFile({ path, cwd });
  const handle = await open(path, 'r');
  let bytes: Uint8Array;
  try {
    const { size } = await handle.stat();
    if (size > MAX_SOURCE_BYTES) {
      file.value = '';
      fatal(file, `File is ${(size / 1024 / 1024).toFixed(1)} MiB: a source may be at most ${MAX_SOURCE_BYTES / 1024 / 1024} MiB`, undefined, 'source-size');
      return file;
    }
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  try {
    file.value = decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    file.value = '';
    fatal(file, 'File is not valid UTF-8: save it with UTF-8 encoding', undefined, 'source-encoding');
  }
  return file;
}

export async function listDir(path: string): Promise<string[]> {
  try {
    return (await readdir(path)).sort();
  } catch {
    return [];
  }
}
