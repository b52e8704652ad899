import { readDataJson } from "../../db/data-files.js";
import { tokenise } from "./catalogue.text.js";

/** A synonym group: each member is one or more words, all normalised. */
export type SynonymGroup = string[][];

/** Synonym lookup: from a phrase (normalised words joined by a space) to the groups it belongs to. */
export type Synonyms = { byPhrase: Map<string, SynonymGroup[]>; longestPhrase: number };

/**
 * A trade as entrepreneurs name it ("bakkerij", "verpakking") and the words the catalogue uses for its sector
 * ("voedsel", "kunststof"): the catalogue's texts rarely name trades, so a search for one found nothing (issue 17
 * item 6). One way only: the trade's words bring the sector's words, not the other way round.
 */
export type Trade = { words: string[]; sbi: string; search: string[] };

/** Builds the lookup from groups of phrases, and from trades (one way: only a trade's own words are keys). */
export function buildSynonyms(groups: string[][], trades: Trade[] = []): Synonyms {
  const byPhrase = new Map<string, SynonymGroup[]>();
  let longestPhrase = 1;
  for (const group of groups) {
    const members = group.map((phrase) => tokenise(phrase)).filter((words) => words.length > 0);
    for (const words of members) {
      const key = words.join(" ");
      longestPhrase = Math.max(longestPhrase, words.length);
      byPhrase.set(key, [...(byPhrase.get(key) ?? []), members]);
    }
  }
  for (const trade of trades) {
    const members = [...trade.words, ...trade.search]
      .map((phrase) => tokenise(phrase))
      .filter((words) => words.length > 0);
    for (const phrase of trade.words) {
      const words = tokenise(phrase);
      if (!words.length) continue;
      const key = words.join(" ");
      longestPhrase = Math.max(longestPhrase, words.length);
      byPhrase.set(key, [...(byPhrase.get(key) ?? []), members]);
    }
  }
  return { byPhrase, longestPhrase };
}

/** The domain synonyms of data/catalogue/synonyms.json and the trades of data/catalogue/trades.json. */
export function loadSynonyms(): Synonyms {
  return buildSynonyms(
    readDataJson<{ groups: string[][] }>("catalogue/synonyms.json").groups,
    readDataJson<{ trades: Trade[] }>("catalogue/trades.json").trades,
  );
}
