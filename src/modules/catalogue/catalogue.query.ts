import type { Synonyms } from "./catalogue.synonyms.js";
import { singularForms, splitCompound, tokenise } from "./catalogue.text.js";

/**
 * Query planning (ADR 0011), pure and without I/O: a user's words become terms; each term is a set of alternatives
 * (synonyms, singular forms, compound parts, typo corrections) and each alternative is an AND of words.
 */
export type Term = { source: string; alternatives: string[][]; needsCorrection: boolean };

/** What the planner knows about the indexed words. */
export type Vocabulary = {
  /** The word occurs in the catalogue, or starts a longer word that does. */
  has(word: string): boolean;
  /** The word occurs as a whole word. */
  hasExact(word: string): boolean;
  /** Up to `limit` indexed words that start with the prefix. */
  withPrefix(prefix: string, limit: number): string[];
};

// Words that carry no meaning in a search; PostgreSQL drops them too, but the planner must not count them as terms.
const STOPWORDS = new Set(
  (
    "de het een en of in op voor van met aan bij door naar om te tot uit over als dat die dit is zijn ik u je we " +
    "mijn uw ons onze wat hoe wie waar wil kan the a an and or of for to in on at by with from my our your is are " +
    "how what i we"
  ).split(" "),
);

export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 8;

/** Splits a query into terms with their alternatives; typo corrections are added later from the database. */
export function planQuery(query: string, vocabulary: Vocabulary, synonyms: Synonyms): Term[] {
  const words = tokenise(query.slice(0, MAX_QUERY_LENGTH));
  const terms: Term[] = [];
  let index = 0;
  while (index < words.length && terms.length < MAX_TERMS) {
    const phrase = longestSynonymPhrase(words, index, synonyms);
    if (phrase) {
      terms.push({
        source: phrase.words.join(" "),
        alternatives: dedupe(
          phrase.groups.flatMap((group) => group.map(withoutStopwords)).filter((a) => a.length),
        ),
        needsCorrection: false,
      });
      index += phrase.words.length;
      continue;
    }
    const word = words[index]!;
    index += 1;
    if (STOPWORDS.has(word) || word.length < 2) continue;
    terms.push(planWord(word, vocabulary, synonyms));
  }
  return terms;
}

function planWord(word: string, vocabulary: Vocabulary, synonyms: Synonyms): Term {
  const alternatives: string[][] = [[word]];
  const singulars = singularForms(word);
  for (const form of singulars) alternatives.push([form]);
  // A single word that belongs to a synonym group (also in its singular form) brings the whole group.
  for (const form of [word, ...singulars])
    for (const group of synonyms.byPhrase.get(form) ?? []) alternatives.push(...group.map(withoutStopwords));
  // Word families through the index: "regulatory" also finds "regulation" (a shared stem of 70% of the word).
  if (word.length >= 8)
    for (const related of vocabulary.withPrefix(word.slice(0, Math.ceil(word.length * 0.7)), 4))
      if (related !== word) alternatives.push([related]);
  const known = vocabulary.has(word) || singulars.some((form) => vocabulary.hasExact(form));
  let needsCorrection = false;
  if (!known) {
    const parts = splitCompound(word, (candidate) => vocabulary.hasExact(candidate));
    if (parts) {
      alternatives.push(parts);
      // Each part may have synonyms too: "ketensamenwerkingssubsidie" → subsidie | grant | …
    } else needsCorrection = true;
  }
  return { source: word, alternatives: dedupe(alternatives.filter((a) => a.length)), needsCorrection };
}

function longestSynonymPhrase(words: string[], start: number, synonyms: Synonyms) {
  for (let length = Math.min(synonyms.longestPhrase, words.length - start); length >= 2; length--) {
    const slice = words.slice(start, start + length);
    const groups = synonyms.byPhrase.get(slice.join(" "));
    if (groups) return { words: slice, groups };
  }
  return undefined;
}

function withoutStopwords(words: string[]): string[] {
  const kept = words.filter((word) => !STOPWORDS.has(word) && word.length >= 2);
  return kept;
}

function dedupe(alternatives: string[][]): string[][] {
  const seen = new Set<string>();
  return alternatives.filter((alternative) => {
    const key = alternative.join(" ");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Adds typo corrections found by pg_trgm to the terms that needed them. */
export function withCorrections(terms: Term[], corrections: Map<string, string[]>): Term[] {
  return terms.map((term) => {
    const found = corrections.get(term.source);
    if (!term.needsCorrection || !found?.length) return term;
    return { ...term, alternatives: dedupe([...term.alternatives, ...found.map((word) => [word])]) };
  });
}

/** One term as to_tsquery text: alternatives ORed, words within an alternative ANDed, longer words as prefixes. */
export function termToTsquery(term: Term): string {
  return term.alternatives
    .map((words) => {
      const parts = words.map((word) => (word.length >= 3 ? `${word}:*` : word));
      return parts.length === 1 ? parts[0]! : `(${parts.join(" & ")})`;
    })
    .join(" | ");
}

/** How many of n terms a result must match: all of one or two, and one fewer for every three. */
export function minimumMatch(termCount: number): number {
  return Math.max(1, termCount - Math.floor(termCount / 3));
}

/** A vocabulary over a sorted word list; prefix lookups by binary search. */
export function createVocabulary(words: Iterable<string>): Vocabulary & { size: number } {
  const sorted = [...new Set(words)].sort();
  const exact = new Set(sorted);
  const firstAtOrAfter = (prefix: string) => lowerBound(sorted, prefix);
  const startsWithAny = (prefix: string) => {
    const at = firstAtOrAfter(prefix);
    return at < sorted.length && sorted[at]!.startsWith(prefix);
  };
  return {
    size: sorted.length,
    hasExact: (word) => exact.has(word),
    withPrefix(prefix, limit) {
      const found: string[] = [];
      for (let at = firstAtOrAfter(prefix); at < sorted.length && found.length < limit; at++) {
        if (!sorted[at]!.startsWith(prefix)) break;
        found.push(sorted[at]!);
      }
      return found;
    },
    has: (word) => exact.has(word) || (word.length >= 4 && startsWithAny(word)),
  };
}

/** The first place in a sorted list whose value is not less than `value` (binary search). */
export function lowerBound(sorted: string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
