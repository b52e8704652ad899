import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { PASSWORD_RESET_QUEUE } from "../auth/index.js";
import { CASE_LINK_QUEUE } from "../referrals/index.js";

/** Days an ended invitation (accepted, withdrawn or expired) is kept before the retention job deletes it. */
export const INVITATION_RETENTION_DAYS = 30;

/**
 * Days a barrier reporter's contact details stay after they were told the answer (a reply or a bounce can still be
 * handled), and an answer link's address after the forwarding was answered or expired (ADR 0096).
 */
export const BARRIER_CONTACT_DAYS = 30;
/** Days a Mijn route address waits for its confirmation before the retention job erases it (ADR 0091). */
export const MIJN_ROUTE_CONFIRM_DAYS = 7;

/** The text that replaces a personal field on erasure or at the end of the retention period. */
export const ANONYMISED = "[geanonimiseerd]";

/**
 * Whose data a request is about, resolved once from an e-mail address: the dossiers with that contact address, the
 * accounts with that address, and the pseudonymous key the login limiter counts that address under. For the retention
 * job the subject is a set of dossiers without an address.
 */
export type Subject = {
  /** Trimmed and lower-cased; null when the subject is only a set of dossiers (retention). */
  email: string | null;
  caseIds: number[];
  userIds: number[];
  /** The login limiter's key for the address (`login:account:<key>`); null without an address. */
  accountKey: string | null;
};

/** How the rows of a location are found for a subject; documentation for people, the `where` does the work. */
export type MatchedBy = "case id" | "referral of a case" | "e-mail (any case)" | "account" | "account key";

/**
 * One place where personal data lives: a table, the columns in it that hold personal data, how the subject's rows
 * are found, and what erasure does to them. Export, erasure and retention read only this list.
 */
export type PersonalDataLocation = {
  /** The key of this location in the subject export. */
  key: string;
  table: string;
  /** The text/jsonb columns that hold (or may hold) personal data. Every other text column is in NOT_PERSONAL_COLUMNS. */
  columns: readonly string[];
  matchedBy: readonly MatchedBy[];
  /** The subject's rows. Returns `false` when the subject gives nothing to match on. */
  where: (subject: Subject) => SQL;
  /** Columns in the export; default every column. Secrets (hashes of passwords and tokens) stay out. */
  exportColumns?: readonly string[];
  /**
   * What erasure (and retention) does with the subject's rows: overwrite columns, delete the rows, or keep them
   * (`keep`, with the reason in `why`, for rows that hold no name, address or phone number).
   */
  erase: { set: (now: Date) => Record<string, SQL>; onlyWhere?: SQL } | "delete" | "keep";
  /**
   * Rows that the retention job erases by themselves, apart from closed dossiers (whose case-linked rows are erased
   * through the `case id` match): given the cut-off date, which rows are due.
   */
  retention?: (cutoff: Date, now: Date) => SQL;
  /** Why this is personal data, and why erasure does what it does. */
  why: string;
};

const FALSE = sql`false`;
const inIds = (column: string, ids: readonly number[]) =>
  ids.length ? sql`${sql.identifier(column)} in ${ids}` : FALSE;
const emailIs = (column: string, subject: Subject) =>
  subject.email === null ? FALSE : sql`lower(trim(${sql.identifier(column)})) = ${subject.email}`;

/** The login limiter's per-account key for an address: the first 22 base64url characters of its SHA-256. */
export function accountKeyOf(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("base64url").slice(0, 22);
}

