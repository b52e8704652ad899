import { createHash, timingSafeEqual } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { isLang, type Lang } from "../../i18n/index.js";
import {
  createApiRouter,
  hsdsPage,
  pagingQuery,
  problemResponses,
  toHsdsPage,
} from "../../web/api/api-router.js";
import { AppError, invalidInput, notFound } from "../../web/errors.js";
import type { AbsoluteUrl } from "../../web/links.js";
import { exportCsv, exportHsds } from "./catalogue.export.js";
import {
  TAXONOMIES,
  toHsdsOrganization,
  toHsdsService,
  toHsdsTaxonomy,
  toHsdsTaxonomyTerm,
} from "./catalogue.hsds.js";
import { parseImportFile } from "./catalogue.import.js";
import { MAX_QUERY_LENGTH } from "./catalogue.query.js";
import type { CatalogueService } from "./catalogue.service.js";
import { FACETS } from "./catalogue.vocabulary.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const Localised = z.string();
const ServiceSchema = z
  .looseObject({
    id: z.string().openapi({ format: "uuid" }),
    organization_id: z.string().openapi({ format: "uuid" }),
    name: Localised,
    description: z.string(),
    status: z.enum(["active", "inactive", "defunct", "temporarily closed"]),
    ref_id: z.string().openapi({ description: "Profile field: stable external id" }),
    journey_steps: z.array(z.string()).openapi({ description: "Profile field: customer journey steps" }),
    phases: z
      .array(z.string())
      .openapi({ description: "Profile field: phases (starter, peloton, koploper)" }),
    themes: z.array(z.string()).openapi({ description: "Profile field: circular themes" }),
    r_strategies: z.array(z.string()).openapi({ description: "Profile field: R-ladder strategies" }),
    coverage: z
      .object({ level: z.string(), codes: z.array(z.string()) })
      .openapi({ description: "Profile field: where the instrument applies" }),
  })
  .openapi("Service", {
    description: "HSDS 3.0 service with Circulair Loket profile fields (see /api/profile)",
  });
const OrganizationSchema = z
  .looseObject({ id: z.string(), name: z.string(), description: z.string() })
  .openapi("Organization");
const TaxonomySchema = z
  .looseObject({ id: z.string(), name: z.string(), description: z.string() })
  .openapi("Taxonomy");
const TaxonomyTermSchema = z
  .looseObject({ id: z.string(), code: z.string(), name: z.string(), description: z.string() })
  .openapi("TaxonomyTerm");

const facetParam = (values: readonly string[]) =>
  z
    .string()
    .max(500)
    .optional()
    .openapi({ description: `Comma-separated; one or more of: ${values.join(", ")}`, example: values[0] });

const ServicesQuery = z.object({
  q: z.string().max(MAX_QUERY_LENGTH).optional().openapi({
    description: "Full-text search (Dutch by default; lang=en for English)",
    example: "subsidie ketensamenwerking",
  }),
  lang: z.enum(["nl", "en"]).optional().openapi({ description: "Language of texts and of the search" }),
  municipality: z
    .string()
    .regex(/^GM\d{4}$/, "use a CBS municipality code such as GM0153")
    .optional()
    .openapi({
      description: "Available in this municipality (includes national and provincial instruments)",
      example: "GM0153",
    }),
  province: z
    .string()
    .regex(/^PV\d{2}$/, "use a CBS province code such as PV23")
    .optional(),
  region: z
    .string()
    .regex(/^ES\d{2}$/, "use a RES region code such as ES04")
    .optional(),
  journey_step: facetParam(FACETS[0].values),
  phase: facetParam(FACETS[1].values),
  theme: facetParam(FACETS[2].values),
  kind: facetParam(FACETS[3].values),
  status: facetParam(FACETS[4].values),
  sort: z.enum(["relevance", "newest", "closing"]).optional(),
  ...pagingQuery,
});

const IdParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: "id", in: "path" }, description: "UUID (or ref_id)" }),
});
const LangQuery = z.object({ lang: z.enum(["nl", "en"]).optional() });
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  200: { description, content: { "application/json": { schema } } },
  ...problemResponses,
});

/** Public, cacheable JSON: Cache-Control and a strong ETag; answers 304 when the client has it already. */
function cachedJson(c: Context, body: unknown, maxAge = 60) {
  const text = JSON.stringify(body);
  const etag = `"${createHash("sha1").update(text).digest("base64url")}"`;
  c.header("Cache-Control", `public, max-age=${maxAge}`);
  c.header("ETag", etag);
  if (c.req.header("if-none-match") === etag) return c.body(null, 304);
  return c.body(text, 200, { "Content-Type": "application/json; charset=utf-8" });
}

function requestLang(c: Context, explicit: string | undefined): Lang {
  if (isLang(explicit)) return explicit;
  const lang = (c as Context<{ Variables: { lang: Lang } }>).get("lang");
  return isLang(lang) ? lang : "nl";
}

function facetValues(query: Record<string, unknown>) {
  const problems: { field: string; message: string }[] = [];
  const filters: Record<string, string[]> = {};
  for (const facet of FACETS) {
    const raw = query[facet.apiParam];
    if (typeof raw !== "string" || !raw) continue;
    const values = raw
      .split(",")
      .map((value) => value.trim())
      .filter(Boolean);
    const unknown = values.filter((value) => !(facet.values as readonly string[]).includes(value));
    if (unknown.length)
      problems.push({
        field: facet.apiParam,
        message: `unknown value ${unknown.map((v) => `"${v}"`).join(", ")}; allowed: ${facet.values.join(", ")}`,
      });
    filters[facet.key] = values;
  }
  if (problems.length) throw invalidInput(problems);
  return filters;
}

