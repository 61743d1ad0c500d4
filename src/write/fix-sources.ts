/**
 * `check --fix`: the checks' mechanical repairs, written to the sources only when they are safe.
 *
 * The repairs are tried on a private copy of the sources, never on the sources themselves:
 * round after round, the checks propose repairs, the safety layer (src/check/fix/safe.ts) keeps
 * those that are safe on the parsed trees, they are applied to the copy and the copy is checked
 * again; a file whose repairs brought a new finding or a parse error gets its text back and its
 * repairs are refused. When no safe repair is left, each source whose text changed is written
 * once, atomically — so a second `--fix` has nothing left to do. The original is written only if
 * it still holds the text the repairs were computed from (an editor saving meanwhile wins).
 */
import { cp, lstat, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { VFile } from 'vfile';
import type { Fix } from '../check/rule.js';
import { safeFixes } from '../check/fix/safe.js';
import { applyToText } from '../check/fix/repairs.js';
import { writeFileAtomic } from './output.js';

export interface FixCheck {
  files: VFile[];
  fixes: Fix[];
}

export interface Change {
  line: number;
  column: number;
  /** The text replaced and its replacement. */
  from: string;
  to: string;
  ruleId: string | undefined;
}

export interface FixReport {
  /** Per source changed (absolute path in the real sources): what changed. */
  changed: Array<{ path: string; changes: Change[] }>;
  /** Repairs not made, and why (the findings stay reported). */
  refused: Array<{ path: string; line: number; column: number; from: string; to: string; why: string }>;
}

const ROUNDS = 5;

function findings(files: readonly VFile[], base: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of files) {
    const rel = relative(base, file.path);
    out.set(rel, file.messages.map((m) => `${m.ruleId ?? ''}\0${m.reason}`).sort());
  }
  return out;
}

/** Every finding of `after` was in `before` (as many times at most). */
function noNewFinding(before: readonly string[] = [], after: readonly string[] = []): boolean {
  const left = new Map<string, number>();
  for (const f of before) left.set(f, (left.get(f) ?? 0) + 1);
  for (const f of after) {
    const n = left.get(f) ?? 0;
    if (n === 0) return false;
    left.set(f, n - 1);
  }
  return true;
}

function pointOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function ruleOf(fix: Fix): string | undefined {
  return fix.file.messages.find((m) => m.ruleId && m.expected?.[0] === fix.text && m.actual === String(fix.file.value).slice(fix.start, fix.end))?.ruleId ?? undefined;
}

/**
 * Repair the sources in `sourcesDir`. `check(dir)` runs the checks on a sources folder (the
 * private copy) and returns its files and proposed repairs.
 */
