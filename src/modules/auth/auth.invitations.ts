import { createHash, randomBytes } from "node:crypto";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { format, formatDate, type Lang } from "../../i18n/index.js";
import type { AbsoluteUrl } from "../../web/links.js";
import type { AuditActor, AuditLog } from "../audit/index.js";
import { authMessages } from "./auth.messages.js";
import type { OrganisationKind } from "./auth.organisations.js";
import type { OutgoingMail } from "./auth.password-reset.js";
import { hashPassword, passwordProblem } from "./auth.passwords.js";
import type { Role } from "./auth.policy.js";
import { normaliseEmail } from "./auth.service.js";
import { invitations, organisations, sessions, users } from "./auth.tables.js";

/** An invitation link works this long (ADR 0084). */
export const INVITATION_DAYS = 7;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");

/** Which kind of organisation each role belongs to: the only combinations an invitation may make. */
export const ROLE_ORGANISATION_KIND: Record<Role, OrganisationKind> = {
  adviseur: "hub",
  aanbieder: "provider",
  coordinator: "coordinator",
  beheerder: "platform",
};

export type InvitationDeps = {
  db: Database;
  audit: AuditLog;
  absoluteUrl: AbsoluteUrl;
  /** Stores the mail in the outbox and queues its delivery, in the caller's transaction. */
  queueMail: (tx: Database, mail: OutgoingMail) => Promise<void>;
  clock: () => Date;
};

export type InviteInput = {
  email: string;
  displayName: string;
  role: Role;
  organisationId: string;
  lang: Lang;
};

export type InviteProblem = "emailHasAccount" | "alreadyInvited" | "roleOrganisation" | "unknownOrganisation";

/** The state of an invitation link: open (with what it is for) or why it no longer works. */
export type InvitationState =
  | {
      state: "open";
      id: number;
      email: string;
      displayName: string;
      role: Role;
      organisationName: string;
      lang: Lang;
    }
  | { state: "unknown" | "used" | "expired" | "withdrawn"; id?: number };

/** An open (not accepted) invitation, as /beheer/gebruikers lists it. */
export type OpenInvitation = {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  expiresAt: Date;
  withdrawn: boolean;
  version: number;
};

/**
 * Invitations into an account: a beheerder invites, the invitee sets a password through a single-use link that
 * expires after INVITATION_DAYS. Every change is audited; the link's token is stored only as its SHA-256.
 */
