import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import type { AuditActor, AuditLog } from "../audit/index.js";
import { type ReferralDelivery, referralDeliveries, referralDeliveryFor } from "./auth.delivery.js";
import { organisations } from "./auth.tables.js";

export type OrganisationKind = (typeof organisations.$inferSelect)["kind"];
export const ORGANISATION_KINDS = ["hub", "provider", "coordinator", "platform"] as const;

/** The workspace organisation of a catalogue provider: `provider-<ref_id>` (ADR 0084). */
export const providerOrganisationId = (refId: string) => `provider-${refId}`;

/** A catalogue provider's published facts (the catalogue module's `CatalogueProviderFacts`, seen from here). */
export type ProviderFacts = {
  refId: string;
  name: string;
  website: string | null;
  email: string | null;
  phone: string | null;
};

/**
 * The contact columns a beheerder may take over (ADR 0084): a loader writes them only while `contact_edited_at` is
 * null. Raw SQL because it must name the existing row and `excluded` in one ON CONFLICT expression.
 */
export const CONTACT_COLUMNS = [
  "website",
  "public_email",
  "phone",
  "visiting_address",
  "opening_hours",
] as const;
export const keepEditedContact = (column: string) =>
  sql.raw(
    `case when "organisations"."contact_edited_at" is null then excluded."${column}" else "organisations"."${column}" end`,
  );

/**
 * Every real catalogue provider becomes a workspace organisation (kind "provider", id `provider-<ref_id>`), with
 * its name and published contact details; idempotent. Name and provider id always follow the catalogue; contact
 * details only until a beheerder edits them; the referral address is the beheerder's alone. An organisation that was
 * a demo account's ("(demo-account)") becomes the real one. Returns the rows written.
 */
export async function syncProviderOrganisations(db: Database, providers: ProviderFacts[]): Promise<number> {
  if (providers.length === 0) return 0;
  // One statement for all: a start pays one round trip, not one per provider.
  const result = await db
    .insert(organisations)
    .values(
      providers.map((provider) => ({
        id: providerOrganisationId(provider.refId),
        kind: "provider" as const,
        name: provider.name,
        providerId: provider.refId,
        website: provider.website,
        publicEmail: provider.email,
        phone: provider.phone,
        isDemo: false,
      })),
    )
    .onConflictDoUpdate({
      target: organisations.id,
      set: {
        kind: "provider",
        name: sql.raw(`excluded."name"`),
        providerId: sql.raw(`excluded."provider_id"`),
        isDemo: false,
        website: keepEditedContact("website"),
        publicEmail: keepEditedContact("public_email"),
        phone: keepEditedContact("phone"),
      },
    })
    .returning({ id: organisations.id });
  return result.length;
}

/** A row a loader writes into `organisations`: a regional loket or the national queue (ADR 0081). */
export type LoketOrganisationFacts = Omit<typeof organisations.$inferInsert, "createdAt" | "updatedAt"> & {
  id: string;
};

/**
 * Writes the lokets and the national queue's organisation (referrals' loader, ADR 0081); idempotent (an upsert by
 * id). A beheerder's own edits of the contact details and regions stay (ADR 0084). Returns the rows written.
 */
export async function syncLoketOrganisations(db: Database, rows: LoketOrganisationFacts[]): Promise<number> {
  let written = 0;
  for (const row of rows) {
    const { id: _id, ...changes } = row;
    const result = await db
      .insert(organisations)
      .values(row)
      .onConflictDoUpdate({
        target: organisations.id,
        set: {
          ...changes,
          website: keepEditedContact("website"),
          publicEmail: keepEditedContact("public_email"),
          phone: keepEditedContact("phone"),
          visitingAddress: keepEditedContact("visiting_address"),
          openingHours: keepEditedContact("opening_hours"),
          regionCodes: keepEditedContact("region_codes"),
        },
      })
      .returning({ id: organisations.id });
    written += result.length;
  }
  return written;
}

/** The platform's own organisation, in every installation: where beheerders belong (ADR 0084). */
export const PLATFORM_ORGANISATION_ID = "beheer";

/** Creates the platform organisation when it is missing; idempotent. Answers whether it was created. */
export async function ensurePlatformOrganisation(db: Database): Promise<boolean> {
  const created = await db
    .insert(organisations)
    .values({ id: PLATFORM_ORGANISATION_ID, kind: "platform", name: "Beheer Circulair Loket", isDemo: false })
    .onConflictDoNothing({ target: organisations.id })
    .returning({ id: organisations.id });
  return created.length > 0;
}

/** One row of /beheer/organisaties. */
export type OrganisationSummary = {
  id: string;
  kind: OrganisationKind;
  name: string;
  providerId: string | null;
  regionCodes: string[];
  scope: "national" | "province" | "region" | null;
  website: string | null;
  publicEmail: string | null;
  phone: string | null;
  visitingAddress: string | null;
  openingHours: { nl: string; en: string } | null;
  referralEmail: string | null;
  isDemo: boolean;
  activeUsers: number;
  /** Providers only: how referrals reach them (the one rule of `referralDeliveryFor`). */
  delivery: ReferralDelivery | null;
  contactEditedAt: Date | null;
  version: number;
};