/** The open HSDS API of the catalogue, the exports and the admin import; its links are on the public origin. */
export function catalogueApi({
  service,
  adminToken,
  absoluteUrl,
}: {
  service: CatalogueService;
  adminToken: string | undefined;
  absoluteUrl: AbsoluteUrl;
}) {
  const api = createApiRouter();

  const findService = async (id: string) => {
    if (uuidPattern.test(id)) return service.findById(id);
    if (/^[a-z0-9][a-z0-9-]{1,99}$/.test(id)) return service.findByRefId(id);
    throw invalidInput([{ field: "id", message: "use a UUID or a ref_id" }]);
  };

  api.openapi(
    createRoute({
      method: "get",
      path: "/services",
      summary: "List and search instruments (HSDS services)",
      tags: ["HSDS"],
      request: { query: ServicesQuery },
      responses: json(hsdsPage(ServiceSchema, "ServiceList"), "A page of services"),
    }),
    async (c) => {
      const query = c.req.valid("query");
      const lang = requestLang(c, query.lang);
      const filters = facetValues(query);
      // In the API, status=open means "open to a company now": an open window or a continuous offer (doorlopend).
      // The monitor's coverage matrix counts exactly the same (isAvailableStatus), cell for cell.
      if (filters.status?.includes("open") && !filters.status.includes("doorlopend")) {
        filters.status = [...filters.status, "doorlopend"];
      }
      for (const [field, value, lookup] of [
        ["municipality", query.municipality, (code: string) => service.geography.municipality(code)],
        ["province", query.province, (code: string) => service.geography.province(code)],
        ["region", query.region, (code: string) => service.geography.region(code)],
      ] as const)
        if (value && !lookup(value)) throw invalidInput([{ field, message: `unknown code ${value}` }]);
      const result = await service.search({
        q: query.q,
        lang,
        filters,
        municipality: query.municipality,
        province: query.province,
        region: query.region,
        sort: query.sort,
        page: query.page,
        perPage: query.per_page,
      });
      const rows = await service.listInstruments({ ids: result.items.map((item) => item.id) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      // Only this page's providers: with 10,000 synthetic instruments there are thousands.
      const organizations = new Map(
        (await service.listOrganizations({ ids: [...new Set(rows.map((row) => row.organizationId))] })).map(
          (o) => [o.id, o],
        ),
      );
      const contents = result.items
        .map((item) => byId.get(item.id)!)
        .filter(Boolean)
        .map((row) => toHsdsService(row, organizations.get(row.organizationId), lang, absoluteUrl));
      return cachedJson(c, toHsdsPage(contents, result.total, query.page, query.per_page)) as never;
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/services/{id}",
      summary: "One instrument (HSDS service)",
      tags: ["HSDS"],
      request: { params: IdParam, query: LangQuery },
      responses: json(ServiceSchema, "The service"),
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const row = await findService(id);
      if (!row) throw notFound("service");
      const organization = await service.findOrganization(row.organizationId);
      return cachedJson(
        c,
        toHsdsService(row, organization, requestLang(c, c.req.valid("query").lang), absoluteUrl),
      ) as never;
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/organizations",
      summary: "Providers (HSDS organizations)",
      tags: ["HSDS"],
      request: { query: z.object({ ...pagingQuery, lang: z.enum(["nl", "en"]).optional() }) },
      responses: json(hsdsPage(OrganizationSchema, "OrganizationList"), "A page of organizations"),
    }),
    async (c) => {
      const query = c.req.valid("query");
      const lang = requestLang(c, query.lang);
      const all = await service.listOrganizations();
      const start = (query.page - 1) * query.per_page;
      const contents = all.slice(start, start + query.per_page).map((row) => toHsdsOrganization(row, lang));
      return cachedJson(c, toHsdsPage(contents, all.length, query.page, query.per_page)) as never;
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/organizations/{id}",
      summary: "One provider (HSDS organization)",
      tags: ["HSDS"],
      request: { params: IdParam, query: LangQuery },
      responses: json(OrganizationSchema, "The organization"),
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      if (!uuidPattern.test(id)) throw invalidInput([{ field: "id", message: "use a UUID" }]);
      const row = await service.findOrganization(id);
      if (!row) throw notFound("organization");
      return cachedJson(c, toHsdsOrganization(row, requestLang(c, c.req.valid("query").lang))) as never;
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/taxonomies",
      summary: "The vocabularies used to classify instruments",
      tags: ["HSDS"],
      request: { query: z.object({ ...pagingQuery, lang: z.enum(["nl", "en"]).optional() }) },
      responses: json(hsdsPage(TaxonomySchema, "TaxonomyList"), "A page of taxonomies"),
    }),
    (c) => {
      const query = c.req.valid("query");
      const lang = requestLang(c, query.lang);
      const all = TAXONOMIES.map((taxonomy) => toHsdsTaxonomy(taxonomy, lang, absoluteUrl));
      const start = (query.page - 1) * query.per_page;
      return cachedJson(
        c,
        toHsdsPage(all.slice(start, start + query.per_page), all.length, query.page, query.per_page),
        3600,
      ) as never;
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/taxonomy_terms",
      summary: "The terms of every taxonomy",
      tags: ["HSDS"],
      request: {
        query: z.object({
          ...pagingQuery,
          lang: z.enum(["nl", "en"]).optional(),
          taxonomy: z
            .string()
            .max(40)
            .optional()
            .openapi({ description: "Only the terms of this taxonomy (its name)" }),
        }),
      },
      responses: json(hsdsPage(TaxonomyTermSchema, "TaxonomyTermList"), "A page of taxonomy terms"),
    }),
    (c) => {
      const query = c.req.valid("query");
      const lang = requestLang(c, query.lang);
      const taxonomies = query.taxonomy ? TAXONOMIES.filter((t) => t.key === query.taxonomy) : TAXONOMIES;
      if (query.taxonomy && taxonomies.length === 0)
        throw invalidInput([
          {
            field: "taxonomy",
            message: `unknown taxonomy; allowed: ${TAXONOMIES.map((t) => t.key).join(", ")}`,
          },
        ]);
      const all = taxonomies.flatMap((taxonomy) =>
        taxonomy.values.map((value) => toHsdsTaxonomyTerm(taxonomy, value, lang, absoluteUrl)),
      );
      const start = (query.page - 1) * query.per_page;
      return cachedJson(
        c,
        toHsdsPage(all.slice(start, start + query.per_page), all.length, query.page, query.per_page),
        3600,
      ) as never;
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/export/services.csv",
      summary: "All instruments as CSV (the import's columns)",
      tags: ["Export"],
      responses: { 200: { description: "CSV", content: { "text/csv": { schema: z.string() } } } },
    }),
    async (c) => {
      c.header("Cache-Control", "public, max-age=300");
      c.header("Content-Disposition", 'attachment; filename="circulair-loket-instrumenten.csv"');
      return c.body(await exportCsv(service), 200, { "Content-Type": "text/csv; charset=utf-8" }) as never;
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/export/hsds.json",
      summary: "All organizations and services as HSDS 3.0 JSON",
      tags: ["Export"],
      request: { query: LangQuery },
      responses: {
        200: {
          description: "HSDS JSON",
          content: { "application/json": { schema: z.looseObject({ hsds_version: z.string() }) } },
        },
      },
    }),
    async (c) => {
      const body = await exportHsds(service, {
        lang: requestLang(c, c.req.valid("query").lang),
        absoluteUrl,
      });
      return cachedJson(c, body, 300) as never;
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/admin/import",
      summary: "Import instruments (CSV or JSON); all-or-nothing, idempotent by ref_id",
      description:
        "Bearer token from CATALOGUE_ADMIN_TOKEN. Content-Type text/csv or application/json. Answers 400 with row-level errors and writes nothing when any row is wrong.",
      tags: ["Admin"],
      security: [{ bearer: [] }],
      responses: {
        200: {
          description: "Import report",
          content: { "application/json": { schema: z.looseObject({ ok: z.boolean() }) } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      if (!adminToken) throw notFound("endpoint");
      const given = /^Bearer (.+)$/.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
      const expected = Buffer.from(adminToken);
      const actual = Buffer.from(given);
      if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
        c.header("WWW-Authenticate", 'Bearer realm="catalogue-import"');
        throw new AppError("unauthorized", 401, "A valid bearer token is required.");
      }
      const length = Number(c.req.header("content-length") ?? 0);
      if (length > MAX_IMPORT_BYTES)
        throw new AppError("payload-too-large", 413, "The import file is larger than 20 MB.");
      const type = c.req.header("content-type") ?? "";
      const format = type.includes("csv") ? "csv" : type.includes("json") ? "json" : undefined;
      if (!format)
        throw invalidInput([{ field: "content-type", message: "use text/csv or application/json" }]);
      const text = await c.req.text();
      if (text.length > MAX_IMPORT_BYTES)
        throw new AppError("payload-too-large", 413, "The import file is larger than 20 MB.");
      let input: ReturnType<typeof parseImportFile>;
      try {
        input = parseImportFile(text, format);
      } catch (error) {
        throw invalidInput([
          { field: "body", message: error instanceof Error ? error.message : "unreadable file" },
        ]);
      }
      const report = await service.import(input, { rowOffset: format === "csv" ? 2 : 1 });
      if (!report.ok)
        throw invalidInput(
          report.errors.map((e) => ({
            field: `${e.entity}s[row ${e.row}${e.ref_id ? ` ${e.ref_id}` : ""}].${e.field}`,
            message: e.message,
          })),
        );
      c.header("Cache-Control", "no-store");
      return c.json(report, 200) as never;
    },
  );
  return api;
}
