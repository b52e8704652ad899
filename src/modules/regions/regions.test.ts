import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { createTestApp } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { queryRows } from "../../db/client.js";
import { seedReferenceData } from "../../db/seed.js";

describeEachDatabase("regions", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    app = await createTestApp(database());
  });

  const count = async (table: string) =>
    Number(
      (await queryRows<{ n: number }>(database().db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!
        .n,
    );

  it("holds the 2025 reference data: 12 provinces, 342 municipalities, 30 regions, SBI and R-ladder", async () => {
    expect(await count("provinces")).toBe(12);
    expect(await count("municipalities")).toBe(342);
    expect(await count("regions")).toBe(30);
    expect(await count("r_strategies")).toBe(10);
    expect(await count("sbi_codes where version = '2008' and level = 'section'")).toBe(21);
    expect(await count("sbi_codes where version = '2008' and level = 'division'")).toBe(86);
    // Every municipality belongs to exactly one region, and every region has municipalities.
    expect(await count("municipalities where region_code is null")).toBe(0);
    expect(
      await count("regions r where not exists (select 1 from municipalities m where m.region_code = r.code)"),
    ).toBe(0);
  });

  it("loading the reference data again changes nothing", async () => {
    expect(await seedReferenceData(database().db)).toBe(0);
    expect(await count("municipalities")).toBe(342);
  });

  it("/regio lists all 30 regions grouped by province", async () => {
    const response = await app.request("/regio");
    expect(response.status).toBe(200);
    const html = await response.text();
    const regionLinks = new Set([...html.matchAll(/href="\/regio\/(ES\d\d)"/g)].map((match) => match[1]));
    expect(regionLinks.size).toBe(30);
    expect(html).toContain('id="provincie-overijssel"');
    // Foodvalley lies in Gelderland and Utrecht and is listed under both.
    expect(html.match(/href="\/regio\/ES09"/g)).toHaveLength(2);
  });

  it("/regio/ES04 shows Twente with Enschede and its real regional network", async () => {
    const html = await (await app.request("/regio/ES04")).text();
    expect(html).toContain('<h1 class="utrecht-heading-1">Regio Twente</h1>');
    expect(html).toContain("Enschede");
    expect(html).toContain("Overijssel");
    expect(html).toContain("Agenda voor Twente");
    expect(html).toContain('href="https://www.agendavoortwente.nl"');
  });

  it("normalises the region code in the address and answers 404 for an unknown one", async () => {
    const redirect = await app.request("/regio/es04");
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("location")).toBe("/regio/ES04");
    const missing = await app.request("/regio/ES99");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Pagina niet gevonden");
  });

  it.each([
    ["Enschede", "ES04", "GM0153"],
    ["enschede", "ES04", "GM0153"],
    ["Den Haag", "ES23", "GM0518"],
    ["'s-Hertogenbosch", "ES27", "GM0796"],
    ["Sudwest-Fryslan", "ES02", "GM1900"],
  ])("the picker leads from %s to its region", async (name, region, municipality) => {
    const response = await app.request(`/regio?gemeente=${encodeURIComponent(name)}`);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `/regio/${region}?gemeente=${municipality}#${municipality}`,
    );
  });

  it("an unknown municipality re-shows the form with an error summary, in the visitor's language", async () => {
    const response = await app.request("/regio?gemeente=Atlantis");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Er is een probleem");
    expect(html).toContain('href="#gemeente"');
    expect(html).toContain("Atlantis");
    const english = await (await app.request("/regio?gemeente=&lang=en")).text();
    expect(english).toContain("There is a problem");
    expect(english).toContain("Enter the name of your municipality or town.");
  });
});
