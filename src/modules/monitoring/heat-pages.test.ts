import { beforeAll, expect, it } from "vitest";
import { createTestApp } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { createMonitoringRepository } from "./monitoring.repository.js";

/** The items of the list under a heading id, as plain text. */
const listAfter = (html: string, id: string) => {
  const start = html.indexOf(`id="${id}"`);
  expect(start, id).toBeGreaterThan(0);
  const list = html.slice(start).match(/<ul[^>]*>([\s\S]*?)<\/ul>/)?.[1] ?? "";
  return [...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((match) =>
    match[1]!.replace(/<[^>]+>/g, "").trim(),
  );
};

describeEachDatabase("readable coverage figures and the public region page (ADR 0089)", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    app = await createTestApp(database());
  });

  it("/monitor/dekking is a heat map: a shaded cell with its number for every region, step and phase", async () => {
    const response = await app.request("/monitor/dekking");
    expect(response.status).toBe(200);
    const html = await response.text();
    const cells = [
      ...html.matchAll(/<td class="[^"]*cl-heat cl-heat-(\d)"[^>]*data-count="(\d+)"[^>]*>(\d+)/g),
    ];
    expect(cells).toHaveLength(30 * 6 * 3);
    for (const [, level, count, printed] of cells) {
      expect(printed).toBe(count);
      const n = Number(count);
      // The level follows the count: 0 alone, then 1, 2, 3–4, 5–7, 8 and more.
      expect(Number(level)).toBe(n === 0 ? 0 : n === 1 ? 1 : n === 2 ? 2 : n <= 4 ? 3 : n <= 7 ? 4 : 5);
    }
    // The figures equal the CSV's.
    const csv = await (await app.request("/monitor/dekking.csv")).text();
    const fromCsv = csv
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(",").at(-1));
    expect(cells.map((cell) => cell[2])).toEqual(fromCsv);
    // The legend names every shade in words, and the table is summed up in a sentence.
    expect(html).toContain('id="legenda"');
    expect(listAfter(html, "legenda")).toEqual([
      "0 0: gat",
      "1 1",
      "2 2",
      "3 3 tot en met 4",
      "5 5 tot en met 7",
      "8 8 of meer",
    ]);
    expect(html).toMatch(
      /De tabel heeft 540 vakken: 30 regio&#39;s, 6 stappen en 3 fasen\. Aantal gaten \(vakken met 0 instrumenten\): \d+\./,
    );
    // Every cell keeps its headers: region, step and phase (the full phase name is read out).
    expect(html).toContain('headers="regio-ES04 stap-invoering kop-invoering-peloton"');
    expect(html).toContain('<span class="cl-visually-hidden">Peloton</span>');
  });

  it("shows one step at a time for narrow screens, with links that work without JavaScript", async () => {
    const html = await (await app.request("/monitor/dekking?stap=invoering")).text();
    expect(html.match(/class="[^"]*cl-heat cl-heat-\d"/g)).toHaveLength(30 * 3);
    expect(html).toContain("Aantal beschikbare instrumenten per regio en fase, stap Maatregelen invoeren");
    expect(html).toContain('href="/monitor/dekking?stap=ketensamenwerking#matrix"');
    expect(html).toMatch(/<a[^>]*href="\/monitor\/dekking\?stap=invoering#matrix"[^>]*aria-current="page"/);
    // An unknown step shows them all, in English too.
    const all = await (await app.request("/monitor/dekking?stap=onzin&lang=en")).text();
    expect(all.match(/class="[^"]*cl-heat cl-heat-\d"/g)).toHaveLength(540);
    expect(all).toContain("Colour and count");
    expect(all).toContain("The table in words");
  });

  it("/regio/ES04 shows the monitor's star level and what is missing for the next star", async () => {
    const html = await (await app.request("/regio/ES04")).text();
    const monitor = await (await app.request("/monitor/regio/ES04")).text();
    const stars = Number(monitor.match(/Regio Twente heeft (\d) van 5 sterren/)?.[1]);
    expect(stars).toBeGreaterThanOrEqual(0);
    expect(html).toContain(`data-stars="${stars}"`);
    expect(html).toContain(`Regio Twente heeft ${stars} van de 5 sterren.`);
    const missing = listAfter(html, "volgende-ster");
    expect(missing.length).toBeGreaterThan(0);
    expect(missing).toEqual(listAfter(monitor, "voorwaarden"));
    // The provincial and regional offer, each with its status and a link; examples and events sections; gaps.
    const offer = listAfter(html, "aanbod");
    expect(offer.length).toBeGreaterThan(0);
    for (const item of offer)
      expect(item).toMatch(/\((Provinciaal|RES-regio|Regionaal)[^)]*, (open|doorlopend|verwacht)/i);
    expect(html).toContain('href="/agenda?regio=ES04"');
    expect(html).toContain('href="/voorbeelden?regio=ES04"');
    expect(html).toContain('id="open-gaten"');
    // Loket and contact details stay.
    expect(html).toContain("Agenda voor Twente");
    const english = await (await app.request("/regio/ES04?lang=en")).text();
    expect(english).toContain(`The Twente region has ${stars} of 5 stars.`);
    expect(english).toContain("What is missing for the next star");
  });

  it("/monitor/doelen shows each goal's progress as a number, a percentage and a bar", async () => {
    await createMonitoringRepository(database().db).createGoal({
      indicator: "coverage_gaps",
      scopeLevel: "national",
      scopeCode: null,
      baseline: 10,
      target: 0,
      startsOn: "2026-01-01",
      deadline: "2027-12-31",
    });
    const html = await (await app.request("/monitor/doelen")).text();
    // No cell of the matrix is a gap today: 10 → 0 is reached, all the way.
    expect(html).toContain("(100% op weg naar het doel)");
    expect(html).toMatch(/<rect x="0" y="0" width="100" height="10" class="cl-goal-progress__done"/);
    const english = await (await app.request("/monitor/doelen?lang=en")).text();
    expect(english).toContain("(100% of the way to the target)");
  });
});