/** Every place in the database that holds personal data. A test holds this list to the database's columns. */
export const PERSONAL_DATA: readonly PersonalDataLocation[] = [
  {
    key: "cases",
    table: "cases",
    columns: [
      "company_name",
      "kvk_number",
      "contact_name",
      "contact_email",
      "contact_phone",
      "question",
      "next_steps",
      "scan_result_id",
    ],
    matchedBy: ["case id", "e-mail (any case)"],
    where: (s) => inIds("id", s.caseIds),
    erase: {
      set: (now) => ({
        company_name: sql`${ANONYMISED}`,
        kvk_number: sql`'00000000'`,
        contact_name: sql`${ANONYMISED}`,
        contact_email: sql`'geanonimiseerd-' || "id" || '@geanonimiseerd.invalid'`,
        contact_phone: sql`null`,
        question: sql`${ANONYMISED}`,
        next_steps: sql`''`,
        scan_result_id: sql`null`,
        anonymised_at: sql`${now}`,
        version: sql`"version" + 1`,
      }),
    },
    why: "The dossier: company, KVK number, contact person, address, phone and question. Ids, dates, statuses and region stay, so the monitor's counts stay.",
  },
  {
    key: "consents",
    table: "consents",
    columns: [],
    matchedBy: ["case id"],
    where: (s) => inIds("case_id", s.caseIds),
    erase: "keep",
    why: "The record of the consent (purpose, text version, date) belongs to the subject and is exported; it names no one, so it stays as proof.",
  },
  {
    key: "notes",
    table: "case_notes",
    columns: ["body"],
    matchedBy: ["case id"],
    where: (s) => inIds("case_id", s.caseIds),
    erase: { set: () => ({ body: sql`${ANONYMISED}` }), onlyWhere: sql`"kind" <> 'event'` },
    why: "An adviser's notes and the entrepreneur's own messages and added information (kinds 'message', 'info') are free text about the company and its contact; history lines (kind 'event') are codes.",
  },
  {
    key: "referrals",
    table: "referrals",
    columns: ["message"],
    matchedBy: ["case id"],
    where: (s) => inIds("case_id", s.caseIds),
    erase: { set: () => ({ message: sql`${ANONYMISED}` }) },
    why: "The adviser's message to the provider is free text about the company.",
  },
  {
    key: "referralEvents",
    table: "referral_events",
    columns: ["note"],
    matchedBy: ["referral of a case"],
    where: (s) =>
      s.caseIds.length
        ? sql`"referral_id" in (select id from referrals where case_id in ${s.caseIds})`
        : FALSE,
    erase: { set: () => ({ note: sql`''` }) },
    why: "Notes on a status change are free text.",
  },
  {
    key: "measures",
    table: "measures",
    columns: ["description"],
    matchedBy: ["case id"],
    where: (s) => inIds("case_id", s.caseIds),
    erase: { set: () => ({ description: sql`${ANONYMISED}` }) },
    why: "The description of a measure is free text about the company; the impact figures stay for the monitor.",
  },
  {
    key: "messages",
    table: "outbox_messages",
    columns: ["to_address", "subject", "body", "html", "headers"],
    matchedBy: ["case id", "e-mail (any case)"],
    where: (s) => sql`(${inIds("case_id", s.caseIds)} or ${emailIs("to_address", s)})`,
    erase: {
      set: () => ({
        to_address: sql`'geanonimiseerd@geanonimiseerd.invalid'`,
        subject: sql`${ANONYMISED}`,
        body: sql`${ANONYMISED}`,
        html: sql`null`,
        headers: sql`null`,
      }),
    },
    why: "Mails about a dossier and every mail to the address, however the address was cased when it was typed; an alert mail's headers hold its unsubscribe link.",
  },
  {
    key: "alertItems",
    table: "alert_items",
    columns: [],
    matchedBy: ["e-mail (any case)"],
    where: (s) =>
      s.email === null
        ? FALSE
        : sql`"subscription_id" in (select a.id from alert_subscriptions a join alert_subscribers r on r.id = a.subscriber_id where r.email = ${s.email})`,
    erase: "delete",
    why: "What the address's alerts were matched to and when it was sent (ADR 0092): codes and dates, deleted with the address.",
  },
  {
    key: "alertSubscriptions",
    table: "alert_subscriptions",
    columns: ["confirm_token_hash"],
    matchedBy: ["e-mail (any case)"],
    where: (s) =>
      s.email === null
        ? FALSE
        : sql`"subscriber_id" in (select id from alert_subscribers where email = ${s.email})`,
    exportColumns: [
      "kind",
      "instrument_ref",
      "area_keys",
      "region_code",
      "municipality_code",
      "sector",
      "step",
      "phase",
      "instrument_kind",
      "confirmed_at",
      "expires_at",
      "created_at",
    ],
    erase: "delete",
    // An unconfirmed sign-up lapses (double opt-in, ADR 0092).
    retention: (_cutoff, now) => sql`"confirmed_at" is null and "expires_at" < ${now}`,
    why: "The criteria an address asked alerts for (codes of an instrument, area, sector, step, phase); the hash of the confirmation link.",
  },
  {
    key: "alertSubscribers",
    table: "alert_subscribers",
    columns: ["email", "unsubscribe_token"],
    matchedBy: ["e-mail (any case)"],
    where: (s) => emailIs("email", s),
    exportColumns: ["email", "lang", "last_digest_at", "created_at"],
    erase: "delete",
    // An address without any subscription left (its sign-ups lapsed) is not kept.
    retention: () =>
      sql`not exists (select 1 from alert_subscriptions a where a.subscriber_id = "alert_subscribers"."id")`,
    why: "The e-mail address alerts go to (ADR 0092), its one-click unsubscribe token and when the last digest went out.",
  },
  {
    key: "barriers",
    table: "barriers",
    columns: ["contact_name", "contact_email", "description", "note"],
    matchedBy: ["e-mail (any case)"],
    where: (s) => emailIs("contact_email", s),
    erase: {
      set: () => ({
        contact_name: sql`null`,
        contact_email: sql`null`,
        description: sql`${ANONYMISED}`,
        note: sql`null`,
      }),
    },
    // Settled longer than the retention period ago, or told the answer BARRIER_CONTACT_DAYS ago (ADR 0096).
    retention: (cutoff, now) =>
      sql`"contact_email" is not null and (("status" in ('beantwoord', 'opgelost', 'afgewezen') and "updated_at" < ${cutoff})
          or "reporter_told_at" < ${new Date(now.getTime() - BARRIER_CONTACT_DAYS * 86_400_000)})`,
    why: "A barrier report with contact details: the reporter's name and address, and the free-text report and the coordinator's note about it. Theme, category, area, status and the coordinator's public summary and answer stay for the yearly summary and /belemmeringen.",
  },
  {
    key: "barrierForwardings",
    table: "barrier_forwardings",
    columns: ["to_address"],
    matchedBy: ["e-mail (any case)"],
    where: (s) => emailIs("to_address", s),
    exportColumns: ["body_kind", "body_name", "to_address", "due_at", "answered_at", "created_at"],
    erase: { set: () => ({ to_address: sql`null` }) },
    // The address the answer link went to, once the forwarding is answered or its link expired, plus BARRIER_CONTACT_DAYS.
    retention: (_cutoff, now) =>
      sql`"to_address" is not null and coalesce("answered_at", "link_expires_at", "due_at") < ${new Date(now.getTime() - BARRIER_CONTACT_DAYS * 86_400_000)}`,
    why: "The address a coordinator sent a barrier's answer link to; at a public body, but it may be a person's own work address.",
  },
  {
    key: "passwordResetRequests",
    table: "jobs",
    columns: ["payload"],
    matchedBy: ["e-mail (any case)"],
    where: (s) =>
      s.email === null
        ? FALSE
        : sql`"queue" = ${PASSWORD_RESET_QUEUE} and lower("payload"->>'email') = ${s.email}`,
    exportColumns: ["queue", "status", "created_at", "finished_at"],
    erase: "delete",
    retention: (cutoff) =>
      sql`"queue" = ${PASSWORD_RESET_QUEUE} and "status" in ('done', 'failed') and "created_at" < ${cutoff}`,
    why: "A password-reset request holds the typed address until its job is purged.",
  },
  {
    key: "caseLinkRequests",
    table: "jobs",
    columns: ["payload"],
    matchedBy: ["e-mail (any case)"],
    where: (s) =>
      s.email === null
        ? FALSE
        : sql`"queue" = ${CASE_LINK_QUEUE} and lower("payload"->>'email') = ${s.email}`,
    exportColumns: ["queue", "status", "created_at", "finished_at"],
    erase: "delete",
    retention: (cutoff) =>
      sql`"queue" = ${CASE_LINK_QUEUE} and "status" in ('done', 'failed') and "created_at" < ${cutoff}`,
    why: "A request to resend the link to one's own case page (/mijn-aanvraag) holds the typed address until its job is purged.",
  },
  {
    key: "jobErrors",
    table: "jobs",
    columns: ["last_error"],
    matchedBy: ["e-mail (any case)"],
    where: (s) =>
      s.email === null
        ? FALSE
        : sql`"last_error" is not null and strpos(lower("last_error"), ${s.email}) > 0`,
    exportColumns: ["queue", "status", "last_error", "created_at"],
    erase: { set: () => ({ last_error: sql`${ANONYMISED}` }) },
    why: "A mail server's refusal may quote the recipient's address.",
  },
  {
    key: "account",
    table: "users",
    columns: ["email", "display_name", "password_hash"],
    matchedBy: ["account"],
    where: (s) => inIds("id", s.userIds),
    exportColumns: ["id", "email", "display_name", "organisation_id", "role", "active", "created_at"],
    erase: {
      set: () => ({
        email: sql`'geanonimiseerd-' || "id" || '@geanonimiseerd.invalid'`,
        display_name: sql`${ANONYMISED}`,
        password_hash: sql`null`,
        active: sql`false`,
        version: sql`"version" + 1`,
      }),
    },
    why: "A staff account with the same address: name and address; the row stays (deactivated) because the audit log refers to its id.",
  },
  {
    key: "identities",
    table: "user_identities",
    columns: ["issuer", "subject"],
    matchedBy: ["account"],
    where: (s) => inIds("user_id", s.userIds),
    erase: "delete",
    why: "The link from an external identity provider's subject to the account.",
  },
  {
    key: "sessions",
    table: "sessions",
    columns: ["id_hash"],
    matchedBy: ["account"],
    where: (s) => inIds("user_id", s.userIds),
    exportColumns: ["created_at", "last_seen_at", "expires_at"],
    erase: "delete",
    why: "Sessions of the account: when it was used.",
  },
  {
    key: "passwordResets",
    table: "password_resets",
    columns: ["token_hash"],
    matchedBy: ["account"],
    where: (s) => inIds("user_id", s.userIds),
    exportColumns: ["expires_at", "used_at"],
    erase: "delete",
    why: "Reset tokens of the account.",
  },
  {
    key: "invitations",
    table: "invitations",
    columns: ["email", "display_name", "token_hash"],
    matchedBy: ["e-mail (any case)", "account"],
    where: (s) => sql`(${emailIs("email", s)} or ${inIds("user_id", s.userIds)})`,
    exportColumns: [
      "email",
      "display_name",
      "role",
      "organisation_id",
      "created_at",
      "expires_at",
      "accepted_at",
      "withdrawn_at",
    ],
    erase: "delete",
    // An invitation ends when it is accepted, withdrawn or expires; INVITATION_RETENTION_DAYS later it goes (ADR 0084).
    retention: (_cutoff, now) =>
      sql`coalesce("accepted_at", "withdrawn_at", "expires_at") < ${new Date(now.getTime() - INVITATION_RETENTION_DAYS * 86_400_000)}`,
    why: "An invitation to an account names the invitee and their e-mail address; the audit log keeps who invited whom, by id.",
  },
  {
    key: "rateLimitCounters",
    table: "rate_limit_counters",
    columns: ["key"],
    matchedBy: ["account key"],
    // Wherever the key puts the hash (strpos, not LIKE: base64url has "_", a LIKE wildcard).
    where: (s) => (s.accountKey === null ? FALSE : sql`strpos("key", ${s.accountKey}) > 0`),
    erase: "delete",
    why: "The login limiter counts attempts per address under a hash of that address.",
  },
  {
    key: "mijnRouteEmail",
    table: "saved_routes",
    columns: ["email", "email_token_hash", "email_sealed_link"],
    matchedBy: ["e-mail (any case)"],
    where: (s) => emailIs("email", s),
    exportColumns: ["email", "email_lang", "email_requested_at", "email_confirmed_at", "created_at"],
    erase: {
      set: () => ({
        email: sql`null`,
        email_lang: sql`null`,
        email_token_hash: sql`null`,
        email_sealed_link: sql`null`,
        email_requested_at: sql`null`,
        email_confirmed_at: sql`null`,
      }),
    },
    // An address never confirmed goes after MIJN_ROUTE_CONFIRM_DAYS, a confirmed one after the retention period
    // (RETENTION_MONTHS, as /privacy says); the route itself (codes and figures) stays.
    retention: (cutoff, now) =>
      sql`"email" is not null and (("email_confirmed_at" is null and "email_requested_at" < ${new Date(now.getTime() - MIJN_ROUTE_CONFIRM_DAYS * 86_400_000)})
          or "email_confirmed_at" < ${cutoff})`,
    why: "The address a Mijn route's link is sent to (double opt-in, ADR 0091). The route's criteria, statuses and recorded results are codes and figures about a company and stay.",
  },
  {
    key: "mijnRouteCases",
    table: "saved_route_cases",
    columns: [],
    matchedBy: ["case id"],
    where: (s) => inIds("case_id", s.caseIds),
    erase: "delete",
    why: "Which saved route a dossier carries, with the consent's date: exported with the dossier; on erasure the adviser no longer sees the route.",
  },
  {
    key: "audit",
    table: "audit_log",
    columns: ["subject_id", "client_key", "detail"],
    matchedBy: ["case id", "account"],
    where: (s) =>
      sql`(${inIds("actor_user_id", s.userIds)} or ("subject_type" = 'case' and ${
        s.caseIds.length ? sql`"subject_id" in ${s.caseIds.map(String)}` : FALSE
      }))`,
    erase: "keep",
    why: "Who read or changed the subject's dossiers, and what the account did: exported. The log is append-only and holds ids, codes and a pseudonymous client key, never a name, address or phone number, so erasure leaves it as it is.",
  },
];

