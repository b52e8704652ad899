import type { Database } from "../../db/client.js";
import { format, isLang, type Lang } from "../../i18n/index.js";
import { enqueueJob, type JobHandler } from "../../jobs/index.js";
import type { AbsoluteUrl } from "../../web/links.js";
import { authMessages } from "./auth.messages.js";
import { type AuthSettings, createAuthService, normaliseEmail } from "./auth.service.js";

export const PASSWORD_RESET_QUEUE = "auth.password-reset";

/** An e-mail to send: the composition root stores it in the outbox and queues its delivery. */
export type OutgoingMail = { to: string; subject: string; body: string; kind: string };

/**
 * Asks for a reset link: one job, whatever the address. The request does the same work for a known and an unknown
 * address (one insert), so its timing says nothing about which addresses have an account; the job does the rest.
 */
export async function requestPasswordReset(
  db: Database,
  email: string,
  lang: Lang,
  now: Date,
): Promise<void> {
  await enqueueJob(
    db,
    PASSWORD_RESET_QUEUE,
    { email: normaliseEmail(email), lang },
    { runAt: now, maxAttempts: 3 },
  );
}

/**
 * The job behind `requestPasswordReset`: for a known, active address a one-hour token and the mail with its link,
 * on the public origin; for any other address nothing. Token and mail commit with the job, in `tx`.
 */
export function passwordResetJobs(deps: {
  settings: AuthSettings;
  clock: () => Date;
  absoluteUrl: AbsoluteUrl;
  queueMail: (tx: Database, mail: OutgoingMail) => Promise<void>;
}): Record<string, JobHandler> {
  return {
    [PASSWORD_RESET_QUEUE]: async (payload, { tx }) => {
      const lang = isLang(payload.lang) ? payload.lang : "nl";
      const email = typeof payload.email === "string" ? payload.email : "";
      const reset = await createAuthService(tx, deps.settings, deps.clock).createPasswordReset(email);
      if (!reset) return;
      const t = authMessages[lang];
      const link = deps.absoluteUrl(`/wachtwoord-herstellen?token=${reset.token}&lang=${lang}`);
      await deps.queueMail(tx, {
        to: reset.email,
        subject: t.resetMailSubject,
        body: format(t.resetMailBody, { link }),
        kind: "password_reset",
      });
    },
  };
}
