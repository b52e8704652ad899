import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, expect, it } from "vitest";
import { createTestApp } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { readDataJson } from "../../db/data-files.js";

// HSDS's compiled schemas carry Table Schema keywords besides JSON Schema; they are registered as a vocabulary.
const HSDS_KEYWORDS = [
  "constraints",
  "core",
  "datapackage_metadata",
  "datapackage_type",
  "example",
  "name",
  "order",
  "path",
  "tabular_required",
];
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../tests/fixtures/hsds/${name}`, import.meta.url), "utf8"));

function hsdsValidators() {
  const ajv = new Ajv2020.default({ allErrors: true, strict: true });
  addFormats.default(ajv);
  ajv.addVocabulary(HSDS_KEYWORDS);
  return {
    service: ajv.compile(fixture("service.json")),
    organization: ajv.compile(fixture("organization.json")),
  };
}

describeEachDatabase("catalogue API validates against HSDS 3.0", (database) => {
  let app: Awaited<ReturnType<typeof createTestApp>>;
  let validate: ReturnType<typeof hsdsValidators>;
  const curated = readDataJson<{ ref_id: string }[]>("catalogue/instruments.json");
  beforeAll(async () => {
    app = await createTestApp(database());
    validate = hsdsValidators();
  });

  it("every curated instrument in the list is a valid HSDS service, in Dutch and English", async () => {
    for (const lang of ["nl", "en"]) {
      const body = await (await app.request(`/api/v1/services?per_page=100&lang=${lang}`)).json();
      expect(body.total_items).toBe(curated.length);
      expect(body.contents.map((service: { ref_id: string }) => service.ref_id).sort()).toEqual(
        curated.map((i) => i.ref_id).sort(),
      );
      for (const service of body.contents) {
        const valid = validate.service(service);
        expect(valid, `${service.ref_id}: ${JSON.stringify(validate.service.errors)}`).toBe(true);
      }
    }
  });

  it("every curated instrument by id is a valid HSDS service with its profile fields", async () => {
    for (const { ref_id } of curated) {
      const response = await app.request(`/api/v1/services/${ref_id}`);
      expect(response.status).toBe(200);
      const service = await response.json();
      expect(validate.service(service), `${ref_id}: ${JSON.stringify(validate.service.errors)}`).toBe(true);
      expect(service.ref_id).toBe(ref_id);
      expect(service.journey_steps.length).toBeGreaterThan(0);
      expect(service.coverage.level).toMatch(/^(eu|national|province|res_region|municipality)$/);
      const byUuid = await app.request(`/api/v1/services/${service.id}`);
      expect((await byUuid.json()).ref_id).toBe(ref_id);
    }
  });

  it("every provider is a valid HSDS organization", async () => {
    const body = await (await app.request("/api/v1/organizations?per_page=100")).json();
    expect(body.total_items).toBe(readDataJson<unknown[]>("catalogue/organizations.json").length);
    for (const organization of body.contents)
      expect(validate.organization(organization), JSON.stringify(validate.organization.errors)).toBe(true);
  });

  it("the HSDS JSON export holds every curated service, each valid", async () => {
    const body = await (await app.request("/api/v1/export/hsds.json")).json();
    expect(body.hsds_version).toBe("3.0");
    expect(body.services).toHaveLength(curated.length);
    for (const service of body.services) expect(validate.service(service)).toBe(true);
  });
});