/** Tables that hold no personal data at all, each with the reason. */
export const NO_PERSONAL_DATA: Readonly<Record<string, string>> = {
  __drizzle_migrations: "migration bookkeeping",
  data_file_loads: "start-up bookkeeping: a content hash per data set and when it was loaded (ADR 0082)",
  organisations: "organisations (hubs, providers, coordinators), not people",
  hubs: "a hub's public description and its general office address",
  referral_monitor_facts:
    "the monitor's rollup: region, instrument, dates and codes, no case id or name (ADR 0066)",
  listing_versions: "a provider's changes to its listing",
  alert_watch: "the alert job's memory of instrument statuses and event slugs (ADR 0092)",
  referral_links:
    "the SHA-256 of a provider's single-purpose link to one referral and its expiry; what the link shows is read from the referral (ADR 0086)",
  referral_tasks:
    "an adviser's follow-up task on a referral: ids, codes and dates only; what the adviser writes goes into referral_events.note (ADR 0086)",
  referral_reminders: "which referral got a deadline reminder in which status, and when",
  journey_events: "journey steps with region, sector and campaign only",
  journey_event_daily: "daily counts",
  monitoring_goals: "goals for an area",
  goal_values: "figures",
  demand_records:
    "unmet demand: region, sector, step, phase, kind of help, source and day; the dedupe key is a keyed hash cleared after its day (ADR 0094)",
  gap_entries:
    "the gaps register: a cell, the organisation that is aan zet, decision, deadline, status and a note about the offer; who changed it is in the audit log (ADR 0094)",
  region_star_levels: "star levels of regions per day",
  scan_results: "scan answers as codes only (size class, municipality, SBI, stage)",
  saved_route_items:
    "a saved route's steps and measures: codes, statuses and the figures a company recorded (ADR 0091)",
  sbi_codes: "reference data",
  r_strategies: "reference data",
  provinces: "reference data",
  regions: "reference data",
  region_provinces: "reference data",
  municipalities: "reference data",
  place_names: "reference data",
  catalogue_organizations: "published organisations with their general contact details",
  catalogue_instruments: "the published catalogue",
  catalogue_search_words: "search vocabulary",
  catalogue_search_revision: "a revision counter of the catalogue search index",
  knowledge_examples: "published practice examples of companies, from cited public sources",
  knowledge_events: "public events and their organisers",
  knowledge_measure_packages: "published measure packages",
  knowledge_measures: "published measures",
  knowledge_roadmaps: "published roadmaps",
};