export function createInvitations(deps: InvitationDeps) {
  const { db, audit, clock } = deps;

  /** Writes the token and queues the mail with the absolute link, in `tx`. */
  async function sendLink(
    tx: Database,
    invitation: { email: string; displayName: string; organisationName: string; lang: Lang },
    token: string,
    expiresAt: Date,
  ) {
    const t = authMessages[invitation.lang];
    const link = deps.absoluteUrl(`/uitnodiging/${token}${invitation.lang === "en" ? "?lang=en" : ""}`);
    await deps.queueMail(tx, {
      to: invitation.email,
      subject: t.inviteMailSubject,
      body: format(t.inviteMailBody, {
        name: invitation.displayName,
        organisation: invitation.organisationName,
        link,
        date: formatDate(expiresAt, invitation.lang),
      }),
      kind: "invitation",
    });
    return link;
  }

  return {
    /** Invites a person; validates the role/organisation combination and that nobody has this address yet. */
    async invite(
      actor: AuditActor,
      input: InviteInput,
    ): Promise<{ ok: true; id: number; link: string } | { ok: false; problem: InviteProblem }> {
      const email = normaliseEmail(input.email);
      return db.transaction(async (tx) => {
        const [organisation] = await tx
          .select({ kind: organisations.kind, name: organisations.name })
          .from(organisations)
          .where(eq(organisations.id, input.organisationId));
        if (!organisation) return { ok: false as const, problem: "unknownOrganisation" as const };
        if (ROLE_ORGANISATION_KIND[input.role] !== organisation.kind)
          return { ok: false as const, problem: "roleOrganisation" as const };
        const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
        if (account) return { ok: false as const, problem: "emailHasAccount" as const };
        const [open] = await tx
          .select({ id: invitations.id })
          .from(invitations)
          .where(
            and(
              eq(invitations.email, email),
              isNull(invitations.acceptedAt),
              isNull(invitations.withdrawnAt),
            ),
          );
        if (open) return { ok: false as const, problem: "alreadyInvited" as const };
        const now = clock();
        const token = newToken();
        const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
        const [row] = await tx
          .insert(invitations)
          .values({
            tokenHash: sha256(token),
            email,
            displayName: input.displayName,
            role: input.role,
            organisationId: input.organisationId,
            lang: input.lang,
            invitedBy: actor.userId,
            createdAt: now,
            expiresAt,
          })
          .returning({ id: invitations.id });
        const link = await sendLink(
          tx,
          { ...input, email, organisationName: organisation.name },
          token,
          expiresAt,
        );
        await audit.record(tx, actor, {
          action: "invitation.create",
          subjectType: "invitation",
          subjectId: row!.id,
          detail: { role: input.role, organisationId: input.organisationId },
        });
        return { ok: true as const, id: row!.id, link };
      });
    },

    /** Sends a new link (the old one stops working) and gives it a fresh expiry; reopens a withdrawn invitation. */
    async reinvite(
      actor: AuditActor,
      id: number,
      version: number,
    ): Promise<"sent" | "conflict" | "not-found"> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select({
            email: invitations.email,
            displayName: invitations.displayName,
            lang: invitations.lang,
            organisationName: organisations.name,
            acceptedAt: invitations.acceptedAt,
          })
          .from(invitations)
          .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
          .where(eq(invitations.id, id));
        if (!row || row.acceptedAt) return "not-found";
        const token = newToken();
        const expiresAt = new Date(clock().getTime() + INVITATION_DAYS * 86_400_000);
        const [saved] = await tx
          .update(invitations)
          .set({
            tokenHash: sha256(token),
            expiresAt,
            withdrawnAt: null,
            version: sql`${invitations.version} + 1`,
          })
          .where(
            and(eq(invitations.id, id), eq(invitations.version, version), isNull(invitations.acceptedAt)),
          )
          .returning({ id: invitations.id });
        if (!saved) return "conflict";
        await sendLink(tx, row, token, expiresAt);
        await audit.record(tx, actor, {
          action: "invitation.resend",
          subjectType: "invitation",
          subjectId: id,
        });
        return "sent";
      });
    },

    /** Withdraws an open invitation: its link stops working at once. */
    async withdraw(
      actor: AuditActor,
      id: number,
      version: number,
    ): Promise<"withdrawn" | "conflict" | "not-found"> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select({ acceptedAt: invitations.acceptedAt })
          .from(invitations)
          .where(eq(invitations.id, id));
        if (!row || row.acceptedAt) return "not-found";
        const [saved] = await tx
          .update(invitations)
          .set({ withdrawnAt: clock(), version: sql`${invitations.version} + 1` })
          .where(
            and(eq(invitations.id, id), eq(invitations.version, version), isNull(invitations.withdrawnAt)),
          )
          .returning({ id: invitations.id });
        if (!saved) return "conflict";
        await audit.record(tx, actor, {
          action: "invitation.withdraw",
          subjectType: "invitation",
          subjectId: id,
        });
        return "withdrawn";
      });
    },

    /** Invitations not yet accepted (open, expired or withdrawn), newest first. */
    async listOpen(): Promise<OpenInvitation[]> {
      const rows = await db
        .select({
          id: invitations.id,
          email: invitations.email,
          displayName: invitations.displayName,
          role: invitations.role,
          organisationId: invitations.organisationId,
          organisationName: organisations.name,
          expiresAt: invitations.expiresAt,
          withdrawnAt: invitations.withdrawnAt,
          version: invitations.version,
        })
        .from(invitations)
        .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
        .where(isNull(invitations.acceptedAt))
        .orderBy(desc(invitations.createdAt), asc(invitations.id));
      return rows.map(({ withdrawnAt, ...row }) => ({ ...row, withdrawn: withdrawnAt !== null }));
    },

    /** Records a refused link (unknown, used, expired, withdrawn) in the audit log. */
    async recordRefusal(actor: AuditActor, state: InvitationState) {
      await audit.record(db, actor, {
        action: "invitation.open",
        subjectType: "invitation",
        subjectId: state.id ?? null,
        outcome: "denied",
        detail: { reason: state.state },
      });
    },

    /** What a link is: open, or unknown (tampered), used, expired or withdrawn. */
    async stateOf(token: string): Promise<InvitationState> {
      if (!/^[\w-]{43}$/.test(token)) return { state: "unknown" };
      const [row] = await db
        .select({
          id: invitations.id,
          email: invitations.email,
          displayName: invitations.displayName,
          role: invitations.role,
          lang: invitations.lang,
          organisationName: organisations.name,
          expiresAt: invitations.expiresAt,
          acceptedAt: invitations.acceptedAt,
          withdrawnAt: invitations.withdrawnAt,
        })
        .from(invitations)
        .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
        .where(eq(invitations.tokenHash, sha256(token)));
      if (!row) return { state: "unknown" };
      if (row.acceptedAt) return { state: "used", id: row.id };
      if (row.withdrawnAt) return { state: "withdrawn", id: row.id };
      if (row.expiresAt.getTime() <= clock().getTime()) return { state: "expired", id: row.id };
      return {
        state: "open",
        id: row.id,
        email: row.email,
        displayName: row.displayName,
        role: row.role,
        organisationName: row.organisationName,
        lang: row.lang,
      };
    },

    /**
     * Accepts an open invitation: makes the account with the chosen password (the usual password rules) and closes
     * the link, in one transaction, audited with the new account as actor.
     */
    async accept(
      token: string,
      password: string,
      clientKey: string | null,
    ): Promise<
      | { ok: true; userId: number }
      | { ok: false; problem: "invalidToken" | "tooShort" | "tooLong" | "weak" | "emailHasAccount" }
    > {
      return db.transaction(async (tx) => {
        const now = clock();
        const [row] = await tx
          .select()
          .from(invitations)
          .where(eq(invitations.tokenHash, sha256(token)))
          .for("update");
        if (!row || row.acceptedAt || row.withdrawnAt || row.expiresAt.getTime() <= now.getTime())
          return { ok: false as const, problem: "invalidToken" as const };
        const problem = passwordProblem(password, row.email);
        if (problem) return { ok: false as const, problem };
        const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, row.email));
        if (taken) return { ok: false as const, problem: "emailHasAccount" as const };
        const [user] = await tx
          .insert(users)
          .values({
            email: row.email,
            displayName: row.displayName,
            organisationId: row.organisationId,
            role: row.role,
            language: row.lang,
            passwordHash: await hashPassword(password),
            createdAt: now,
          })
          .returning({ id: users.id });
        await tx
          .update(invitations)
          .set({ acceptedAt: now, userId: user!.id, version: sql`${invitations.version} + 1` })
          .where(eq(invitations.id, row.id));
        await audit.record(
          tx,
          { userId: user!.id, label: `${row.role}@${row.organisationId}`, clientKey },
          { action: "invitation.accept", subjectType: "invitation", subjectId: row.id },
        );
        return { ok: true as const, userId: user!.id };
      });
    },
  };
}

