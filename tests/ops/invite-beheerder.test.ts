import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/client.js";
import { createTestApp } from "../support/app.js";
import { openTestDatabase, postgresAvailable } from "../support/database.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));
const tsxCli = join(root, "node_modules/tsx/dist/cli.mjs");
const ORIGIN = "https://loket.example";

/**
 * The first beheerder of a real installation (ADR 0084): `npm run beheer:invite` on a production-like environment
 * (DEMO off) queues the invitation mail and prints the single-use link, which then opens the password page. Asked
 * again, it replaces the open invitation: the first link stops working.
 */
describe.skipIf(!postgresAvailable())(
  postgresAvailable()
    ? "first beheerder [PostgreSQL: npm run beheer:invite]"
    : "first beheerder [PostgreSQL — skipped: TEST_DATABASE_URL is not set]",
  () => {
    it("prints a link on the public address that opens the invitation page; a second run replaces it", async () => {
      const database = await openTestDatabase("PostgreSQL");
      try {
        const invite = () =>
          run(
            process.execPath,
            [
              tsxCli,
              "scripts/invite-beheerder.ts",
              "--email",
              "Eerste@Gemeente.example",
              "--name",
              "Eerste Beheerder",
            ],
            {
              cwd: root,
              env: {
                DATABASE_URL: database.url!,
                NODE_ENV: "production",
                SECRET_KEY: "c".repeat(40),
                PUBLIC_BASE_URL: ORIGIN,
                LOG_LEVEL: "silent",
              },
            },
          );
        const linkOf = (stdout: string) => /https:\/\/\S+\/uitnodiging\/[\w-]{43}/.exec(stdout)?.[0];
        const first = linkOf((await invite()).stdout);
        const second = linkOf((await invite()).stdout);
        expect(first?.startsWith(`${ORIGIN}/uitnodiging/`)).toBe(true);
        expect(second?.startsWith(`${ORIGIN}/uitnodiging/`)).toBe(true);
        expect(second).not.toBe(first);
        const rows = await queryRows<{ email: string; role: string; organisation_id: string; open: boolean }>(
          database.db,
          sql`select i.email, i.role, i.organisation_id, i.withdrawn_at is null as open from invitations i
              join organisations o on o.id = i.organisation_id and o.kind = 'platform' and not o.is_demo
              order by i.id`,
        );
        expect(rows).toEqual([
          { email: "eerste@gemeente.example", role: "beheerder", organisation_id: "beheer", open: false },
          { email: "eerste@gemeente.example", role: "beheerder", organisation_id: "beheer", open: true },
        ]);
        const mails = await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from outbox_messages where to_address = 'eerste@gemeente.example'
              and kind = 'invitation'`,
        );
        expect(mails[0]!.n).toBe(2);
        const app = await createTestApp(database, { PUBLIC_BASE_URL: ORIGIN });
        const page = await app.request(new URL(second!).pathname);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain("beheerder voor Beheer Circulair Loket");
        expect((await app.request(new URL(first!).pathname)).status).toBe(410);
      } finally {
        await database.close();
      }
    }, 120_000);
  },
);
