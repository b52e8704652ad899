import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackgroundJobs } from "../../src/app.js";
import { loadEnv } from "../../src/config/env.js";
import { type DatabaseHandle, openDatabase, queryRows } from "../../src/db/client.js";
import { migrateDatabase } from "../../src/db/migrate.js";
import { seedDatabase } from "../../src/db/seed.js";
import { createJobWorker } from "../../src/jobs/index.js";
import { submitIntake } from "../factories/index.js";
import { createTestApp, silentLogger } from "../support/app.js";
import { openTestDatabase, postgresAvailable } from "../support/database.js";
import { loginAs } from "../support/workspace.js";

/**
 * Item 6 of issue 13: the application's database role cannot truncate, delete, change or alter the audit log. The
 * service runs as the role scripts/sql/least-privilege-role.sql creates: it starts (migration check, seed), takes an
 * intake, works a dossier, erases a data subject and runs its jobs, and every attempt to remove or change audit
 * entries is refused by PostgreSQL's privileges. PostgreSQL only: PGlite has one user and no privileges.
 */
const ROLE_SQL = readFileSync(new URL("../../scripts/sql/least-privilege-role.sql", import.meta.url), "utf8");
const APP_PASSWORD = "least-privilege-test";

(postgresAvailable() ? describe : describe.skip)(
  `least-privilege application role [PostgreSQL${postgresAvailable() ? "" : " — skipped: TEST_DATABASE_URL is not set"}]`,
  () => {
    let owner: DatabaseHandle;
    let service: DatabaseHandle;
    let app: Awaited<ReturnType<typeof createTestApp>>;

    beforeAll(async () => {
      owner = await openTestDatabase("PostgreSQL");
      // The role is shared by the cluster; a parallel run may create it at the same moment, so try twice.
      for (let attempt = 0; ; attempt++) {
        try {
          await owner.db.execute(sql.raw(ROLE_SQL));
          break;
        } catch (error) {
          if (attempt) throw error;
        }
      }
      await owner.db.execute(sql.raw(`alter role loket_app password '${APP_PASSWORD}'`));
      const url = new URL(owner.url!);
      url.username = "loket_app";
      url.password = APP_PASSWORD;
      service = await openDatabase({ kind: "postgres", url: url.toString(), maxConnections: 4 });
      // What the service does at start, as the application role: the migration check and the seed.
      await migrateDatabase(service);
      await seedDatabase(service.db, { demo: true, demoPassword: "demo-wachtwoord" });
      app = await createTestApp(service);
    });

    afterAll(async () => {
      await service?.close();
      await owner?.close();
    });

    it("runs the service as that role: the connection is not the owner", async () => {
      const [who] = await queryRows<{ user: string; owner: string }>(
        service.db,
        sql`select current_user as user, (select tableowner from pg_tables where tablename = 'audit_log') as owner`,
      );
      expect(who!.user).toBe("loket_app");
      expect(who!.owner).not.toBe("loket_app");
    });

    it("takes an intake, works and erases a dossier and runs its jobs under the role", async () => {
      await submitIntake(app, { email: "rechten@voorbeeld-bedrijf.nl" });
      const [created] = await queryRows<{ id: number }>(
        service.db,
        sql`select id from cases where contact_email = 'rechten@voorbeeld-bedrijf.nl'`,
      );
      const adviser = await loginAs(app, "adviseur.es04@demo.invalid");
      expect((await adviser.session.get(`/werkruimte/dossiers/${created!.id}`)).status).toBe(200);
      const note = await adviser.session.post(
        `/werkruimte/dossiers/${created!.id}/notities`,
        { note: "Gebeld over het restafval." },
        { csrf: adviser.csrf },
      );
      expect(note.status).toBe(303);
      const env = loadEnv({ NODE_ENV: "test", DEMO: "0" });
      const background = await createBackgroundJobs({ env, database: service, logger: silentLogger });
      const worker = createJobWorker({ db: service.db, handlers: background.handlers, logger: silentLogger });
      expect(await worker.drain()).toBeGreaterThan(0);
      const admin = await loginAs(app, "beheer@demo.invalid");
      const erased = await admin.session.post(
        "/beheer/betrokkenen/wissen",
        { email: "rechten@voorbeeld-bedrijf.nl", confirm: "ja" },
        { csrf: admin.csrf },
      );
      expect(erased.status).toBe(200);
      const actions = await queryRows<{ action: string }>(
        service.db,
        sql`select distinct action from audit_log where action in ('case.read', 'case.update', 'subject.erase')`,
      );
      expect(actions.map((row) => row.action).sort()).toEqual(["case.read", "case.update", "subject.erase"]);
    });

    it.each([
      ["truncate", "truncate audit_log"],
      ["delete", "delete from audit_log"],
      ["update", "update audit_log set action = 'x'"],
      ["switch off its trigger", "alter table audit_log disable trigger audit_log_append_only"],
      ["drop", "drop table audit_log"],
    ])("refuses to %s the audit log, by privilege", async (_name, statement) => {
      await service.db.execute(sql`insert into audit_log (occurred_at, actor_label, action, subject_type, outcome)
        values (now(), 'systeem', 'test.least-privilege', 'test', 'allowed')`);
      const refusal = await service.db.execute(sql.raw(statement)).then(
        () => undefined,
        (error: Error & { cause?: { code?: string; message?: string } }) => error.cause,
      );
      // 42501 insufficient_privilege: "permission denied for table" or "must be owner of table".
      expect(refusal?.code).toBe("42501");
      expect(refusal?.message).toMatch(/permission denied|must be owner/);
      const [left] = await queryRows<{ n: number }>(
        owner.db,
        sql`select count(*)::int as n from audit_log where action = 'test.least-privilege'`,
      );
      expect(left!.n).toBeGreaterThan(0);
    });
  },
);
