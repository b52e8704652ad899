import pino from "pino";
import { createApp } from "../../src/app.js";
import { loadEnv } from "../../src/config/env.js";
import type { DatabaseHandle } from "../../src/db/client.js";

export const silentLogger = pino({ level: "silent" });

/** The real app, built by the same composition root as production, on a test database. */
export async function createTestApp(
  database: DatabaseHandle,
  overrides: Record<string, string> = {},
  options: { clock?: () => Date } = {},
) {
  const env = loadEnv({ NODE_ENV: "test", DEMO: "0", ...overrides });
  return createApp({ env, database, logger: silentLogger, clock: options.clock });
}

/** A tiny cookie jar + CSRF helper: GETs a page like a browser, then posts its form with the real token. */
export function browserSession(app: {
  request: (input: string, init?: RequestInit) => Response | Promise<Response>;
}) {
  const cookies = new Map<string, string>();
  const remember = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const [name, ...value] = pair!.split("=");
      cookies.set(name!.trim(), value.join("="));
    }
  };
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  return {
    cookies,
    async get(path: string) {
      const response = await app.request(path, { headers: { cookie: cookieHeader() } });
      remember(response);
      return response;
    },
    /** Reads the CSRF token from a form on the given page. */
    async csrfTokenFrom(path: string) {
      const html = await (await this.get(path)).text();
      const match = /name="_csrf" value="([^"]+)"/.exec(html);
      if (!match) throw new Error(`no CSRF token on ${path}`);
      return match[1]!;
    },
    async post(path: string, form: Record<string, string | string[]>, options: { csrf?: string } = {}) {
      const body = new URLSearchParams();
      for (const [key, value] of Object.entries(form))
        for (const item of [value].flat()) body.append(key, item);
      if (options.csrf !== undefined) body.set("_csrf", options.csrf);
      const response = await app.request(path, {
        method: "POST",
        headers: { cookie: cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
        body: body.toString(),
      });
      remember(response);
      return response;
    },
  };
}
