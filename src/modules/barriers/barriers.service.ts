import { and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import type { FieldProblem } from "../../web/errors.js";
import type { Area } from "../auth/index.js";
import { regionsInArea } from "../monitoring/index.js";
import type { Geography } from "../regions/index.js";
import type { BarrierStatus } from "../vocabulary/index.js";
import { barriers } from "./barriers.tables.js";

export const BARRIER_THEMES = [
  "afval_en_grondstoffen",
  "vergunningen",
  "normen_en_certificering",
  "inkoop_en_aanbesteding",
  "financiering_en_fiscaal",
  "data_en_transparantie",
  "overig",
] as const;
export type BarrierTheme = (typeof BARRIER_THEMES)[number];

/** The consent text shown beside the contact fields; stored with every consent so it can be traced later. */
export const CONTACT_CONSENT = {
  version: "belemmering-contact-2026-12",
  purpose: "De melder mailen over deze melding: met vragen, en met het antwoord van de bevoegde instantie",
} as const;

export type BarrierForm = {
  description: string;
  theme: string;
  rule: string;
  municipality: string;
  contactName: string;
  contactEmail: string;
  consent: boolean;
};

type ProblemCode =
  | "required"
  | "tooShort"
  | "tooLong"
  | "chooseTheme"
  | "unknownMunicipality"
  | "invalidEmail"
  | "consentNeeded"
  | "contactNeeded";

/** The longest text each field takes. */
export const BARRIER_FIELD_MAX = { beschrijving: 4000, regel: 300, naam: 200, email: 254 } as const;

/** Checks a report; returns the problems as message codes per field (the route words them per field). Pure. */
export function validateBarrier(
  form: BarrierForm,
  findMunicipality: (name: string) => { code: string } | undefined,
): { field: string; code: ProblemCode }[] {
  const problems: { field: string; code: ProblemCode }[] = [];
  const description = form.description.trim();
  if (!description) problems.push({ field: "beschrijving", code: "required" });
  else if (description.length < 20) problems.push({ field: "beschrijving", code: "tooShort" });
  else if (description.length > BARRIER_FIELD_MAX.beschrijving)
    problems.push({ field: "beschrijving", code: "tooLong" });
  if (!(BARRIER_THEMES as readonly string[]).includes(form.theme))
    problems.push({ field: "onderwerp", code: "chooseTheme" });
  if (form.rule.trim().length > BARRIER_FIELD_MAX.regel) problems.push({ field: "regel", code: "tooLong" });
  if (!form.municipality.trim()) problems.push({ field: "gemeente", code: "required" });
  else if (!findMunicipality(form.municipality))
    problems.push({ field: "gemeente", code: "unknownMunicipality" });
  if (form.contactName.trim().length > BARRIER_FIELD_MAX.naam)
    problems.push({ field: "naam", code: "tooLong" });
  const email = form.contactEmail.trim();
  const wantsContact = Boolean(form.contactName.trim() || email);
  if (email.length > BARRIER_FIELD_MAX.email) problems.push({ field: "email", code: "tooLong" });
  else if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    problems.push({ field: "email", code: "invalidEmail" });
  if (wantsContact && !email) problems.push({ field: "email", code: "contactNeeded" });
  if (wantsContact && !form.consent) problems.push({ field: "toestemming", code: "consentNeeded" });
  return problems;
}

/**
 * The barrier register: reports from the public form and advisers, handled by coordinators. Who may read or change
 * which report is the guard's decision (policy table); the register reads the reports of the area it is given.
 */
export function createBarriersService(deps: { db: Database; geography: Geography; clock?: () => Date }) {
  const { db, geography } = deps;
  const clock = deps.clock ?? (() => new Date());
  const regionsOf = (area: Area) => regionsInArea(area, geography.regions);

  return {
    /** Stores a valid report. Contact details only with consent; the consent's version and purpose are kept. */
    async report(form: BarrierForm, reporterKind: "company" | "advisor", lang: "nl" | "en" = "nl") {
      // The form sends the code it resolved; a name (an advisor's report, a test) is looked up the same way.
      const lookup = geography.lookupPlace(form.municipality);
      if (lookup.kind !== "found") throw new Error("A barrier report needs one known municipality");
      const { municipality } = lookup.option;
      const contact = form.consent && form.contactEmail.trim();
      const [row] = await db
        .insert(barriers)
        .values({
          description: form.description.trim(),
          theme: form.theme,
          category: form.theme,
          rule: form.rule.trim() || null,
          municipalityCode: municipality.code,
          regionCode: municipality.regionCode,
          provinceCode: municipality.provinceCode,
          reporterKind,
          contactName: contact ? form.contactName.trim() || null : null,
          contactEmail: contact ? form.contactEmail.trim() : null,
          consentVersion: contact ? CONTACT_CONSENT.version : null,
          consentPurpose: contact ? CONTACT_CONSENT.purpose : null,
          consentAt: contact ? clock() : null,
          contactLang: contact ? lang : null,
          createdAt: clock(),
          updatedAt: clock(),
        })
        .returning({ id: barriers.id });
      return row!.id;
    },
    /** The reports of an area, newest first. */
    list(area: Area) {
      return db
        .select()
        .from(barriers)
        .where(inArray(barriers.regionCode, regionsOf(area)))
        .orderBy(desc(barriers.createdAt))
        .limit(500);
    },
    /** The region a report is about (what the guard decides on), or undefined when there is no such report. */
    async regionOf(id: number) {
      const [row] = await db
        .select({ regionCode: barriers.regionCode })
        .from(barriers)
        .where(eq(barriers.id, id));
      return row?.regionCode;
    },
    /** Categorises, routes and sets the status of a report; false when there is no such report. */
    async update(
      id: number,
      change: { category: BarrierTheme; responsibleBody: string; status: BarrierStatus; note: string },
    ) {
      const rows = await db
        .update(barriers)
        .set({
          category: change.category,
          responsibleBody: change.responsibleBody.trim() || null,
          status: change.status,
          note: change.note.trim() || null,
          updatedAt: clock(),
        })
        .where(eq(barriers.id, id))
        .returning({ id: barriers.id });
      return rows.length > 0;
    },
    /** The yearly summary of an area: reports per category and status (no contact details). */
    yearSummary(area: Area, year: number) {
      const from = new Date(Date.UTC(year, 0, 1));
      const to = new Date(Date.UTC(year + 1, 0, 1));
      const regions = regionsOf(area);
      return queryRows<{ category: string; status: string; count: number; bodies: string | null }>(
        db,
        sql`select coalesce(category, theme) as category, status, count(*)::int as count,
                   string_agg(distinct responsible_body, '; ') as bodies
            from ${barriers}
            where ${and(gte(barriers.createdAt, from), lt(barriers.createdAt, to), inArray(barriers.regionCode, regions))}
            group by 1, 2 order by 1, 2`,
      );
    },
    /** Reports of an area made in [from, to), per category and status, with the bodies they went to (ADR 0095). */
    summaryBetween(area: Area, from: Date, to: Date) {
      return queryRows<{ category: string; status: string; count: number; bodies: string | null }>(
        db,
        sql`select coalesce(category, theme) as category, status, count(*)::int as count,
                   string_agg(distinct responsible_body, '; ') as bodies
            from ${barriers}
            where ${and(gte(barriers.createdAt, from), lt(barriers.createdAt, to), inArray(barriers.regionCode, regionsOf(area)))}
            group by 1, 2 order by 1, 2`,
      );
    },
  };
}

export type BarriersService = ReturnType<typeof createBarriersService>;
export type { FieldProblem };
