/**
 * Words as the UN counts them against its word limits. The Secretariat's instructions for the
 * preparation of documents (United Nations Editorial Manual, DGACM) limit a report of the
 * Secretariat to 8,500 words "including any footnotes, headings or hidden text", counted as
 * the word processor counts them: a run of characters between spaces is one word, and each
 * Chinese or Japanese character is one. So here a word is a run between spaces that holds a
 * letter or a digit (a dash or a bullet standing alone is none), each Han, Hiragana or
 * Katakana character is one, and a document symbol is one word, whatever spaces it holds
 * (`A/56/23 (Part III)`, `A/RES/61/128 A-B`). No I/O.
 */
import { findSymbols } from './symbols.js';

const ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const WORDLIKE = /[\p{L}\p{N}]/u;

export function countWords(text: string): number {
  // Each symbol stands as one word: its spaces and parts are not words of their own.
  let plain = '';
  let at = 0;
  for (const symbol of findSymbols(text)) {
    plain += `${text.slice(at, symbol.index)} S `;
    at = symbol.index + symbol.text.length;
  }
  plain += text.slice(at);
  const asian = plain.match(ASIAN)?.length ?? 0;
  return asian + plain.replace(ASIAN, ' ').split(/\s+/).filter((token) => WORDLIKE.test(token)).length;
}
