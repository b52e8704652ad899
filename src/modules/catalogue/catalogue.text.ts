/**
 * Pure text helpers shared by indexing and querying (ADR 0011): one normalisation, one tokeniser and one compound
 * splitter, so the words the index knows and the words a query is split into are found the same way.
 */

import { foldDiacritics } from "../../i18n/index.js";

/** Lower case without diacritics; "Fryslân" → "fryslan", "économie" → "economie". */
export const normaliseText = foldDiacritics;

/** The words of a text: runs of letters and digits after normalisation. */
export function tokenise(text: string): string[] {
  return normaliseText(text).match(/[a-z0-9]+/g) ?? [];
}

const MIN_PART = 4;

/**
 * Splits a Dutch compound into known words, allowing the linking sounds -s- and -e(n)-:
 * "ketensamenwerkingssubsidie" → ["ketensamenwerking", "subsidie"]. Returns undefined when no split is known.
 */
export function splitCompound(
  word: string,
  isWord: (candidate: string) => boolean,
  depth = 0,
): string[] | undefined {
  if (word.length < MIN_PART * 2 || depth > 2) return undefined;
  // Longest head first: "haalbaarheidsstudie" prefers "haalbaarheid" over "haal".
  for (let cut = word.length - MIN_PART; cut >= MIN_PART; cut--) {
    const head = word.slice(0, cut);
    if (!isWord(head)) continue;
    for (const link of ["", "s", "e", "en"]) {
      if (!word.startsWith(link, cut)) continue;
      const tail = word.slice(cut + link.length);
      if (tail.length < MIN_PART) continue;
      if (isWord(tail)) return [head, tail];
      const rest = splitCompound(tail, isWord, depth + 1);
      if (rest) return [head, ...rest];
    }
  }
  return undefined;
}

/** Singular candidates for a Dutch or English plural: "subsidies" → "subsidie", "vouchers" → "voucher". */
export function singularForms(word: string): string[] {
  const forms: string[] = [];
  if (word.length > 4 && word.endsWith("s") && !word.endsWith("ss")) forms.push(word.slice(0, -1));
  if (word.length > 5 && word.endsWith("en")) {
    forms.push(word.slice(0, -2));
    // "cursussen" → "cursus", "grondstoffen" → "grondstof"
    if (word.at(-3) === word.at(-4)) forms.push(word.slice(0, -3));
  }
  return forms;
}
