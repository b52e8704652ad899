import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, lte, or, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { hashPassword, passwordProblem, verifyPassword } from "./auth.passwords.js";
import type { Principal } from "./auth.policy.js";
import { passwordResets, sessions, userIdentities, users } from "./auth.tables.js";

export type AuthSettings = { sessionIdleMinutes: number; sessionAbsoluteHours: number };

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");
/** E-mail addresses are compared lower-case and trimmed. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

type PrincipalRow = {
  user_id: number;
  email: string;
  display_name: string;
  role: Principal["role"];
  organisation_id: string;
  organisation_name: string;
  organisation_kind: Principal["organisationKind"];
  provider_id: string | null;
  region_codes: string[];
  scope: Principal["scope"];
  created_at?: Date | string;
  last_seen_at?: Date | string;
  expires_at?: Date | string;
};

const toPrincipal = (row: PrincipalRow): Principal => ({
  userId: row.user_id,
  email: row.email,
  displayName: row.display_name,
  role: row.role,
  organisationId: row.organisation_id,
  organisationName: row.organisation_name,
  organisationKind: row.organisation_kind,
  providerId: row.provider_id,
  regionCodes: row.region_codes ?? [],
  scope: row.scope,
});

/**
 * Accounts and server-side sessions. The cookie carries a random 256-bit token; only its SHA-256 is stored, so a
 * leaked sessions table does not let anyone sign in. A session ends after the idle timeout or the absolute timeout.
 */
