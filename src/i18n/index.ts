import { en } from "./en.js";
import { type Messages, nl, type Widen } from "./nl.js";

export type Lang = "nl" | "en";
export type { Messages };

export const languages: readonly Lang[] = ["nl", "en"];
const catalogues: Record<Lang, Messages> = { nl, en };

/** The texts for one language. */
export function messagesFor(lang: Lang): Messages {
  return catalogues[lang];
}

/**
 * Declares a module's own texts: Dutch first, then English with exactly the same keys (checked by the compiler).
 * Modules keep their texts beside their views; only the shell's texts live in src/i18n.
 */
export function defineMessages<const Dutch extends object>(
  nl: Dutch,
  en: Widen<Dutch>,
): Record<Lang, Widen<Dutch>> {
  return { nl: nl as Widen<Dutch>, en };
}

export function isLang(value: unknown): value is Lang {
  return value === "nl" || value === "en";
}

/** Fills `{name}` placeholders in a text. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

/** The two forms of a counted text, each with a `{count}` placeholder: "{count} gemeente" and "{count} gemeenten". */
export type PluralForms = { one: string; other: string };

const pluralRules: Record<Lang, Intl.PluralRules> = {
  nl: new Intl.PluralRules("nl-NL"),
  en: new Intl.PluralRules("en-GB"),
};

/**
 * A counted text in the right form for the number, chosen by the language's plural rules (Intl.PluralRules), with
 * `{count}` filled in as a formatted number: plural("nl", 1, forms) → "1 gemeente", plural("nl", 2, forms) →
 * "2 gemeenten". Other placeholders are filled from `values`. Dutch and English know only "one" and "other".
 */
export function plural(
  lang: Lang,
  count: number,
  forms: PluralForms,
  values: Record<string, string | number> = {},
): string {
  const form = pluralRules[lang].select(count) === "one" ? forms.one : forms.other;
  return format(form, { ...values, count: formatNumber(count, lang) });
}

/** A text in both languages, as stored in the database and the curated data. */
export type Localised = { nl: string; en: string };

/** Picks the text for the language, falling back to Dutch. */
export function pick(text: Localised | null | undefined, lang: Lang): string {
  if (!text) return "";
  return text[lang] || text.nl;
}

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat("nl-NL"),
  en: new Intl.NumberFormat("en-GB"),
};
const euroFormats: Record<Lang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }),
};
const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat("nl-NL", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Amsterdam",
  }),
  en: new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Amsterdam",
  }),
};
const monthFormats: Record<Lang, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat("nl-NL", { month: "long", year: "numeric", timeZone: "Europe/Amsterdam" }),
  en: new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "Europe/Amsterdam" }),
};

export const formatNumber = (value: number, lang: Lang) => numberFormats[lang].format(value);
export const formatEuro = (value: number, lang: Lang) => euroFormats[lang].format(value);
export const formatDate = (value: Date | string, lang: Lang) => dateFormats[lang].format(new Date(value));
export const formatMonth = (value: Date | string, lang: Lang) => monthFormats[lang].format(new Date(value));

/**
 * Lower case without diacritics ("Fryslân" → "fryslan", "Coöperatie" → "cooperatie"): how the service compares
 * Dutch and English texts typed by people with what it stores, and the base of its slugs.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

export { amsterdamDate, amsterdamInstant, amsterdamWallClockOf } from "./amsterdam-time.js";