/** Text columns of tables in PERSONAL_DATA that hold no personal data, each with the reason. */
export const NOT_PERSONAL_COLUMNS: Readonly<Record<string, string>> = {
  "cases.public_token":
    "a random token for the confirmation page; it shows only anonymised data after erasure",
  "cases.hub_id": "organisation id",
  "cases.region_code": "area code",
  "cases.municipality_code": "area code",
  "cases.sbi_section": "sector code",
  "cases.sector": "sector code: the sector choice (SBI section or division)",
  "cases.source": "campaign slug",
  "cases.status": "code",
  "cases.language": "language code",
  "consents.hub_id": "organisation id",
  "consents.purpose": "the purpose, a fixed text",
  "consents.text_version": "version code",
  "case_notes.kind": "code",
  "referrals.instrument_ref_id": "catalogue id",
  "referrals.provider_id": "organisation id",
  "referrals.status": "code",
  "referrals.reason_code": "code",
  "referrals.outcome": "code",
  "referrals.outcome_reason": "code",
  "referrals.delivery": "code: how the referral reached the provider (account, mail, warme_overdracht)",
  "referral_events.from_status": "code",
  "referral_events.to_status": "code",
  "referral_events.reason_code": "code",
  "referral_events.actor_kind": "code",
  "referral_events.kind": "code",
  "measures.basis": "code",
  "outbox_messages.kind": "code",
  "alert_items.item_key": "a code: kind and catalogue or agenda id",
  "alert_subscriptions.kind": "code",
  "alert_subscriptions.instrument_ref": "catalogue id",
  "alert_subscriptions.area_keys": "area codes",
  "alert_subscriptions.region_code": "area code",
  "alert_subscriptions.municipality_code": "area code",
  "alert_subscriptions.sector": "sector code",
  "alert_subscriptions.sbi_section": "sector code",
  "alert_subscriptions.step": "code",
  "alert_subscriptions.phase": "code",
  "alert_subscriptions.instrument_kind": "code",
  "alert_subscribers.lang": "language code",
  "outbox_messages.transport": "code",
  "barriers.theme": "code",
  "barriers.rule": "the name of a law or rule",
  "barriers.municipality_code": "area code",
  "barriers.region_code": "area code",
  "barriers.province_code": "area code",
  "barriers.reporter_kind": "code",
  "barriers.consent_version": "version code",
  "barriers.consent_purpose": "the purpose, a fixed text",
  "barriers.status": "code",
  "barriers.category": "code",
  "barriers.responsible_body": "the name of a public body",
  "barriers.contact_lang": "language code",
  "barriers.public_summary":
    "the coordinator's own anonymised summary for the public page, written instead of the reporter's text (ADR 0096)",
  "barriers.public_answer": "the coordinator's anonymised summary of a public body's answer (ADR 0096)",
  "barrier_forwardings.body_kind": "code",
  "barrier_forwardings.body_name": "the name of a public body",
  "barrier_forwardings.organisation_id": "organisation id",
  "barrier_forwardings.token_hash": "the SHA-256 of a single-purpose answer link",
  "barrier_forwardings.answer":
    "a public body's answer about a rule, given on a page that asks not to name persons; published only through the coordinator's summary",
  "barrier_forwardings.answered_via": "code",
  "jobs.queue": "queue name",
  "jobs.status": "code",
  "jobs.dedupe_key": "queue name and period",
  "users.organisation_id": "organisation id",
  "invitations.role": "code",
  "invitations.organisation_id": "organisation id",
  "invitations.lang": "language code",
  "users.role": "code",
  "users.language": "code: the language of the mails the account gets",
  "saved_routes.token_hash": "the SHA-256 of the route's link token; no person",
  "saved_routes.municipality_code": "area code",
  "saved_routes.region_code": "area code",
  "saved_routes.province_code": "area code",
  "saved_routes.sbi": "sector code",
  "saved_routes.sbi_section": "sector code",
  "saved_routes.size_class": "code",
  "saved_routes.stage": "code",
  "saved_routes.help": "codes",
  "saved_routes.themes": "codes",
  "saved_routes.start_phase": "code",
  "saved_routes.start_step": "code",
  "saved_routes.package_slug": "measure package slug",
  "saved_routes.origin": "code",
  "saved_routes.scan_result_id": "id of saved scan answers (codes only)",
  "saved_routes.email_lang": "language code",
  "audit_log.actor_label": "role@organisation, or 'ondernemer' / 'systeem'",
  "audit_log.action": "code",
  "audit_log.subject_type": "code",
  "audit_log.outcome": "code",
};
