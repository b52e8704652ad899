import { describe, expect, it } from "vitest";
import { readDataJson } from "../../db/data-files.js";
import { moveExampleEvents } from "./knowledge.loader.js";
import { curatedEventsFile } from "./knowledge.schemas.js";

const event = (slug: string, startsAt: string, endsAt: string, isExample = true) => ({
  slug,
  starts_at: startsAt,
  ends_at: endsAt,
  is_example: isExample,
});

describe("example events in a demo", () => {
  it("move by whole weeks to start on or after the given day, at the same Dutch wall-clock time", () => {
    const moved = moveExampleEvents(
      [
        // Summer time in the file, winter time after the move: still 13:00 in the Netherlands.
        event("twente", "2026-06-11T13:00:00+02:00", "2026-06-11T17:30:00+02:00"),
        event("later", "2026-12-10T09:30:00+01:00", "2026-12-10T12:00:00+01:00"),
        event("real", "2026-06-01T10:00:00+02:00", "2026-06-01T11:00:00+02:00", false),
      ],
      new Date("2026-11-28T08:00:00Z"),
    );
    // 11 June + 25 weeks = Thursday 3 December, the first Thursday on or after 28 November.
    expect(moved[0]).toMatchObject({
      starts_at: "2026-12-03T12:00:00.000Z",
      ends_at: "2026-12-03T16:30:00.000Z",
    });
    // The same 25 weeks for every example: 10 December + 25 weeks = 3 June 2027, summer time again.
    expect(moved[1]).toMatchObject({ starts_at: "2027-06-03T07:30:00.000Z" });
    // Real events keep their dates.
    expect(moved[2]!.starts_at).toBe("2026-06-01T10:00:00+02:00");
  });

  it("leave an agenda that already lies ahead alone", () => {
    const events = [event("a", "2026-06-11T13:00:00+02:00", "2026-06-11T17:30:00+02:00")];
    expect(moveExampleEvents(events, new Date("2026-05-01T00:00:00Z"))).toBe(events);
  });

  it("put the curated examples ahead of any start day, the first within a week of it", () => {
    const file = curatedEventsFile.parse(readDataJson("knowledge/events.json"));
    const start = new Date("2026-11-28T09:00:00Z");
    const starts = moveExampleEvents(file, start)
      .filter((row) => row.is_example && !row.demo_archive)
      .map((row) => Date.parse(row.starts_at));
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(start.getTime());
    expect(Math.min(...starts) - start.getTime()).toBeLessThan(7 * 24 * 3600 * 1000);
  });

  it("keep the archive examples in the past, so a demo's archive is not empty", () => {
    const file = curatedEventsFile.parse(readDataJson("knowledge/events.json"));
    const start = new Date("2026-11-28T09:00:00Z");
    const archived = moveExampleEvents(file, start).filter((row) => row.demo_archive);
    expect(archived.length).toBeGreaterThanOrEqual(3);
    for (const row of archived) expect(Date.parse(row.ends_at)).toBeLessThan(start.getTime());
    // Moved by the same 25 weeks as the rest: 28 May becomes Thursday 19 November, still 09:00 Dutch time.
    const brabant = archived.find((row) => row.slug === "spreekuur-circulaire-subsidies-brabant-2026-05");
    expect(brabant?.starts_at).toBe("2026-11-19T08:00:00.000Z");
  });
});
