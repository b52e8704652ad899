import { format, formatDate, type Lang, type Localised, pick } from "../../i18n/index.js";
import type { AbsoluteUrl } from "../../web/links.js";
import { composeMail } from "../../web/mail.js";
import type { AlertKind } from "../vocabulary/index.js";
import { alertMessages } from "./alerts.messages.js";

/** A mail as the outbox stores it (the referrals module's `Mail`, which the composition root's queueMail takes). */
export type OutgoingMail = {
  to: string;
  subject: string;
  body: string;
  html: string;
  kind: string;
  headers?: Record<string, string>;
};

/** One thing the digest tells. */
export type DigestItem = {
  key: string;
  kind: AlertKind;
  name: Localised;
  slug: string;
  date?: Date;
};

/** The double opt-in mail: what was signed up for, the confirmation link, and what happens if nobody confirms. */
export function confirmationMail(input: {
  to: string;
  lang: Lang;
  described: readonly string[];
  confirmUrl: string;
}): OutgoingMail {
  const t = alertMessages[input.lang];
  const composed = composeMail({
    lang: input.lang,
    subject: t.confirmMailSubject,
    greeting: t.mailGreeting,
    paragraphs: [t.confirmMailIntro, ...input.described.map((line) => `– ${line}`), t.confirmMailIgnore],
    action: { label: t.confirmMailAction, url: input.confirmUrl },
    closing: t.mailClosing,
    signature: t.mailSignature,
  });
  return {
    to: input.to,
    subject: composed.subject,
    body: composed.text,
    html: composed.html,
    kind: "alert.confirm",
  };
}

/**
 * The digest: every pending item as a link, and the one-click unsubscribe as a link and as the RFC 8058 headers
 * (List-Unsubscribe with the same address, List-Unsubscribe-Post: List-Unsubscribe=One-Click).
 */
export function digestMail(input: {
  to: string;
  lang: Lang;
  items: readonly DigestItem[];
  absoluteUrl: AbsoluteUrl;
  unsubscribeUrl: string;
}): OutgoingMail {
  const { lang } = input;
  const t = alertMessages[lang];
  const query = lang === "en" ? "?lang=en" : "";
  const date = (value: Date | undefined) => (value ? formatDate(value, lang) : "");
  const links = input.items.map((item) => {
    const name = pick(item.name, lang);
    switch (item.kind) {
      case "bijeenkomst":
        return {
          label: format(t.itemEvent, { date: date(item.date), title: name }),
          url: input.absoluteUrl(`/agenda${query}#${item.slug}`),
        };
      case "deadline":
        return {
          label: format(t.itemDeadline, { date: date(item.date), name }),
          url: input.absoluteUrl(`/aanbod/${item.slug}${query}`),
        };
      case "opent":
        return {
          label: format(t.itemOpens, { name }),
          url: input.absoluteUrl(`/aanbod/${item.slug}${query}`),
        };
      default:
        return { label: format(t.itemNew, { name }), url: input.absoluteUrl(`/aanbod/${item.slug}${query}`) };
    }
  });
  const composed = composeMail({
    lang,
    subject: t.digestSubject,
    greeting: t.mailGreeting,
    paragraphs: [t.digestIntro],
    links,
    closing: t.mailClosing,
    signature: t.mailSignature,
    footnote: { text: t.digestWhy, link: { label: t.unsubscribeLinkText, url: input.unsubscribeUrl } },
  });
  return {
    to: input.to,
    subject: composed.subject,
    body: composed.text,
    html: composed.html,
    kind: "alert.digest",
    headers: {
      "List-Unsubscribe": `<${input.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