const summaryColumns = {
  id: organisations.id,
  kind: organisations.kind,
  name: organisations.name,
  providerId: organisations.providerId,
  regionCodes: organisations.regionCodes,
  scope: organisations.scope,
  website: organisations.website,
  publicEmail: organisations.publicEmail,
  phone: organisations.phone,
  visitingAddress: organisations.visitingAddress,
  openingHours: organisations.openingHours,
  referralEmail: organisations.referralEmail,
  isDemo: organisations.isDemo,
  contactEditedAt: organisations.contactEditedAt,
  version: organisations.version,
  // Qualified by hand: in a select list drizzle writes the column without its table, which the subquery would shadow.
  activeUsers:
    sql<number>`(select count(*)::int from users u where u.organisation_id = "organisations"."id" and u.active)`.as(
      "active_users",
    ),
};

/** Every organisation (optionally of one kind), by kind and name, each with how it receives referrals. */
export async function listOrganisations(
  db: Database,
  kind?: OrganisationKind,
): Promise<OrganisationSummary[]> {
  const [rows, deliveries] = await Promise.all([
    db
      .select(summaryColumns)
      .from(organisations)
      .where(kind ? eq(organisations.kind, kind) : undefined)
      .orderBy(asc(organisations.kind), asc(organisations.name)),
    referralDeliveries(db),
  ]);
  return rows.map((row) => ({ ...row, delivery: deliveries.get(row.id) ?? null }));
}

/** One organisation, or undefined. */
export async function getOrganisation(db: Database, id: string): Promise<OrganisationSummary | undefined> {
  const [row] = await db.select(summaryColumns).from(organisations).where(eq(organisations.id, id));
  if (!row) return undefined;
  const delivery =
    row.kind === "provider" && row.providerId ? await referralDeliveryFor(db, row.providerId) : null;
  return { ...row, delivery };
}

/** What a beheerder may change on an organisation (ADR 0084). Empty strings are stored as null. */
export type OrganisationChanges = {
  website: string | null;
  publicEmail: string | null;
  phone: string | null;
  visitingAddress: string | null;
  openingHours: { nl: string; en: string } | null;
  referralEmail: string | null;
  /** Hubs only. */
  regionCodes?: string[];
};

/**
 * Saves a beheerder's changes with optimistic locking, and records them in the audit log (the fields changed, not
 * their values). From now on the loaders leave the contact details as the beheerder set them.
 */
export async function updateOrganisation(
  db: Database,
  audit: AuditLog,
  actor: AuditActor,
  input: { id: string; version: number; changes: OrganisationChanges; now: Date },
): Promise<"saved" | "conflict" | "not-found"> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(organisations).where(eq(organisations.id, input.id));
    if (!current) return "not-found";
    const { regionCodes, ...contact } = input.changes;
    const next = { ...contact, ...(current.kind === "hub" && regionCodes ? { regionCodes } : {}) };
    const changed = Object.entries(next)
      .filter(
        ([key, value]) => JSON.stringify(current[key as keyof typeof current]) !== JSON.stringify(value),
      )
      .map(([key]) => key);
    // Only a change of the contact details (or a hub's regions) takes them over from the loaders; a referral
    // address alone leaves the catalogue's details flowing in.
    const takesOver = changed.some((key) => key !== "referralEmail");
    const [saved] = await tx
      .update(organisations)
      .set({
        ...next,
        ...(takesOver ? { contactEditedAt: input.now } : {}),
        version: sql`${organisations.version} + 1`,
      })
      .where(and(eq(organisations.id, input.id), eq(organisations.version, input.version)))
      .returning({ id: organisations.id });
    if (!saved) return "conflict";
    await audit.record(tx, actor, {
      action: "organisation.update",
      subjectType: "organisation",
      subjectId: input.id,
      detail: { fields: changed },
    });
    return "saved";
  });
}

const slug = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 48) || "hub";

/**
 * Creates a hub (with its regions) or a provincial coordination (scope province, the regions of its province), not
 * demo, with its contact details; audited. Answers its id.
 */
export async function createOrganisation(
  db: Database,
  audit: AuditLog,
  actor: AuditActor,
  input: {
    kind: "hub" | "coordinator";
    name: string;
    /** Coordination: the province code, kept in the audit record. */
    provinceCode?: string;
    changes: OrganisationChanges;
    now: Date;
    /** What another module adds to the new organisation in the same transaction (a hub's intake desk). */
    onCreated?: (tx: Database, id: string) => Promise<void>;
  },
): Promise<string> {
  return db.transaction(async (tx) => {
    const base = `${input.kind === "hub" ? "hub" : "coordinatie"}-${slug(input.name)}`;
    const taken = new Set(
      (
        await tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(sql`${organisations.id} = ${base} or ${organisations.id} like ${`${base}-%`}`)
      ).map((row) => row.id),
    );
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    const { regionCodes, ...contact } = input.changes;
    await tx.insert(organisations).values({
      id,
      kind: input.kind,
      name: input.name,
      ...(input.kind === "hub" ? { publicKind: "hub" as const } : { scope: "province" as const }),
      regionCodes: regionCodes ?? [],
      ...contact,
      referralEmail: null,
      contactEditedAt: input.now,
      isDemo: false,
    });
    await audit.record(tx, actor, {
      action: "organisation.create",
      subjectType: "organisation",
      subjectId: id,
      detail: { kind: input.kind, regionCodes: regionCodes ?? [], provinceCode: input.provinceCode ?? null },
    });
    await input.onCreated?.(tx, id);
    return id;
  });
}
