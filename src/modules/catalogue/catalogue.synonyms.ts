import { readDataJson } from "../../db/data-files.js";
import { tokenise } from "./catalogue.text.js";

/** A synonym group: each member is one or more words, all normalised. */
export type SynonymGroup = string[][];

/** Synonym lookup: from a phrase (normalised words joined by a space) to the groups it belongs to. */
export type Synonyms = { byPhrase: Map<string, SynonymGroup[]>; longestPhrase: number };

/** Builds the lookup from groups of phrases. */
export function buildSynonyms(groups: string[][]): Synonyms {
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
  return { byPhrase, longestPhrase };
}

/** The domain synonyms of data/catalogue/synonyms.json. */
export function loadSynonyms(): Synonyms {
  return buildSynonyms(readDataJson<{ groups: string[][] }>("catalogue/synonyms.json").groups);
}
