import { z } from "zod";
import { amsterdamInstant, amsterdamWallClockOf, foldDiacritics } from "../../i18n/index.js";
import type { ProviderEventProblem } from "./knowledge.provider-events.messages.js";

/** The fields of the provider's event form, as the browser sends them. */
export const PROVIDER_EVENT_FIELDS = [
  "titleNl",
  "titleEn",
  "descriptionNl",
  "descriptionEn",
  "startDate",
  "startTime",
  "endDate",
  "endTime",
  "online",
  "place",
  "regionCode",
  "organiser",
  "instrumentRefId",
  "registrationUrl",
  "cancelled",
] as const;
export type ProviderEventField = (typeof PROVIDER_EVENT_FIELDS)[number];
export type ProviderEventFormValues = Record<ProviderEventField, string>;

/** What a valid form stands for; the service adds the slug, the provider and the version. */
export type ProviderEventDraft = {
  title: { nl: string; en: string };
  description: { nl: string; en: string };
  startsAt: Date;
  endsAt: Date;
  online: boolean;
  place: string | null;
  regionCode: string | null;
  organiser: string;
  instrumentRefId: string | null;
  registrationUrl: string | null;
  cancelled: boolean;
};

export type ProviderEventFormProblem = { field: ProviderEventField; problem: ProviderEventProblem };

/** What the form checks beyond the shape of each field: the choices it offered and today's date. */
export type ProviderEventFormContext = {
  now: Date;
  regionCodes: ReadonlySet<string>;
  /** A hub's event lies in one of its regions: no "national" choice (ADR 0072). */
  regionRequired?: boolean;
  instrumentRefIds: ReadonlySet<string>;
  /** New events may not lie in the past; an existing one may be corrected after it took place. */
  isNew: boolean;
};

const MAX_DAYS_AHEAD = 2 * 366;
const DAY_MS = 24 * 3600 * 1000;

// Each check names the message key it fails with, so the route can answer in the reader's language.
const text = (max: number, required: ProviderEventProblem, tooLong: ProviderEventProblem) =>
  z.string().trim().min(1, required).max(max, tooLong);
const optionalText = (max: number, tooLong: ProviderEventProblem) => z.string().trim().max(max, tooLong);
const date = z.iso.date("errDate");
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "errTime");
const webAddress = z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "errRegistrationUrl" });

const fieldShapes = z.object({
  titleNl: text(150, "errTitleNlRequired", "errTitleTooLong"),
  titleEn: text(150, "errTitleEnRequired", "errTitleTooLong"),
  descriptionNl: text(2000, "errDescriptionNlRequired", "errDescriptionTooLong"),
  descriptionEn: text(2000, "errDescriptionEnRequired", "errDescriptionTooLong"),
  startDate: date,
  startTime: time,
  endDate: z.union([z.literal(""), date]),
  endTime: time,
  place: optionalText(200, "errPlaceTooLong"),
  regionCode: z.string(),
  organiser: text(150, "errOrganiserRequired", "errOrganiserTooLong"),
  instrumentRefId: z.string(),
  registrationUrl: z.union([z.literal(""), webAddress]),
});

/** Reads the posted form: only the known fields, each as a trimmed-free string ("" when absent). */
export function providerEventFormValues(body: Record<string, unknown>): ProviderEventFormValues {
  const values = {} as ProviderEventFormValues;
  for (const field of PROVIDER_EVENT_FIELDS) {
    const value = body[field];
    values[field] = typeof value === "string" ? value : "";
  }
  return values;
}

/** The form as the editor first shows it for a stored event. */
export function providerEventFormFrom(event: ProviderEventDraft): ProviderEventFormValues {
  const start = amsterdamWallClockOf(event.startsAt);
  const end = amsterdamWallClockOf(event.endsAt);
  return {
    titleNl: event.title.nl,
    titleEn: event.title.en,
    descriptionNl: event.description.nl,
    descriptionEn: event.description.en,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date === start.date ? "" : end.date,
    endTime: end.time,
    online: event.online ? "ja" : "",
    place: event.place ?? "",
    regionCode: event.regionCode ?? "",
    organiser: event.organiser,
    instrumentRefId: event.instrumentRefId ?? "",
    registrationUrl: event.registrationUrl ?? "",
    cancelled: event.cancelled ? "ja" : "",
  };
}

/** An empty form for a new event of an organisation. */
export const emptyProviderEventForm = (organiser: string): ProviderEventFormValues => ({
  ...providerEventFormValues({}),
  organiser,
});

/**
 * Checks a posted form. Answers the draft, or every problem at once (one per field, in the form's order), so the
 * error summary lists them all.
 */
export function parseProviderEventForm(
  values: ProviderEventFormValues,
  context: ProviderEventFormContext,
): { ok: true; draft: ProviderEventDraft } | { ok: false; problems: ProviderEventFormProblem[] } {
  const problems = new Map<ProviderEventField, ProviderEventProblem>();
  const add = (field: ProviderEventField, problem: ProviderEventProblem) => {
    if (!problems.has(field)) problems.set(field, problem);
  };
  const shaped = fieldShapes.safeParse(values);
  if (!shaped.success)
    for (const issue of shaped.error.issues)
      add(issue.path[0] as ProviderEventField, issue.message as ProviderEventProblem);

  const online = values.online === "ja";
  const place = values.place.trim();
  if (!online && !place) add("place", "errPlaceRequired");
  if (values.regionCode ? !context.regionCodes.has(values.regionCode) : context.regionRequired)
    add("regionCode", "errRegion");
  if (values.instrumentRefId && !context.instrumentRefIds.has(values.instrumentRefId))
    add("instrumentRefId", "errInstrument");

  let startsAt: Date | undefined;
  let endsAt: Date | undefined;
  if (!problems.has("startDate") && !problems.has("startTime")) {
    startsAt = amsterdamInstant(`${values.startDate}T${values.startTime}`);
    const today = amsterdamWallClockOf(context.now).date;
    if (context.isNew && values.startDate < today) add("startDate", "errInPast");
    if (startsAt.getTime() - context.now.getTime() > MAX_DAYS_AHEAD * DAY_MS) add("startDate", "errTooFar");
  }
  if (startsAt && !problems.has("endDate") && !problems.has("endTime")) {
    endsAt = amsterdamInstant(`${values.endDate || values.startDate}T${values.endTime}`);
    if (endsAt <= startsAt) add(values.endDate ? "endDate" : "endTime", "errEndBeforeStart");
  }

  if (problems.size > 0 || !shaped.success || !startsAt || !endsAt)
    return {
      ok: false,
      problems: PROVIDER_EVENT_FIELDS.flatMap((field) => {
        const problem = problems.get(field);
        return problem ? [{ field, problem }] : [];
      }),
    };
  const form = shaped.data;
  return {
    ok: true,
    draft: {
      title: { nl: form.titleNl, en: form.titleEn },
      description: { nl: form.descriptionNl, en: form.descriptionEn },
      startsAt,
      endsAt,
      online,
      place: place || null,
      regionCode: values.regionCode || null,
      organiser: form.organiser,
      instrumentRefId: values.instrumentRefId || null,
      registrationUrl: form.registrationUrl || null,
      cancelled: values.cancelled === "ja",
    },
  };
}

/** A readable slug for a new event: its Dutch title and month ("werkplaats-hergebruik-2027-04"). */
export function eventSlugBase(title: string, startsAt: Date): string {
  const words = foldDiacritics(title)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  const month = amsterdamWallClockOf(startsAt).date.slice(0, 7);
  return `${words || "activiteit"}-${month}`;
}
