import { readFile, readdir } from 'node:fs/promises';
import { VFile } from 'vfile';
import { fatal } from './report.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Read one source file as a VFile. The value is strictly decoded UTF-8 with any byte-order
 * mark removed; a file that is not UTF-8 gets a fatal message and an empty value.
 */
export async function readSource(path: string, cwd: string): Promise<VFile> {
  const bytes = await readFile(path);
  const file = new VFile({ path, cwd });
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
