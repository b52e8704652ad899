import { STATUSES, type Status } from "../vocabulary/index.js";

/**
 * The catalogue's status rules (ADR 0079). The status words, their labels and the one "available" function live in
 * the vocabulary module (ADR 0083); here is what the catalogue does with them.
 *
 * The stored status is what the curator or provider recorded. What a page, the route or the API shows is
 * `statusOn(record, today)`: a passed window closes, and a recurring scheme between rounds becomes verwacht.
 */

/** Our statuses on HSDS 3.0's four service statuses; the exact one is the profile field `status_detail`. */
export const HSDS_STATUS: Record<Status, "active" | "inactive" | "defunct" | "temporarily closed"> = {
  open: "active",
  doorlopend: "active",
  verwacht: "temporarily closed",
  gesloten: "inactive",
  historisch: "defunct",
};

/** How a scheme recurs: yearly, in the months it usually opens (1–12); `until` when it is known to end. */
export type Recurrence = { frequency: "yearly"; months: number[]; until: string | null };
/** A round that happened: the day it opened and, when known, the day it closed. */
export type PastWindow = { open: string; close: string | null };

export type StatusInput = {
  status: string;
  windowOpen: string | null;
  windowClose: string | null;
  recurrence: Recurrence | null;
  pastWindows: readonly PastWindow[];
};

/** The month a round is expected to open. */
export type ExpectedWindow = { year: number; month: number };
export type CurrentStatus = { status: Status; expected: ExpectedWindow | null };

/**
 * A yearly scheme whose last known round is older than this many years is no longer taken to recur: it shows
 * as gesloten, since its history no longer supports an expectation.
 */
export const RECURRENCE_TRUSTED_YEARS = 3;

const asStatus = (value: string): Status =>
  (STATUSES as readonly string[]).includes(value) ? (value as Status) : "gesloten";

/** The status as of `today` (YYYY-MM-DD), with the expected next window for a recurring scheme between rounds. */
export function statusOn(input: StatusInput, today: string): CurrentStatus {
  const recorded = asStatus(input.status);
  if (recorded === "historisch") return { status: "historisch", expected: null };
  const { windowOpen, windowClose } = input;
  if (windowOpen && windowOpen <= today && (!windowClose || today <= windowClose) && recorded !== "gesloten")
    return { status: "open", expected: null };
  if (recorded === "doorlopend") {
    if (windowClose && windowClose < today) return { status: "gesloten", expected: null };
    return { status: "doorlopend", expected: null };
  }
  if (recorded === "open" && (!windowClose || today <= windowClose) && !windowOpen)
    return { status: "open", expected: null };
  // An announced round that has not opened yet.
  if (windowOpen && today < windowOpen && recorded !== "gesloten")
    return {
      status: "verwacht",
      expected: { year: Number(windowOpen.slice(0, 4)), month: Number(windowOpen.slice(5, 7)) },
    };
  const expected = expectedWindow(input, today);
  if (expected) return { status: "verwacht", expected };
  if (recorded === "verwacht") return { status: "verwacht", expected: null };
  return { status: "gesloten", expected: null };
}

/** The next expected window of a yearly scheme, derived from its past rounds; null when history does not support one. */
export function expectedWindow(input: StatusInput, today: string): ExpectedWindow | null {
  const recurrence = input.recurrence;
  if (!recurrence || recurrence.months.length === 0) return null;
  if (recurrence.until && recurrence.until < today) return null;
  const opened = [...input.pastWindows.map((window) => window.open), input.windowOpen].filter(
    (day): day is string => day !== null,
  );
  if (opened.length === 0) return null;
  const last = opened.sort().at(-1)!;
  const lastYear = Number(last.slice(0, 4));
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (year - lastYear > RECURRENCE_TRUSTED_YEARS) return null;
  const months = [...recurrence.months].sort((a, b) => a - b);
  // One round a year: the next is in a year after the last known one, and not in a month already past.
  for (let candidate = Math.max(year, lastYear + 1); candidate <= year + 1; candidate++) {
    const from = candidate === year ? month : 1;
    const next = months.find((m) => m >= from);
    if (next !== undefined) return { year: candidate, month: next };
  }
  return null;
}

// Made once: constructing an Intl.DateTimeFormat costs ≈ 40 µs, formatting with one ≈ 1 µs (ADR 0082).
const expectedFormats = {
  nl: new Intl.DateTimeFormat("nl-NL", { month: "long", year: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }),
} as const;

/** "april 2027" / "April 2027". */
export function formatExpected(expected: ExpectedWindow, lang: "nl" | "en"): string {
  return expectedFormats[lang === "en" ? "en" : "nl"].format(
    new Date(Date.UTC(expected.year, expected.month - 1, 1)),
  );
}

/** A listing checked longer ago than this is stale: labelled, ranked below a fresh equal, counted on the monitor. */
export const STALE_AFTER_MONTHS = 12;

/** Whether `lastVerified` (YYYY-MM-DD) lies more than twelve months before `today`. */
export function isStale(lastVerified: string, today: string): boolean {
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const limit = new Date(Date.UTC(year - 1, month - 1, day)).toISOString().slice(0, 10);
  return lastVerified < limit;
}