export function createAuthService(
  db: Database,
  settings: AuthSettings,
  clock: () => Date = () => new Date(),
) {
  async function principalFor(userId: number): Promise<Principal | undefined> {
    const [row] = await queryRows<PrincipalRow>(
      db,
      sql`select u.id as user_id, u.email, u.display_name, u.role, o.id as organisation_id,
                 o.name as organisation_name, o.kind as organisation_kind, o.provider_id, o.region_codes, o.scope
          from users u join organisations o on o.id = u.organisation_id
          where u.id = ${userId} and u.active`,
    );
    return row ? toPrincipal(row) : undefined;
  }

  return {
    principalFor,
    /** Checks e-mail and password; answers the user id, or undefined (same time either way). */
    async verifyCredentials(email: string, password: string): Promise<number | undefined> {
      const [user] = await db
        .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
        .from(users)
        .where(eq(users.email, normaliseEmail(email)));
      const ok = await verifyPassword(user?.passwordHash, password);
      return ok && user?.active ? user.id : undefined;
    },
    /**
     * The OIDC seam: the user linked to an external identity (issuer + subject), e.g. eHerkenning through a broker
     * or a staff IdP. A callback route verifies the token, calls this, then `startSession` — nothing else changes.
     */
    async userForIdentity(issuer: string, subject: string): Promise<number | undefined> {
      const [row] = await db
        .select({ id: users.id })
        .from(userIdentities)
        .innerJoin(users, eq(users.id, userIdentities.userId))
        .where(
          and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject), eq(users.active, true)),
        );
      return row?.id;
    },
    /** Links an external identity to a user (done by a beheerder or at first login after an invitation). */
    async linkIdentity(userId: number, issuer: string, subject: string): Promise<void> {
      await db.insert(userIdentities).values({ userId, issuer, subject, createdAt: clock() });
    },
    /** Starts a new session (login rotates: the caller ends the old one). Returns the cookie value. */
    async startSession(userId: number): Promise<{ token: string; maxAgeSeconds: number }> {
      const token = newToken();
      const now = clock();
      await db.insert(sessions).values({
        idHash: sha256(token),
        userId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + settings.sessionAbsoluteHours * 3_600_000),
        idleMinutes: settings.sessionIdleMinutes,
        idleExpiresAt: new Date(now.getTime() + settings.sessionIdleMinutes * 60_000),
      });
      await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, userId));
      return { token, maxAgeSeconds: settings.sessionAbsoluteHours * 3600 };
    },
    /**
     * The principal of a live session, or undefined when it is unknown, idle too long or past its end. The idle end
     * and window are the session's own (set at login), not this instance's setting.
     */
    async resume(token: string): Promise<Principal | undefined> {
      if (!/^[\w-]{43}$/.test(token)) return undefined;
      const idHash = sha256(token);
      const now = clock().getTime();
      const [row] = await queryRows<
        PrincipalRow & { expires_at: string | Date; idle_expires_at: string | Date; idle_minutes: number }
      >(
        db,
        sql`select s.expires_at, s.idle_expires_at, s.idle_minutes, u.id as user_id, u.email, u.display_name,
                   u.role, o.id as organisation_id, o.name as organisation_name, o.kind as organisation_kind,
                   o.provider_id, o.region_codes, o.scope
            from sessions s join users u on u.id = s.user_id join organisations o on o.id = u.organisation_id
            where s.id_hash = ${idHash} and u.active`,
      );
      if (!row) return undefined;
      const idleEnd = new Date(row.idle_expires_at).getTime();
      if (new Date(row.expires_at).getTime() <= now || idleEnd <= now) {
        await db.delete(sessions).where(eq(sessions.idHash, idHash));
        return undefined;
      }
      // Moved on once less than half the window is left: at most two writes per idle window of activity, and a
      // session in use never runs out, however short its window.
      const idleMs = row.idle_minutes * 60_000;
      if (idleEnd - now < idleMs / 2)
        await db
          .update(sessions)
          .set({ lastSeenAt: new Date(now), idleExpiresAt: new Date(now + idleMs) })
          .where(eq(sessions.idHash, idHash));
      return toPrincipal(row);
    },
    /** Ends one session (logout, or rotation at login). */
    async endSession(token: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.idHash, sha256(token)));
    },
    /** Deletes sessions past their own end (absolute or idle); run from a scheduled job on any instance. */
    async purgeExpiredSessions(): Promise<void> {
      const now = clock();
      await db.delete(sessions).where(or(lte(sessions.expiresAt, now), lte(sessions.idleExpiresAt, now)));
    },
    /** Creates a one-hour reset token for a known, active e-mail address; undefined otherwise (not revealed). */
    async createPasswordReset(email: string): Promise<{ token: string; email: string } | undefined> {
      const [user] = await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(and(eq(users.email, normaliseEmail(email)), eq(users.active, true)));
      if (!user) return undefined;
      const token = newToken();
      await db.insert(passwordResets).values({
        tokenHash: sha256(token),
        userId: user.id,
        expiresAt: new Date(clock().getTime() + 3_600_000),
      });
      return { token, email: user.email };
    },
    /** Whether a reset token is still usable. */
    async resetTokenValid(token: string): Promise<boolean> {
      const [row] = await db
        .select({ userId: passwordResets.userId })
        .from(passwordResets)
        .where(
          and(
            eq(passwordResets.tokenHash, sha256(token)),
            isNull(passwordResets.usedAt),
            gt(passwordResets.expiresAt, clock()),
          ),
        );
      return Boolean(row);
    },
    /** Sets a new password with a reset token; ends every session of that user. */
    async resetPassword(
      token: string,
      password: string,
    ): Promise<
      { ok: true; userId: number } | { ok: false; problem: "invalidToken" | "tooShort" | "tooLong" | "weak" }
    > {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select({ userId: passwordResets.userId, email: users.email })
          .from(passwordResets)
          .innerJoin(users, eq(users.id, passwordResets.userId))
          .where(
            and(
              eq(passwordResets.tokenHash, sha256(token)),
              isNull(passwordResets.usedAt),
              gt(passwordResets.expiresAt, clock()),
            ),
          );
        if (!row) return { ok: false as const, problem: "invalidToken" as const };
        const problem = passwordProblem(password, row.email);
        if (problem) return { ok: false as const, problem };
        await tx
          .update(users)
          .set({ passwordHash: await hashPassword(password), version: sql`${users.version} + 1` })
          .where(eq(users.id, row.userId));
        await tx
          .update(passwordResets)
          .set({ usedAt: clock() })
          .where(eq(passwordResets.tokenHash, sha256(token)));
        await tx.delete(sessions).where(eq(sessions.userId, row.userId));
        await tx.delete(passwordResets).where(lt(passwordResets.expiresAt, clock()));
        return { ok: true as const, userId: row.userId };
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