/** `only`: repair only the source files it accepts (by their path under `sourcesDir`), as `check --fix FILE` does. */
export async function fixSources(sourcesDir: string, check: (dir: string) => Promise<FixCheck>, only: (path: string) => boolean = () => true): Promise<FixReport> {
  const work = await mkdtemp(join(tmpdir(), 'compendium-fix-'));
  const copy = join(work, 'sources');
  try {
    // The real folder (a --sources that is a link is not copied as a link: writes to the copy
    // would land in the sources), links inside it kept as written (relative ones stay in the copy).
    // Only files, folders and links: a named pipe, socket or device is not copied (the check
    // reports it, unread).
    const copyable = async (path: string) => {
      const entry = await lstat(path);
      return entry.isFile() || entry.isDirectory() || entry.isSymbolicLink();
    };
    await cp(await realpath(sourcesDir), copy, { recursive: true, verbatimSymlinks: true, filter: copyable });
    const report: FixReport = { changed: [], refused: [] };
    const changes = new Map<string, Change[]>();
    // Repairs that brought a new finding, by file, place and text: not tried again.
    const blocked = new Map<string, string>();
    const keyOf = (fix: Fix) => `${relative(copy, fix.file.path)}\0${fix.start}\0${fix.end}\0${fix.text}`;
    const outside = (fix: Fix) => relative(copy, fix.file.path).startsWith('..');
    // Files not named (check --fix FILE): not repaired, and not reported as refused either.
    const named = (fix: Fix) => outside(fix) || only(join(sourcesDir, relative(copy, fix.file.path)));
    const originals = new Map<string, string>();
    let current = await check(copy);
    for (let round = 0; round < ROUNDS; round++) {
      const { safe } = safeFixes(current.fixes.filter((fix) => named(fix) && !outside(fix) && !blocked.has(keyOf(fix))));
      if (safe.length === 0) break;
      // Apply to the copy, file by file.
      const byFile = new Map<string, Fix[]>();
      for (const fix of safe) byFile.set(fix.file.path, [...(byFile.get(fix.file.path) ?? []), fix]);
      const previous = new Map<string, string>();
      for (const [path, list] of byFile) {
        const text = String(list[0]?.file.value ?? '');
        previous.set(path, text);
        if (!originals.has(path)) originals.set(path, text);
        await writeFile(path, applyToText(text, list));
      }
      // Check again: a repaired file with a new finding (or a parse error) gets its text back.
      const before = findings(current.files, copy);
      let after = await check(copy);
      for (;;) {
        const now = findings(after.files, copy);
        const worse = [...now.keys()].filter((rel) => !noNewFinding(before.get(rel), now.get(rel)));
        if (worse.length === 0) break;
        const repaired = worse.filter((rel) => previous.has(join(copy, rel)));
        // A new finding in a file not repaired: it came from repairs elsewhere; undo them all.
        const undo = repaired.length === worse.length ? repaired.map((rel) => join(copy, rel)) : [...previous.keys()];
        for (const path of undo) {
          const list = byFile.get(path) ?? [];
          const rel = relative(copy, path);
          const brought = (now.get(rel) ?? []).filter((f) => !(before.get(rel) ?? []).includes(f)).map((f) => f.split('\0')[1]);
          for (const fix of list) blocked.set(keyOf(fix), `it would bring a new finding${brought.length > 0 ? `: ${brought.join('; ')}` : ' elsewhere'}`);
          await writeFile(path, previous.get(path) ?? '');
          previous.delete(path);
          byFile.delete(path);
        }
        after = await check(copy);
      }
      for (const [path, list] of byFile) {
        const text = previous.get(path) ?? '';
        const said = changes.get(path) ?? [];
        for (const fix of [...list].sort((a, b) => a.start - b.start)) {
          said.push({ ...pointOf(text, fix.start), from: text.slice(fix.start, fix.end), to: fix.text, ruleId: ruleOf(fix) });
        }
        changes.set(path, said);
      }
      current = after;
      if (byFile.size === 0) break;
    }
    // What is left: each repair not made, and why.
    const left = current.fixes.filter((fix) => !outside(fix) && !blocked.has(keyOf(fix)));
    const reasons = new Map(safeFixes(left).refused.map((r) => [r.fix, r.why]));
    for (const fix of current.fixes.filter(named)) {
      const why = outside(fix) ? 'it is outside the sources' : (blocked.get(keyOf(fix)) ?? reasons.get(fix));
      if (!why) continue;
      const text = String(fix.file.value);
      report.refused.push({ path: outside(fix) ? fix.file.path : join(sourcesDir, relative(copy, fix.file.path)), ...pointOf(text, fix.start), from: text.slice(fix.start, fix.end), to: fix.text, why });
    }
    // Write each repaired source once, if it still holds the text the repairs started from.
    for (const [path, original] of originals) {
      const fixed = await readFile(path, 'utf8');
      if (fixed === original) continue;
      const real = join(sourcesDir, relative(copy, path));
      if (!real.startsWith(sourcesDir.endsWith(sep) ? sourcesDir : sourcesDir + sep)) continue;
      // Only a plain file is replaced (never a link, which the rename would turn into a file).
      if (!(await lstat(real).catch(() => undefined))?.isFile()) continue;
      if ((await readFile(real, 'utf8').catch(() => undefined)) !== original) {
        report.refused.push({ path: real, line: 1, column: 1, from: '', to: '', why: 'the file changed while it was being repaired: run --fix again' });
        continue;
      }
      await writeFileAtomic(real, fixed);
      report.changed.push({ path: real, changes: changes.get(path) ?? [] });
    }
    report.changed.sort((a, b) => (a.path < b.path ? -1 : 1));
    return report;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
