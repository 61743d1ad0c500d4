/** Text still to be written: ⟦…⟧ marks it (add-paper leaves it; no marker may reach print). */
export const PLACEHOLDER = /⟦[^⟧]*⟧/gu;

/** A marker around what is still to be written, e.g. ⟦topic in Français⟧. */
export function placeholder(what: string): string {
  return `⟦${what}⟧`;
}
