/**
 * What the loader reports: only what stops it from reading a source (judgements about
 * content are rules, in src/check/rules/). Each finding has an id listed here, so that
 * `rules` lists it, the configuration can set its severity and an ignore comment can accept it.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Point, Position } from 'unist';

export const SOURCE = 'un-compendium';

/** The loader's findings, by id: what stops reading. */
export const LOADER_FINDINGS = {
  'missing-source': 'A source the document needs is missing (the meeting registry, themes.yaml, introduction.md, papers/).',
  'unknown-source': 'An entry in the sources that is not a language folder, meetings.yaml or a Markdown paper.',
  'unknown-language': '`--lang` names a language that has no sources.',
  'original-language': 'Exactly one language states `original: <its own language>` in its document.yaml.',
  'missing-locale': 'A language with sources has no locale pack (templates/locales/<lang>.yaml).',
  'source-outside': 'A source is a link to a file outside the sources: it is not read.',
  'source-size': 'A source larger than 1 MiB is not read.',
  'source-encoding': 'A source that is not UTF-8 is not read.',
  'source-unreadable': 'A source that is not a file (a folder, a named pipe, a device, a socket) or that the system will not let be read (permissions, a name too long): it is not opened.',
  'yaml-syntax': 'YAML (a .yaml file or front matter) that does not parse.',
  'metadata-schema': 'YAML that parses but does not have the keys and values its file takes.',
  'front-matter': 'A paper without front matter, or front matter where none belongs (the introduction).',
  config: 'compendium.config.yaml names a rule that does not exist or gives it invalid options.',
  'xliff-read': 'An XLIFF file given to `translate import` that cannot be read (missing, too large, not UTF-8).',
  'xliff-syntax': 'An XLIFF file that is not well-formed XML.',
  'xliff-structure': 'An XLIFF file whose structure is not XLIFF 2.0 or 1.2 for this project (version, languages, files).',
  'xliff-language': 'An XLIFF file whose target language is not a translation in the sources.',
  'xliff-source-mismatch': 'A unit of an XLIFF file translated from an earlier version of the original (import it with --force to mark it stale).',
  'xliff-unit': 'A unit of an XLIFF file that does not match the current sources (unknown id, changed original, lost inline codes).',
} as const;

export type LoaderFinding = keyof typeof LOADER_FINDINGS;

/** Record a problem that stops reading, at a place in a source file (fatal until configured otherwise). */
export function fatal(file: VFile, reason: string, place: Point | Position | undefined, ruleId: LoaderFinding): VFileMessage {
  // A problem with the whole file is placed at its start, so every report has line:column.
  const message = file.message(reason, { place: place ?? { line: 1, column: 1 }, ruleId, source: SOURCE });
  message.fatal = true;
  return message;
}

export function hasFatal(files: Iterable<VFile>): boolean {
  for (const file of files) if (file.messages.some((m) => m.fatal === true)) return true;
  return false;
}
