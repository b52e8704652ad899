import { eq } from "drizzle-orm";
import type { Logger } from "pino";
import type { Database } from "../../db/client.js";
import { enqueueJob, type JobHandler } from "../../jobs/index.js";
import { type ComposedMail, plainTextToHtml } from "../../web/mail.js";
import { outboxMessages } from "./referrals.tables.js";

/**
 * A mail to store and send: the plain-text `body` and, from the mail composer (src/web/mail.ts), its `html` part.
 * A mail written as text only gets an HTML part made from its text, so every stored mail has both (ADR 0085).
 */
export type Mail = {
  to: string;
  subject: string;
  body: string;
  html?: string;
  kind: string;
  caseId?: number | null;
  /** Extra headers (List-Unsubscribe on alert mails); stored with the message and handed to the transport. */
  headers?: Record<string, string>;
};

/** A composed mail as the outbox stores it. */
export const mailOf = (
  composed: ComposedMail,
  envelope: { to: string; kind: string; caseId?: number | null; headers?: Record<string, string> },
): Mail => ({ ...envelope, subject: composed.subject, body: composed.text, html: composed.html });

export const MAIL_QUEUE = "mail.deliver";

/** Stores the message and queues its delivery, in the caller's transaction: no mail for a change that rolled back. */
export async function queueMail(db: Database, mail: Mail, now: Date): Promise<number> {
  const [row] = await db
    .insert(outboxMessages)
    .values({
      toAddress: mail.to,
      subject: mail.subject,
      body: mail.body,
      html: mail.html ?? plainTextToHtml(mail.subject, mail.body),
      kind: mail.kind,
      caseId: mail.caseId ?? null,
      headers: mail.headers ?? null,
      createdAt: now,
    })
    .returning({ id: outboxMessages.id });
  await enqueueJob(db, MAIL_QUEUE, { messageId: row!.id }, { maxAttempts: 8, runAt: now });
  return row!.id;
}

/** Sends one stored message; the SMTP seam tests can replace. */
export type MailTransport = {
  name: string;
  send(message: {
    to: string;
    subject: string;
    text: string;
    html?: string;
    messageId: string;
    headers?: Record<string, string>;
  }): Promise<void>;
};

/** SMTP through nodemailer when SMTP_URL is set (text and HTML parts); otherwise the message stays in the outbox only. */
export async function createMailTransport(smtpUrl: string | undefined, from: string): Promise<MailTransport> {
  if (!smtpUrl) return { name: "outbox", send: async () => {} };
  const nodemailer = await import("nodemailer");
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    name: "smtp",
    async send(message) {
      await transporter.sendMail({ from, ...message });
    },
  };
}

/** The job handler that delivers a stored message; the Message-ID makes a retried send recognisable as one. */
export function mailDeliveryHandler(
  transport: MailTransport,
  clock: () => Date,
  logger: Logger,
  host = "circulair-loket.invalid",
): JobHandler {
  return async (payload, { tx }) => {
    const id = Number(payload.messageId);
    const [message] = await tx.select().from(outboxMessages).where(eq(outboxMessages.id, id));
    if (!message || message.sentAt) return;
    await transport.send({
      to: message.toAddress,
      subject: message.subject,
      text: message.body,
      html: message.html ?? undefined,
      messageId: `<outbox-${message.id}@${host}>`,
      ...(message.headers ? { headers: message.headers } : {}),
    });
    await tx
      .update(outboxMessages)
      .set({ sentAt: clock(), transport: transport.name })
      .where(eq(outboxMessages.id, id));
    logger.info({ messageId: id, kind: message.kind, transport: transport.name }, "mail delivered");
  };
}
