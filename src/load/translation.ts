/**
 * A translation's record of which version of the original each unit translates:
 * `sources/<lang>/translation.yaml`, unit id → the hash of the original's text and that text
 * (for a word diff when the original changes). Written by `translate import` and
 * `translate mark-current`; read here, like every source. Also reads an exchange (XLIFF) file
 * handed to `translate import`.
 */
import { VFile } from 'vfile';
import { z } from 'zod';
import { LANGS, type Lang } from '../types.js';
import { parseYaml } from './yaml.js';
import { fatal } from './report.js';
import { kindWords, nodeDisk, readBytes, unreadableReason, type Disk } from './read.js';

export const TRANSLATION_RECORD = 'translation.yaml';

const UNIT_KEY = /^[\p{L}\p{N}._-]+#[\p{L}\p{N}._-]+$/u;

export const translationRecordSchema = z
  .object({
    original: z.enum(LANGS as [Lang, ...Lang[]]),
    units: z
      .record(
        z.string().regex(UNIT_KEY, 'a unit id is `<file>#<position>`, e.g. `CTOC-COP-WG.4-2019-3#p2`'),
        z.object({ hash: z.string().regex(/^[0-9a-f]{16}$/, 'a hash is 16 hexadecimal digits'), source: z.string() }).strict(),
      )
      .default({}),
  })
  .strict();

export type TranslationRecord = z.infer<typeof translationRecordSchema> & { file: VFile };

/** Parse a loaded translation.yaml; problems are messages on the file. */
export function parseTranslationRecord(file: VFile): TranslationRecord | undefined {
  const parsed = parseYaml(file, String(file.value ?? ''), translationRecordSchema);
  return parsed ? { ...parsed.value, file } : undefined;
}

/** An exchange file is at most this large (the whole compendium in one language is ~0.5 MB). */
export const MAX_EXCHANGE_BYTES = 16 * 1024 * 1024;

/** Read a file given on the command line (an XLIFF file) as strict UTF-8, into a VFile. */
export async function readExchangeFile(path: string, cwd: string, disk: Disk = nodeDisk): Promise<VFile> {
  const file = new VFile({ path, cwd, value: '' });
  const stat = await disk.stat(path);
  if (stat === undefined) {
    fatal(file, `Cannot read ${path}: no such file`, undefined, 'xliff-read');
    return file;
  }
  // A folder, a named pipe (opening one waits for a writer), a device: never opened.
  if (stat.kind !== 'file') {
    fatal(file, `Cannot read ${path}: it is ${kindWords(stat.kind)}, not a file`, undefined, 'xliff-read');
    return file;
  }
  const { size } = stat;
  if (size > MAX_EXCHANGE_BYTES) {
    fatal(file, `File is ${(size / 1024 / 1024).toFixed(1)} MiB: an exchange file may be at most ${MAX_EXCHANGE_BYTES / 1024 / 1024} MiB`, undefined, 'xliff-read');
    return file;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(path, disk);
  } catch (error) {
    fatal(file, `Cannot read ${path}: ${unreadableReason(error)}`, undefined, 'xliff-read');
    return file;
  }
  try {
    file.value = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    fatal(file, 'File is not valid UTF-8: XLIFF files are read as UTF-8', undefined, 'xliff-read');
  }
  return file;
}
