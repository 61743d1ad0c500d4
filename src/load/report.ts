import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Point, Position } from 'unist';

export const SOURCE = 'un-compendium';

/** Record a fatal problem (the build cannot go on) at a place in a source file. */
export function fatal(
  file: VFile,
  reason: string,
  place: Point | Position | undefined,
  ruleId: string,
): VFileMessage {
  // A problem with the whole file is placed at its start, so every report has line:column.
  const message = file.message(reason, { place: place ?? { line: 1, column: 1 }, ruleId, source: SOURCE });
  message.fatal = true;
  return message;
}

export function hasFatal(files: Iterable<VFile>): boolean {
  for (const file of files) if (file.messages.some((m) => m.fatal === true)) return true;
  return false;
}
