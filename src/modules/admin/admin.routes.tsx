import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../web/context.js";
import { pageContext, renderPage } from "../../web/render.js";
import type { AccountAdministration, Guard } from "../auth/index.js";
import type { PrivacyService } from "../privacy/index.js";
import { actionWords, actorWords, organisationIdsOf, subjectWords } from "./admin.audit-words.js";
import { adminMessages } from "./admin.messages.js";
import { AuditPage, SubjectsPage } from "./views/admin-pages.js";

export type AdminRouteDeps = {
  privacy: PrivacyService;
  /** The audit log's newest entries and the names of who and what they mention (auth module). */
  accounts: Pick<AccountAdministration, "latestAudit" | "namesFor">;
  guard: Guard;
};

const email = z.email().max(254);
const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

/** /beheer/…: data-subject export and erasure, and the audit log. Beheerders only. */
export function adminRoutes({ privacy, accounts, guard }: AdminRouteDeps) {
  const app = new Hono<AppEnv>();
  app.use("/beheer/*", guard.signedIn);
  return app
    .get("/beheer/betrokkenen", async (c) => {
      await guard.authorize(c, "subject.export");
      return renderPage(c, <SubjectsPage page={pageContext(c)} model={{ email: "", problems: [] }} />);
    })
    .post("/beheer/betrokkenen/export", async (c) => {
      await guard.authorize(c, "subject.export");
      const t = adminMessages[c.get("lang")];
      const address = text((await c.req.parseBody()).email);
      if (!email.safeParse(address).success)
        return renderPage(
          c,
          <SubjectsPage
            page={pageContext(c)}
            model={{ email: address, problems: [{ field: "email", message: t.errEmail }] }}
          />,
          400,
        );
      const data = await privacy.exportSubject(address, guard.actorOf(c));
      c.header("Content-Disposition", 'attachment; filename="gegevens-betrokkene.json"');
      c.header("Cache-Control", "no-store");
      return c.json(data);
    })
    .post("/beheer/betrokkenen/wissen", async (c) => {
      await guard.authorize(c, "subject.erase");
      const t = adminMessages[c.get("lang")];
      const form = await c.req.parseBody();
      const address = text(form.email);
      const problems = [
        ...(email.safeParse(address).success ? [] : [{ field: "erase-email", message: t.errEmail }]),
        ...(form.confirm === "ja" ? [] : [{ field: "confirm", message: t.errConfirm }]),
      ];
      if (problems.length)
        return renderPage(
          c,
          <SubjectsPage page={pageContext(c)} model={{ email: address, problems }} />,
          400,
        );
      const count = await privacy.eraseSubject(address, guard.actorOf(c));
      return renderPage(
        c,
        <SubjectsPage page={pageContext(c)} model={{ email: "", problems: [], erasedCount: count }} />,
      );
    })
    .get("/beheer/audit", async (c) => {
      await guard.authorize(c, "audit.read");
      const rows = await accounts.latestAudit({ limit: 100 });
      const lang = c.get("lang");
      // Actors by name, actions and subjects in words (issue 15 item 6); the log itself keeps ids and codes.
      const names = await accounts.namesFor({
        userIds: rows.flatMap((row) => (row.actorUserId === null ? [] : [row.actorUserId])),
        organisationIds: organisationIdsOf(rows.map((row) => row.actorLabel)),
      });
      c.header("Cache-Control", "no-store");
      return renderPage(
        c,
        <AuditPage
          page={pageContext(c)}
          model={{
            rows: rows.map((row) => ({
              when: row.occurredAt.toISOString().slice(0, 19).replace("T", " "),
              who: actorWords(row, names, lang),
              action: actionWords(row.action, lang),
              subject: subjectWords(row.subjectType, row.subjectId, lang),
              outcome: row.outcome,
              from: row.clientKey ?? "–",
            })),
          }}
        />,
      );
    });
}
