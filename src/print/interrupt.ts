/**
 * Ctrl-C while a build runs: what each running build registers to undo (kill Chromium, stop
 * staging, drop the staged files and the lock), run when the command line calls `interrupt`.
 */
const handlers = new Set<() => Promise<void>>();

/** Register what to undo on interrupt; the returned function unregisters it. */
export function onInterrupt(handler: () => Promise<void>): () => void {
  handlers.add(handler);
  return () => void handlers.delete(handler);
}

export async function interrupt(): Promise<void> {
  await Promise.all([...handlers].map((handler) => handler().catch(() => undefined)));
}
