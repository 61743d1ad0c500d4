import type { Node } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { SOURCE } from '../load/report.js';

/**
 * Plugins run on the edition's tree, whose nodes come from many source files. A message
 * about a node belongs on the file the node came from: the edition file carries them all.
 */
export function reportOn(
  edition: VFile,
  path: string | undefined,
  node: Node,
  reason: string,
  ruleId: string,
  options: { fatal?: boolean } = {},
): VFileMessage {
  const target = (path && edition.data.sourceFiles?.[path]) || edition;
  const message = target.message(reason, { ...(node.position ? { place: node.position } : {}), ruleId, source: SOURCE });
  if (options.fatal) message.fatal = true;
  return message;
}

declare module 'vfile' {
  interface DataMap {
    /** The source files of the edition, by path, so plugins can report on them. */
    sourceFiles: Record<string, VFile>;
  }
}
