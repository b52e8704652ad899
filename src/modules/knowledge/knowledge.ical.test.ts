import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { escapeText, foldLine, formatUtc, writeCalendar } from "./knowledge.ical.js";

describe("the iCal writer", () => {
  it("escapes backslashes, semicolons, commas and newlines in TEXT values", () => {
    expect(escapeText("a\\b; c, d\ne")).toBe("a\\\\b\\; c\\, d\\ne");
  });

  it("folds lines at 75 octets without splitting a UTF-8 character", () => {
    const line = `SUMMARY:${"één fraaie circulaire bijeenkomst — ".repeat(6)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(" ")).toBe(true);
    expect(parts.map((part, index) => (index === 0 ? part : part.slice(1))).join("")).toBe(line);
  });

  it("writes times in UTC", () => {
    expect(formatUtc(new Date("2027-03-15T09:00:00+01:00"))).toBe("20270315T080000Z");
  });

  it("produces a calendar that ical.js parses back to the same event", () => {
    const text = writeCalendar({
      name: "Agenda één",
      lang: "nl",
      events: [
        {
          uid: "event-1@example.org",
          stamp: new Date("2026-11-01T10:00:00Z"),
          start: new Date("2027-03-15T09:00:00+01:00"),
          end: new Date("2027-03-15T12:30:00+01:00"),
          summary: "[Voorbeeld] Werkplaats: reststromen, hout; metaal",
          description: `Regel één\nRegel twee met een lange tekst ${"x".repeat(120)}`,
          location: "Enschede, Twente",
          url: "https://example.org/agenda#event-1",
          sequence: 2,
          status: "TENTATIVE",
          categories: ["Voorbeeld"],
        },
      ],
    });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    const calendar = new ICAL.Component(ICAL.parse(text));
    const [vevent] = calendar.getAllSubcomponents("vevent");
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe("event-1@example.org");
    expect(event.summary).toBe("[Voorbeeld] Werkplaats: reststromen, hout; metaal");
    expect(event.location).toBe("Enschede, Twente");
    expect(event.description).toContain("Regel één\nRegel twee");
    expect(event.startDate.toJSDate().toISOString()).toBe("2027-03-15T08:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2027-03-15T11:30:00.000Z");
    expect(vevent!.getFirstPropertyValue("dtstamp")).toBeTruthy();
    expect(vevent!.getFirstPropertyValue("status")).toBe("TENTATIVE");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Agenda één");
  });
});