export type Invitations = ReturnType<typeof createInvitations>;

/** One row of /beheer/gebruikers. */
export type UserSummary = {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  active: boolean;
  lastLoginAt: Date | null;
  version: number;
};

/** Every account, by organisation and name. */
export async function listUsers(db: Database): Promise<UserSummary[]> {
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      organisationId: users.organisationId,
      organisationName: organisations.name,
      active: users.active,
      lastLoginAt: users.lastLoginAt,
      version: users.version,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .orderBy(asc(organisations.name), asc(users.displayName));
}

/**
 * Deactivates or reactivates an account with optimistic locking. Deactivating ends every session at once; the row
 * (and so the name in the history) stays. A beheerder cannot deactivate themselves. Audited.
 */
export async function setUserActive(
  db: Database,
  audit: AuditLog,
  actor: AuditActor,
  input: { userId: number; version: number; active: boolean },
): Promise<"saved" | "conflict" | "not-found" | "self"> {
  if (!input.active && actor.userId === input.userId) return "self";
  return db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
    if (!exists) return "not-found";
    const [saved] = await tx
      .update(users)
      .set({ active: input.active, version: sql`${users.version} + 1` })
      .where(and(eq(users.id, input.userId), eq(users.version, input.version)))
      .returning({ id: users.id });
    if (!saved) return "conflict";
    if (!input.active) await tx.delete(sessions).where(eq(sessions.userId, input.userId));
    await audit.record(tx, actor, {
      action: input.active ? "user.reactivate" : "user.deactivate",
      subjectType: "user",
      subjectId: input.userId,
    });
    return "saved";
  });
}
