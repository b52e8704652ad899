/**
 * A minimal RFC 5545 writer for the agenda feed: CRLF line endings, lines folded at 75 octets without splitting a
 * UTF-8 character, TEXT values escaped, all times in UTC (so no VTIMEZONE is needed).
 */

export type CalendarEvent = {
  uid: string;
  /** When this version of the event was last changed (DTSTAMP and LAST-MODIFIED). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string;
  url?: string;
  /** Increases with each change, so calendar apps replace the older copy. */
  sequence: number;
  /** TENTATIVE for invented example events, CONFIRMED otherwise. */
  status: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
  categories: string[];
};

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds one content line into chunks of at most 75 octets; continuation lines start with one space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let currentBytes = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    const limit = parts.length === 0 ? 75 : 74; // the leading space of a continuation counts too
    if (currentBytes + size > limit) {
      parts.push(current);
      current = "";
      currentBytes = 0;
    }
    current += character;
    currentBytes += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** 20270315T080000Z */
export function formatUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** Writes a VCALENDAR with one VEVENT per event. */
export function writeCalendar(calendar: { name: string; lang: string; events: CalendarEvent[] }): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Circulair Loket//Agenda//NL",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
  ];
  for (const event of calendar.events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${event.uid}`,
      `DTSTAMP:${formatUtc(event.stamp)}`,
      `LAST-MODIFIED:${formatUtc(event.stamp)}`,
      `SEQUENCE:${event.sequence}`,
      `DTSTART:${formatUtc(event.start)}`,
      `DTEND:${formatUtc(event.end)}`,
      `SUMMARY;LANGUAGE=${calendar.lang}:${escapeText(event.summary)}`,
      `DESCRIPTION;LANGUAGE=${calendar.lang}:${escapeText(event.description)}`,
      `LOCATION:${escapeText(event.location)}`,
      `STATUS:${event.status}`,
    );
    if (event.categories.length) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(",")}`);
    if (event.url) lines.push(`URL:${event.url}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
