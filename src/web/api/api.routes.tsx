import { OpenAPIHono } from "@hono/zod-openapi";
import { Heading, Link, Paragraph, Table } from "../components.js";
import type { AppEnv } from "../context.js";
import { Layout } from "../layout.js";
import type { AbsoluteUrl } from "../links.js";
import { pageContext, renderPage } from "../render.js";
import type { ApiRouter } from "./api-router.js";

export const API_VERSION = "1.0.0";
export const HSDS_VERSION = "3.0";
/** Where our HSDS profile is described (served by the catalogue module); absolute on the public origin. */
export const PROFILE_PATH = "/api/profile";

type OpenApiDocument = {
  paths?: Record<string, Record<string, { summary?: string; description?: string; tags?: string[] }>>;
};

/**
 * The open API: every module's router under /api/v1, the HSDS root, the OpenAPI 3.1 document generated from the Zod
 * schemas, and a readable docs page rendered on the server (no CDN, no script).
 */
export function apiRoutes(moduleRouters: ApiRouter[], { absoluteUrl }: { absoluteUrl: AbsoluteUrl }) {
  const profile = absoluteUrl(PROFILE_PATH);
  const api = new OpenAPIHono<AppEnv>();
  for (const router of moduleRouters) api.route("/api/v1", router);
  api.get("/api/v1", (c) =>
    c.json({
      version: HSDS_VERSION,
      profile,
      openapi_url: "/api/openapi.json",
      documentation_url: "/api/docs",
    }),
  );
  const documentConfig = {
    openapi: "3.1.0",
    info: {
      title: "Circulair Loket open API",
      version: API_VERSION,
      description:
        "Open data on support for circular SMEs in the Netherlands, in the shape of Open Referral HSDS 3.0 with documented profile fields.",
      license: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
    },
    servers: [{ url: "/" }],
  };
  // The document only changes with a deploy: generate it from the schemas once, on first use.
  let openApiDocument: OpenApiDocument | undefined;
  const currentDocument = () => {
    openApiDocument ??= api.getOpenAPI31Document(documentConfig) as OpenApiDocument;
    return openApiDocument;
  };
  api.get("/api/openapi.json", (c) => {
    c.header("Cache-Control", "public, max-age=300");
    return c.json(currentDocument());
  });
  api.get("/api/docs", (c) => {
    const document = currentDocument();
    const operations = Object.entries(document.paths ?? {}).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        path,
        method: method.toUpperCase(),
        ...operation,
      })),
    );
    const page = pageContext(c);
    const english = page.lang === "en";
    return renderPage(
      c,
      <Layout page={page} title={english ? "Open API" : "Open API"}>
        <Heading level={1}>{english ? "Open API" : "Open API"}</Heading>
        <Paragraph lead>
          {english
            ? "All support on offer is open data. The API follows Open Referral HSDS 3.0. You need no key to read."
            : "Al het ondersteuningsaanbod is open data. De API volgt Open Referral HSDS 3.0. Lezen kan zonder sleutel."}
        </Paragraph>
        <Paragraph>
          <Link href="/api/openapi.json">
            {english ? "OpenAPI 3.1 document (JSON)" : "OpenAPI 3.1-document (JSON)"}
          </Link>
        </Paragraph>
        <Table
          caption={english ? "Endpoints" : "Endpoints"}
          headers={[
            english ? "Method" : "Methode",
            english ? "Path" : "Pad",
            english ? "What it does" : "Wat het doet",
          ]}
        >
          {operations.map((operation) => (
            <tr class="utrecht-table__row">
              <td class="utrecht-table__cell cl-code">{operation.method}</td>
              <td class="utrecht-table__cell cl-code">{operation.path}</td>
              <td class="utrecht-table__cell">{operation.summary ?? operation.description ?? ""}</td>
            </tr>
          ))}
        </Table>
      </Layout>,
    );
  });
  return api;
}
