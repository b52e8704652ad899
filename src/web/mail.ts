/**
 * The one mail composer (ADR 0085): a structured message — greeting, paragraphs, one primary link, a reference, the
 * loket's contact footer, a signature — rendered as a plain-text part and an HTML part from the same content. Every
 * value is escaped in the HTML part; links must be absolute (made by `absoluteUrl`, ADR 0073), a relative one is a
 * programming error and throws.
 */

/** A labelled line: "Kenmerk: CL-2026-00012", "Telefoon: 053 …". */
export type MailLine = { label: string; value: string };

export type MailContent = {
  lang: "nl" | "en";
  subject: string;
  /** "Beste Fatima de Vries," */
  greeting: string;
  paragraphs: readonly string[];
  /** Facts shown as a short list under the paragraphs (instrument, provider, status in words, date). */
  facts?: readonly MailLine[];
  /** A list of links (an alert digest's items): each a link in HTML, label and address in text. */
  links?: readonly { label: string; url: string }[];
  /** The one thing to do: a button in HTML, the bare address in text. */
  action?: { label: string; url: string };
  /** The reference the recipient quotes when they call or write ("Kenmerk", "Reference"). */
  reference?: MailLine;
  /** Who to contact: the loket's public contact details. */
  contact?: { heading: string; name: string; lines: readonly MailLine[] };
  /** "Met vriendelijke groet," and who sends it. */
  closing: string;
  signature: string;
  /** A small closing line with one link under the signature (the alert mails' one-click unsubscribe). */
  footnote?: { text: string; link: { label: string; url: string } };
};

export type ComposedMail = { subject: string; text: string; html: string };

const ABSOLUTE = /^https?:\/\/[^\s/]+/;

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function requireAbsolute(url: string): string {
  if (!ABSOLUTE.test(url)) throw new Error("a link in a mail must be absolute (made by absoluteUrl)");
  return url;
}

const FONT = "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a";

/** An address or web site in a contact line becomes a link in HTML; any other value stays text. */
function contactValueHtml(value: string): string {
  if (ABSOLUTE.test(value)) return `<a href="${escapeHtml(value)}">${escapeHtml(value)}</a>`;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
    return `<a href="mailto:${escapeHtml(value)}">${escapeHtml(value)}</a>`;
  return escapeHtml(value);
}

/** Renders the structured message as text and HTML. */
export function composeMail(content: MailContent): ComposedMail {
  const action = content.action ? { ...content.action, url: requireAbsolute(content.action.url) } : undefined;
  const line = (item: MailLine) => `${item.label}: ${item.value}`;
  const links = (content.links ?? []).map((link) => ({ ...link, url: requireAbsolute(link.url) }));
  const footnote = content.footnote
    ? {
        ...content.footnote,
        link: { ...content.footnote.link, url: requireAbsolute(content.footnote.link.url) },
      }
    : undefined;

  const text: string[] = [content.greeting, "", ...content.paragraphs.flatMap((p) => [p, ""])];
  if (content.facts?.length) text.push(...content.facts.map(line), "");
  for (const link of links) text.push(`- ${link.label}`, `  ${link.url}`);
  if (links.length) text.push("");
  if (action) text.push(`${action.label}:`, action.url, "");
  if (content.reference) text.push(line(content.reference), "");
  text.push(content.closing, content.signature);
  if (footnote) text.push("", footnote.text, `${footnote.link.label}: ${footnote.link.url}`);
  if (content.contact)
    text.push("", "--", content.contact.heading, content.contact.name, ...content.contact.lines.map(line));

  const p = (inner: string) => `<p style="margin:0 0 16px">${inner}</p>`;
  const html: string[] = [
    "<!DOCTYPE html>",
    `<html lang="${content.lang}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.subject)}</title></head>`,
    `<body style="margin:0;padding:16px;${FONT}">`,
    `<div style="max-width:600px">`,
    p(escapeHtml(content.greeting)),
    ...content.paragraphs.map((paragraph) => p(escapeHtml(paragraph))),
  ];
  if (content.facts?.length)
    html.push(
      `<ul style="margin:0 0 16px;padding-left:20px">${content.facts
        .map((fact) => `<li>${escapeHtml(fact.label)}: <strong>${escapeHtml(fact.value)}</strong></li>`)
        .join("")}</ul>`,
    );
  if (links.length)
    html.push(
      `<ul style="margin:0 0 16px;padding-left:20px">${links
        .map(
          (link) =>
            `<li style="margin:0 0 8px"><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></li>`,
        )
        .join("")}</ul>`,
    );
  if (action)
    html.push(
      p(
        `<a href="${escapeHtml(action.url)}" style="display:inline-block;padding:12px 16px;background:#154273;color:#ffffff;text-decoration:underline;border-radius:4px">${escapeHtml(action.label)}</a>`,
      ),
      p(
        `<span style="font-size:14px"><a href="${escapeHtml(action.url)}">${escapeHtml(action.url)}</a></span>`,
      ),
    );
  if (content.reference)
    html.push(p(`${escapeHtml(content.reference.label)}: ${escapeHtml(content.reference.value)}`));
  html.push(p(`${escapeHtml(content.closing)}<br>${escapeHtml(content.signature)}`));
  if (footnote)
    html.push(
      `<p style="margin:0 0 16px;font-size:14px">${escapeHtml(footnote.text)} <a href="${escapeHtml(footnote.link.url)}">${escapeHtml(footnote.link.label)}</a></p>`,
    );
  if (content.contact)
    html.push(
      `<hr style="border:0;border-top:1px solid #cccccc;margin:24px 0 16px">`,
      `<p style="margin:0 0 8px;font-size:14px"><strong>${escapeHtml(content.contact.heading)}</strong><br>${escapeHtml(content.contact.name)}${content.contact.lines
        .map((item) => `<br>${escapeHtml(item.label)}: ${contactValueHtml(item.value)}`)
        .join("")}</p>`,
    );
  html.push("</div>", "</body>", "</html>");
  return { subject: content.subject, text: text.join("\n"), html: html.join("\n") };
}

/**
 * The HTML part for a mail written as plain text only (the password reset): paragraphs and line breaks kept, every
 * character escaped, absolute web addresses made into links.
 */
export function plainTextToHtml(subject: string, text: string, lang: "nl" | "en" = "nl"): string {
  const linked = (chunk: string) =>
    escapeHtml(chunk).replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}">${url}</a>`);
  const paragraphs = text
    .split(/\n{2,}/)
    .map((block) => `<p style="margin:0 0 16px">${block.split("\n").map(linked).join("<br>")}</p>`);
  return [
    "<!DOCTYPE html>",
    `<html lang="${lang}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:16px;${FONT}">`,
    `<div style="max-width:600px">`,
    ...paragraphs,
    "</div>",
    "</body>",
    "</html>",
  ].join("\n");
}
