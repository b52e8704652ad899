import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import type { Lang } from "../../i18n/index.js";
import type { AbsoluteUrl } from "../../web/links.js";
import { composeMail } from "../../web/mail.js";
import type { AuditActor, AuditLog } from "../audit/index.js";
import { normaliseEmail } from "../auth/index.js";
import { MIJN_ROUTE_CONFIRM_DAYS } from "../privacy/index.js";
import { queueMail } from "../referrals/index.js";
import type {
  Help,
  JourneyStep,
  Phase,
  ProgressStatus,
  ResultBasis,
  SizeClass,
  Theme,
} from "../vocabulary/index.js";
import { mijnRouteMessages } from "./mijn-route.messages.js";
import { progressOf, stepsOfRoute } from "./mijn-route.progress.js";
import { savedRouteCases, savedRouteItems, savedRoutes } from "./mijn-route.tables.js";

/** 32 random bytes in base64url: 43 characters. Anything else is refused before any database read. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
/** Days an address waits for its confirmation; after that it is erased (the privacy registry's retention rule). */
export const EMAIL_CONFIRM_DAYS = MIJN_ROUTE_CONFIRM_DAYS;
const DAY_MS = 86_400_000;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");
export const isTokenShape = (token: string) => TOKEN_SHAPE.test(token);
export const mijnRoutePath = (token: string) => `/mijn-route/${token}`;

/** What a saved route starts from: the route's criteria as codes, its phase and next step, the package's measures. */
export type RoutePlan = {
  municipalityCode: string;
  regionCode: string;
  provinceCode: string;
  sbi: string;
  sbiSection: string;
  sizeClass: SizeClass | null;
  stage: string | null;
  help: Help[];
  themes: Theme[];
  phase: Phase;
  nextStep: JourneyStep;
  packageSlug: string | null;
  measureCodes: string[];
  origin: "route" | "scan";
  scanResultId: string | null;
};

export type SavedItem = {
  kind: "step" | "measure";
  code: string;
  status: ProgressStatus;
  materialKg: number | null;
  materialBasis: ResultBasis | null;
  euro: number | null;
  euroBasis: ResultBasis | null;
  co2eKg: number | null;
  co2eBasis: ResultBasis | null;
};

export type SavedRoute = Omit<RoutePlan, "phase" | "nextStep" | "measureCodes"> & {
  id: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  startPhase: Phase;
  startStep: JourneyStep;
  /** Where the company stands now: the progress rule over the steps' statuses (mijn-route.progress.ts). */
  phase: Phase;
  nextStep: JourneyStep | null;
  steps: SavedItem[];
  measures: SavedItem[];
  email: { confirmed: boolean; pending: boolean };
};

/** A measure's recorded results; each figure with whether it was estimated or measured. */
export type MeasureResults = {
  materialKg: number | null;
  materialBasis: ResultBasis;
  euro: number | null;
  euroBasis: ResultBasis;
  co2eKg: number | null;
  co2eBasis: ResultBasis;
};

type RouteRow = typeof savedRoutes.$inferSelect;

