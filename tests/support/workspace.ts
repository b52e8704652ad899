import { browserSession } from "./app.js";

export type TestApp = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

export const DEMO_PASSWORD = "demo-wachtwoord";

/**
 * Logs in through the real login form; answers the session and its CSRF token. The token is read after login, from
 * the workspace: tokens are bound to the session, so the login form's own token no longer posts (ADR 0073).
 * Accounts, dossiers and the rest a test needs are made by the factories in tests/factories (ADR 0090).
 */
export async function loginAs(app: TestApp, email: string, password = DEMO_PASSWORD) {
  const session = browserSession(app);
  const response = await session.post(
    "/inloggen",
    { email, password, terug: "/werkruimte" },
    { csrf: await session.csrfTokenFrom("/inloggen") },
  );
  if (response.status !== 303) throw new Error(`login as ${email} failed: ${response.status}`);
  const csrf = await session.csrfTokenFrom("/werkruimte");
  return { session, csrf };
}
