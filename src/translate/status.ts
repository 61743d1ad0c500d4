/**
 * Where each translation stands against the original, unit by unit: translated (its recorded
 * original is the current one), stale (the original changed since, or no version was recorded)
 * or missing (no text yet, or a ⟦…⟧ marker left). No I/O, no printing.
 */
import type { Project } from '../load/project.js';
import type { Lang } from '../types.js';
import { PLACEHOLDER } from '../model/unfinished.js';
import { canonical, hashText, plainText } from './inline.js';
import { editionUnits, type Unit } from './units.js';

export type UnitState = 'translated' | 'stale' | 'missing';

export interface PairedUnit {
  key: string;
  original: Unit;
  /** The same unit in the translation, if it has one. */
  translation: Unit | undefined;
  state: UnitState;
  /** The version of the original (hash of its canonical text) now. */
  hash: string;
  /** What the translation's record says it translates, if anything. */
  recorded: { hash: string; source: string } | undefined;
}

export interface LanguageStatus {
  lang: Lang;
  units: number;
  translated: number;
  stale: number;
  missing: number;
  /** Translated units as a percentage of all units, one decimal. */
  percent: number;
}

const MARKER = new RegExp(PLACEHOLDER.source, 'u');

const unfinished = (unit: Unit): boolean => {
  const text = plainText(unit.content);
  return text.trim() === '' || MARKER.test(text);
};

// The original's units with their version and whether they are written, computed once for
// every translation paired with them (the units of a loaded edition do not change).
const versions = new WeakMap<readonly Unit[], Array<{ unit: Unit; hash: string; unfinished: boolean }>>();

function versioned(units: readonly Unit[]): Array<{ unit: Unit; hash: string; unfinished: boolean }> {
  let out = versions.get(units);
  if (!out) versions.set(units, (out = units.map((unit) => ({ unit, hash: hashText(canonical(unit.content)), unfinished: unfinished(unit) }))));
  return out;
}

/** The original's units paired with one translation's. */
export function pairUnits(project: Project, lang: Lang): PairedUnit[] {
  const original = project.originalEdition;
  const edition = project.editions.find((e) => e.lang === lang);
  if (!original || !edition || lang === project.original) return [];
  const own = new Map(editionUnits(edition).map((u) => [u.key, u]));
  const record = project.translations?.[lang]?.units ?? {};
  return versioned(editionUnits(original)).map(({ unit, hash, unfinished: unwritten }) => {
    const translation = own.get(unit.key);
    const recorded = record[unit.key];
    const state: UnitState = !translation || unfinished(translation) || unwritten ? 'missing' : recorded?.hash === hash ? 'translated' : 'stale';
    return { key: unit.key, original: unit, translation, state, hash, recorded };
  });
}

export function languageStatus(project: Project, lang: Lang): LanguageStatus {
  const units = pairUnits(project, lang);
  const count = (state: UnitState) => units.filter((u) => u.state === state).length;
  const translated = count('translated');
  return {
    lang,
    units: units.length,
    translated,
    stale: count('stale'),
    missing: count('missing'),
    percent: units.length === 0 ? 0 : Math.round((translated / units.length) * 1000) / 10,
  };
}

/** Every translation's status, in the project's language order. */
export function projectStatus(project: Project): LanguageStatus[] {
  return project.editions.filter((e) => e.lang !== project.original).map((e) => languageStatus(project, e.lang));
}