/** Seals the route's link with a key made from the service's secret, so the database never holds it readable. */
function sealer(secretKey: string) {
  const key = createHash("sha256").update(`mijn-route-link:${secretKey}`).digest();
  return {
    seal(text: string) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
    },
    open(sealed: string): string | undefined {
      try {
        const bytes = Buffer.from(sealed, "base64url");
        const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
        decipher.setAuthTag(bytes.subarray(12, 28));
        return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * Mijn route (ADR 0091): a route or scan result saved behind an unguessable link, its steps and measures ticked off,
 * what a measure achieved, an optional address after double opt-in, and the dossier's view of it.
 */
export function createMijnRouteService(deps: {
  db: Database;
  audit: AuditLog;
  clock: () => Date;
  absoluteUrl: AbsoluteUrl;
  secretKey: string;
}) {
  const { db, clock, audit } = deps;
  const sealed = sealer(deps.secretKey);

  async function rowOf(on: Database, token: string): Promise<RouteRow | undefined> {
    if (!isTokenShape(token)) return undefined;
    const [row] = await on
      .select()
      .from(savedRoutes)
      .where(eq(savedRoutes.tokenHash, hashToken(token)));
    return row;
  }

  async function load(on: Database, row: RouteRow): Promise<SavedRoute> {
    const items = await on
      .select()
      .from(savedRouteItems)
      .where(eq(savedRouteItems.routeId, row.id))
      .orderBy(savedRouteItems.kind, savedRouteItems.position);
    const toItem = (item: typeof savedRouteItems.$inferSelect): SavedItem => ({
      kind: item.kind,
      code: item.code,
      status: item.status,
      materialKg: item.materialKg,
      materialBasis: item.materialBasis,
      euro: item.euro,
      euroBasis: item.euroBasis,
      co2eKg: item.co2eKg,
      co2eBasis: item.co2eBasis,
    });
    const steps = items.filter((item) => item.kind === "step").map(toItem);
    const measures = items.filter((item) => item.kind === "measure").map(toItem);
    const progress = progressOf(
      row.startPhase,
      steps.map((step) => ({ code: step.code as JourneyStep, status: step.status })),
    );
    return {
      id: row.id,
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      municipalityCode: row.municipalityCode,
      regionCode: row.regionCode,
      provinceCode: row.provinceCode,
      sbi: row.sbi,
      sbiSection: row.sbiSection,
      sizeClass: (row.sizeClass as SizeClass | null) ?? null,
      stage: row.stage,
      help: row.help as Help[],
      themes: row.themes as Theme[],
      packageSlug: row.packageSlug,
      origin: row.origin,
      scanResultId: row.scanResultId,
      startPhase: row.startPhase,
      startStep: row.startStep,
      phase: progress.phase,
      nextStep: progress.nextStep,
      steps,
      measures,
      email: { confirmed: row.emailConfirmedAt !== null, pending: row.emailTokenHash !== null },
    };
  }

  /**
   * Changes one item under optimistic locking: the route's version must be the one the form showed; the change and
   * the version's step happen in one statement each, in one transaction. Answers "conflict" when someone else (the
   * same link elsewhere) changed the route first, "missing" for an unknown link or item.
   */
  async function changeItem(
    token: string,
    kind: "step" | "measure",
    code: string,
    expectedVersion: number,
    values: Partial<typeof savedRouteItems.$inferInsert>,
  ): Promise<"ok" | "conflict" | "missing"> {
    const now = clock();
    return db.transaction(async (tx) => {
      const t = tx as unknown as Database;
      const row = await rowOf(t, token);
      if (!row) return "missing";
      const itemWhere = and(
        eq(savedRouteItems.routeId, row.id),
        eq(savedRouteItems.kind, kind),
        eq(savedRouteItems.code, code),
      );
      const [item] = await tx.select({ id: savedRouteItems.id }).from(savedRouteItems).where(itemWhere);
      if (!item) return "missing";
      const bumped = await tx
        .update(savedRoutes)
        .set({ version: sql`${savedRoutes.version} + 1`, updatedAt: now })
        .where(and(eq(savedRoutes.id, row.id), eq(savedRoutes.version, expectedVersion)))
        .returning({ id: savedRoutes.id });
      if (!bumped.length) return "conflict";
      await tx
        .update(savedRouteItems)
        .set({ ...values, updatedAt: now })
        .where(eq(savedRouteItems.id, item.id));
      return "ok";
    });
  }

  return {
    /** Saves a route: its criteria, its steps (from the engine's next step on) and the package's measures, all open. */
    async create(plan: RoutePlan): Promise<{ token: string; id: number }> {
      const token = newToken();
      const now = clock();
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(savedRoutes)
          .values({
            tokenHash: hashToken(token),
            municipalityCode: plan.municipalityCode,
            regionCode: plan.regionCode,
            provinceCode: plan.provinceCode,
            sbi: plan.sbi,
            sbiSection: plan.sbiSection,
            sizeClass: plan.sizeClass,
            stage: plan.stage,
            help: plan.help,
            themes: plan.themes,
            startPhase: plan.phase,
            startStep: plan.nextStep,
            packageSlug: plan.packageSlug,
            origin: plan.origin,
            scanResultId: plan.scanResultId,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: savedRoutes.id });
        const id = row!.id;
        const items = [
          ...stepsOfRoute(plan.nextStep).map((code, position) => ({ kind: "step" as const, code, position })),
          ...plan.measureCodes.map((code, position) => ({ kind: "measure" as const, code, position })),
        ];
        if (items.length)
          await tx
            .insert(savedRouteItems)
            .values(items.map((item) => ({ ...item, routeId: id, status: "open" as const, updatedAt: now })));
        return { token, id };
      });
    },

    /** The saved route behind a link, or undefined (malformed or unknown). */
    async view(token: string): Promise<SavedRoute | undefined> {
      const row = await rowOf(db, token);
      return row ? load(db, row) : undefined;
    },

    /** A step's status. */
    setStep: (token: string, code: string, status: ProgressStatus, expectedVersion: number) =>
      changeItem(token, "step", code, expectedVersion, { status }),

    /** A measure's status and what it achieved; a figure left empty is stored as none, with no basis. */
    setMeasure: (
      token: string,
      code: string,
      status: ProgressStatus,
      results: MeasureResults,
      expectedVersion: number,
    ) => {
      const any = results.materialKg !== null || results.euro !== null || results.co2eKg !== null;
      return changeItem(token, "measure", code, expectedVersion, {
        status,
        materialKg: results.materialKg,
        materialBasis: results.materialKg === null ? null : results.materialBasis,
        euro: results.euro,
        euroBasis: results.euro === null ? null : results.euroBasis,
        co2eKg: results.co2eKg,
        co2eBasis: results.co2eKg === null ? null : results.co2eBasis,
        resultsAt: any ? clock() : null,
      });
    },

    /**
     * "Stuur mij deze link": stores the address as unconfirmed and mails it a confirmation link only; the route's own
     * link goes out after the confirmation (double opt-in). A new request replaces an earlier one.
     */
    async requestEmail(token: string, email: string, lang: Lang): Promise<boolean> {
      const now = clock();
      const confirmToken = newToken();
      return db.transaction(async (tx) => {
        const t = tx as unknown as Database;
        const row = await rowOf(t, token);
        if (!row) return false;
        const address = normaliseEmail(email);
        await tx
          .update(savedRoutes)
          .set({
            email: address,
            emailLang: lang,
            emailTokenHash: hashToken(confirmToken),
            emailSealedLink: sealed.seal(token),
            emailRequestedAt: now,
            emailConfirmedAt: null,
          })
          .where(eq(savedRoutes.id, row.id));
        const t2 = mijnRouteMessages[lang].mail;
        const composed = composeMail({
          lang,
          subject: t2.confirmSubject,
          greeting: t2.greeting,
          paragraphs: [t2.confirmBody, t2.confirmIgnore],
          action: {
            label: t2.confirmAction,
            url: deps.absoluteUrl(`/mijn-route/bevestigen/${confirmToken}`),
          },
          closing: t2.closing,
          signature: "Circulair Loket",
        });
        await queueMail(
          t,
          {
            to: address,
            kind: "mijn_route_bevestigen",
            subject: composed.subject,
            body: composed.text,
            html: composed.html,
          },
          now,
        );
        return true;
      });
    },

    /**
     * The confirmation: the address becomes confirmed and gets the route's link. "expired" after EMAIL_CONFIRM_DAYS,
     * "missing" for an unknown or used link.
     */
    async confirmEmail(confirmToken: string): Promise<"ok" | "expired" | "missing"> {
      if (!isTokenShape(confirmToken)) return "missing";
      const now = clock();
      return db.transaction(async (tx) => {
        const t = tx as unknown as Database;
        const [row] = await tx
          .select()
          .from(savedRoutes)
          .where(eq(savedRoutes.emailTokenHash, hashToken(confirmToken)));
        if (!row?.email || !row.emailRequestedAt || !row.emailSealedLink) return "missing";
        if (now.getTime() - row.emailRequestedAt.getTime() > EMAIL_CONFIRM_DAYS * DAY_MS) return "expired";
        const routeToken = sealed.open(row.emailSealedLink);
        if (!routeToken) return "missing";
        await tx
          .update(savedRoutes)
          .set({ emailConfirmedAt: now, emailTokenHash: null, emailSealedLink: null })
          .where(eq(savedRoutes.id, row.id));
        const lang: Lang = row.emailLang === "en" ? "en" : "nl";
        const m = mijnRouteMessages[lang].mail;
        const composed = composeMail({
          lang,
          subject: m.linkSubject,
          greeting: m.greeting,
          paragraphs: [m.linkBody, m.linkShare],
          action: { label: m.linkAction, url: deps.absoluteUrl(mijnRoutePath(routeToken)) },
          closing: m.closing,
          signature: "Circulair Loket",
        });
        await queueMail(
          t,
          {
            to: row.email,
            kind: "mijn_route_link",
            subject: composed.subject,
            body: composed.text,
            html: composed.html,
          },
          now,
        );
        return "ok";
      });
    },

    /** The route id behind a link, for the intake that carries it (undefined when unknown). */
    async idOf(token: string): Promise<number | undefined> {
      return (await rowOf(db, token))?.id;
    },

    /** The intake carries the route along: the dossier refers to it, with the entrepreneur's consent. */
    async attachToCase(caseId: number, token: string): Promise<boolean> {
      const row = await rowOf(db, token);
      if (!row) return false;
      await db
        .insert(savedRouteCases)
        .values({ caseId, routeId: row.id, consentedAt: clock() })
        .onConflictDoNothing();
      return true;
    },

    /** The route a dossier carries, for the adviser (the caller checked the policy); the read is audited. */
    async forCase(caseId: number, actor: AuditActor): Promise<SavedRoute | undefined> {
      const [link] = await db.select().from(savedRouteCases).where(eq(savedRouteCases.caseId, caseId));
      if (!link) return undefined;
      const [row] = await db.select().from(savedRoutes).where(eq(savedRoutes.id, link.routeId));
      if (!row) return undefined;
      await audit.record(db, actor, {
        action: "case.saved_route.read",
        subjectType: "case",
        subjectId: caseId,
      });
      return load(db, row);
    },
  };
}

export type MijnRouteService = ReturnType<typeof createMijnRouteService>;

/** One group of recorded measure results: a region, a sector section and a month (Europe/Amsterdam). */
export type MijnRouteOutcome = {
  regionCode: string;
  sbiSection: string;
  /** YYYY-MM of when the result was recorded. */
  period: string;
  /** Measures with at least one recorded figure. */
  measures: number;
  materialKg: Record<ResultBasis, number>;
  euro: Record<ResultBasis, number>;
  co2eKg: Record<ResultBasis, number>;
};

export type MijnRouteOutcomeFilter = {
  regionCodes?: readonly string[];
  provinceCodes?: readonly string[];
  sbiSections?: readonly string[];
  /** Results recorded on or after this moment. */
  from?: Date;
  /** Results recorded before this moment. */
  to?: Date;
};

/**
 * What entrepreneurs recorded in Mijn route, summed by region, sector section and month, with estimated and measured
 * figures apart. Counts every measure with a recorded figure that is not marked "niet voor ons". For the monitor's
 * outcome goals (ADR 0091).
 */
export async function mijnRouteOutcomes(
  db: Database,
  filter: MijnRouteOutcomeFilter = {},
): Promise<MijnRouteOutcome[]> {
  const where = [
    sql`i.kind = 'measure'`,
    sql`i.results_at is not null`,
    sql`i.status <> 'niet_voor_ons'`,
    ...(filter.regionCodes
      ? [filter.regionCodes.length ? sql`r.region_code in ${filter.regionCodes}` : sql`false`]
      : []),
    ...(filter.provinceCodes
      ? [filter.provinceCodes.length ? sql`r.province_code in ${filter.provinceCodes}` : sql`false`]
      : []),
    ...(filter.sbiSections
      ? [filter.sbiSections.length ? sql`r.sbi_section in ${filter.sbiSections}` : sql`false`]
      : []),
    ...(filter.from ? [sql`i.results_at >= ${filter.from}`] : []),
    ...(filter.to ? [sql`i.results_at < ${filter.to}`] : []),
  ];
  const basisColumn = { material_kg: "material_basis", euro: "euro_basis", co2e_kg: "co2e_basis" } as const;
  const sum = (column: keyof typeof basisColumn, basis: ResultBasis) =>
    sql`coalesce(sum(i.${sql.identifier(column)}) filter (where i.${sql.identifier(basisColumn[column])} = ${basis}), 0)::float8`;
  const rows = await queryRows<{
    region_code: string;
    sbi_section: string;
    period: string;
    measures: number | string;
    material_geschat: number;
    material_gemeten: number;
    euro_geschat: number;
    euro_gemeten: number;
    co2e_geschat: number;
    co2e_gemeten: number;
  }>(
    db,
    sql`select r.region_code, r.sbi_section,
               to_char(i.results_at at time zone 'Europe/Amsterdam', 'YYYY-MM') as period,
               count(*) as measures,
               ${sum("material_kg", "geschat")} as material_geschat, ${sum("material_kg", "gemeten")} as material_gemeten,
               ${sum("euro", "geschat")} as euro_geschat, ${sum("euro", "gemeten")} as euro_gemeten,
               ${sum("co2e_kg", "geschat")} as co2e_geschat, ${sum("co2e_kg", "gemeten")} as co2e_gemeten
        from saved_route_items i join saved_routes r on r.id = i.route_id
        where ${sql.join(where, sql` and `)}
        group by 1, 2, 3 order by 3, 1, 2`,
  );
  return rows.map((row) => ({
    regionCode: row.region_code,
    sbiSection: row.sbi_section,
    period: row.period,
    measures: Number(row.measures),
    materialKg: { geschat: Number(row.material_geschat), gemeten: Number(row.material_gemeten) },
    euro: { geschat: Number(row.euro_geschat), gemeten: Number(row.euro_gemeten) },
    co2eKg: { geschat: Number(row.co2e_geschat), gemeten: Number(row.co2e_gemeten) },
  }));
}
