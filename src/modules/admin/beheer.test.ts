import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { submitIntake } from "../../../tests/factories/index.js";
import { browserSession, createTestApp } from "../../../tests/support/app.js";
import { describeEachDatabase } from "../../../tests/support/database.js";
import { loginAs } from "../../../tests/support/workspace.js";
import { queryRows } from "../../db/client.js";
import { seedDemoData } from "../../db/seed.js";
import { createAuditLog } from "../audit/index.js";
import { referralDeliveryFor, syncProviderOrganisations } from "../auth/index.js";
import { listCatalogueProviders } from "../catalogue/index.js";
import { createPrivacyService } from "../privacy/index.js";
import { loadRegionalLokets } from "../referrals/index.js";

const ORIGIN = "https://loket.example";
const BEHEER = "beheer@demo.invalid";
const PASSWORD = "groene kikkers springen hoog";
const START = new Date("2026-12-01T09:00:00Z");

/**
 * Issue 15 item 1 (ADR 0084): every catalogue provider is a workspace organisation; the beheerder keeps
 * organisations and hubs, invites people by a single-use link, and switches accounts off and on, all audited. Every
 * test starts from a fresh copy of the seeded database at the same moment and makes what it needs (ADR 0090): the
 * tests edit the same few organisations (Madaster, CIRCO, a loket) and follow them from the seed's state.
 */
describeEachDatabase(
  "beheer: organisations, users and invitations",
  (database) => {
    let now = START;
    let app: Awaited<ReturnType<typeof createTestApp>>;
    let beheer: Awaited<ReturnType<typeof loginAs>>;
    const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(database().db, query);
    /** The newest invitation link mailed to an address, as the mail holds it. */
    const linkMailedTo = async (email: string) => {
      const [mail] = await rows<{ body: string; subject: string }>(
        sql`select body, subject from outbox_messages where to_address = ${email} order by id desc limit 1`,
      );
      const link = /https?:\/\/\S+\/uitnodiging\/\S+/.exec(mail?.body ?? "")?.[0];
      if (!link) throw new Error(`no invitation mail to ${email}`);
      return { link, path: new URL(link).pathname + new URL(link).search, mail: mail! };
    };
    /** The newest audit id: a test counts only what it recorded itself, so tests pass alone and in any order. */
    const auditMark = async () =>
      (await rows<{ id: number }>(sql`select coalesce(max(id), 0)::int as id from audit_log`))[0]!.id;
    const audited = async (since: number, action: string, outcome = "allowed") =>
      (
        await rows<{ n: number }>(
          sql`select count(*)::int as n from audit_log
            where id > ${since} and action = ${action} and outcome = ${outcome}`,
        )
      )[0]!.n;
    const invite = (fields: Record<string, string>) =>
      beheer.session.post(
        "/beheer/gebruikers/uitnodigen",
        { lang: "nl", ...fields },
        {
          csrf: beheer.csrf,
        },
      );

    /** The beheerder gives Madaster a referral address (its contact details as they are): it now gets referrals by mail. */
    const madasterByMail = async () => {
      const [madaster] = await rows<{ version: number; website: string | null; phone: string | null }>(
        sql`select version, website, phone from organisations where id = 'provider-madaster'`,
      );
      const saved = await beheer.session.post(
        "/beheer/organisaties/provider-madaster",
        {
          version: String(madaster!.version),
          website: madaster!.website ?? "",
          phone: madaster!.phone ?? "",
          referralEmail: "verwijzingen@madaster.example",
        },
        { csrf: beheer.csrf },
      );
      expect(saved.status).toBe(303);
    };
    /** An invitation sent, and accepted through its link with a password. */
    const acceptedInvitation = async (fields: Record<string, string>) => {
      expect((await invite(fields)).status).toBe(303);
      const { path } = await linkMailedTo(fields.email!);
      const invitee = browserSession(app);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await invitee.get(path)).text())![1]!;
      const accepted = await invitee.post(path.replace(/\?.*$/, ""), { password: PASSWORD }, { csrf });
      expect(accepted.status).toBe(303);
    };

    beforeEach(async () => {
      now = START;
      app = await createTestApp(
        database(),
        { PUBLIC_BASE_URL: ORIGIN, SESSION_IDLE_MINUTES: "1440", SESSION_ABSOLUTE_HOURS: "720" },
        { clock: () => now },
      );
      beheer = await loginAs(app, BEHEER);
    });

    it("makes every real catalogue provider a workspace organisation, and the demo accounts belong to the real ones", async () => {
      const [counts] = await rows<{ catalogue: number; providers: number; demo: number }>(
        sql`select (select count(*)::int from catalogue_organizations where not synthetic) as catalogue,
                 (select count(*)::int from organisations o join catalogue_organizations c
                    on o.id = 'provider-' || c.ref_id and o.provider_id = c.ref_id
                   where o.kind = 'provider' and not o.is_demo) as providers,
                 (select count(*)::int from organisations where kind = 'provider' and (is_demo or name like '%demo%')) as demo`,
      );
      expect(counts!.catalogue).toBeGreaterThan(40);
      expect(counts!.providers).toBe(counts!.catalogue);
      expect(counts!.demo).toBe(0);
      const [rvo] = await rows<{ name: string; website: string; users: number }>(
        sql`select o.name, o.website, (select count(*)::int from users u where u.organisation_id = o.id) as users
          from organisations o where o.id = 'provider-rvo'`,
      );
      expect(rvo).toEqual({
        name: "Rijksdienst voor Ondernemend Nederland",
        website: "https://www.rvo.nl",
        users: 1,
      });
      // A database from before: the demo seed's "(demo-account)" row becomes the real organisation at the next start.
      await rows(
        sql`update organisations set name = 'RVO (demo-account)', is_demo = true where id = 'provider-rvo'`,
      );
      await syncProviderOrganisations(database().db, await listCatalogueProviders(database().db));
      const [upgraded] = await rows<{ name: string; is_demo: boolean }>(
        sql`select name, is_demo from organisations where id = 'provider-rvo'`,
      );
      expect(upgraded).toEqual({ name: "Rijksdienst voor Ondernemend Nederland", is_demo: false });
    });

    it("lists organisations with how each receives referrals, in words, filtered by kind", async () => {
      const index = await (await beheer.session.get("/beheer")).text();
      for (const href of [
        "/beheer/organisaties",
        "/beheer/gebruikers",
        "/beheer/betrokkenen",
        "/beheer/audit",
      ])
        expect(index).toContain(`href="${href}"`);
      const response = await beheer.session.get("/beheer/organisaties?soort=provider");
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain("Rijksdienst voor Ondernemend Nederland");
      expect(html).toContain("via accounts van de aanbieder");
      expect(html).toContain("warme overdracht");
      expect(html).not.toContain("Circulair Loket Twente (demo)");
      const hubs = await (await beheer.session.get("/beheer/organisaties?soort=hub")).text();
      expect(hubs).toContain("Circulair Loket Twente (demo)");
      expect(hubs).toContain("Twente (ES04)");
      expect(hubs).not.toContain("Rijksdienst voor Ondernemend Nederland");
      const english = await (await beheer.session.get("/beheer/organisaties?soort=provider&lang=en")).text();
      expect(english).toContain("through the provider&#39;s accounts");
      await beheer.session.get("/beheer?lang=nl");
    });

    it("keeps a beheerder's edits of contact details and referral address when the data is loaded again", async () => {
      const mark = await auditMark();
      const page = await (await beheer.session.get("/beheer/organisaties/provider-madaster")).text();
      const version = /name="version" value="(\d+)"/.exec(page)![1]!;
      // A wrong address: the summary names it, the typed input stays, nothing is saved.
      const wrong = await beheer.session.post(
        "/beheer/organisaties/provider-madaster",
        { version, phone: "020 123 45 67", referralEmail: "geen-adres" },
        { csrf: beheer.csrf },
      );
      expect(wrong.status).toBe(400);
      const wrongHtml = await wrong.text();
      expect(wrongHtml).toContain("cl-error-summary");
      expect(wrongHtml).toContain('href="#referralEmail"');
      expect(wrongHtml).toContain('value="020 123 45 67"');
      expect(wrongHtml).toContain('value="geen-adres"');
      const saved = await beheer.session.post(
        "/beheer/organisaties/provider-madaster",
        {
          version,
          phone: "020 123 45 67",
          referralEmail: "Verwijzingen@Madaster.example",
          website: "https://madaster.com",
        },
        { csrf: beheer.csrf },
      );
      expect(saved.status).toBe(303);
      expect(await referralDeliveryFor(database().db, "madaster")).toEqual({
        route: "mail",
        organisationId: "provider-madaster",
        address: "verwijzingen@madaster.example",
      });
      // The same version again: someone else saved in between.
      const stale = await beheer.session.post(
        "/beheer/organisaties/provider-madaster",
        { version, phone: "030 000 00 00" },
        { csrf: beheer.csrf },
      );
      expect(stale.status).toBe(409);
      expect(await stale.text()).toContain('value="030 000 00 00"');
      // A referral address alone leaves the catalogue's contact details flowing in.
      const [circo] = await rows<{ version: number; website: string | null; phone: string | null }>(
        sql`select version, website, phone from organisations where id = 'provider-circo'`,
      );
      const referralOnly = await beheer.session.post(
        "/beheer/organisaties/provider-circo",
        {
          version: String(circo!.version),
          website: circo!.website ?? "",
          phone: circo!.phone ?? "",
          referralEmail: "verwijzingen@circo.example",
        },
        { csrf: beheer.csrf },
      );
      expect(referralOnly.status).toBe(303);
      const [circoAfter] = await rows<{ contact_edited_at: Date | null; referral_email: string }>(
        sql`select contact_edited_at, referral_email from organisations where id = 'provider-circo'`,
      );
      expect(circoAfter).toEqual({ contact_edited_at: null, referral_email: "verwijzingen@circo.example" });
      // Without a version (not a form we served): a conflict, nothing saved.
      const unversioned = await beheer.session.post(
        "/beheer/organisaties/provider-circo",
        { phone: "010 000 00 00" },
        { csrf: beheer.csrf },
      );
      expect(unversioned.status).toBe(409);
      // A hub from data/regions/lokets.json, edited too.
      const [loket] = await rows<{ id: string; version: number }>(
        sql`select id, version from organisations where kind = 'hub' and not is_demo and public_kind is not null
          order by id limit 1`,
      );
      const hubSaved = await beheer.session.post(
        `/beheer/organisaties/${loket!.id}`,
        { version: String(loket!.version), phone: "088 000 11 22", regio: ["ES04", "ES05"] },
        { csrf: beheer.csrf },
      );
      expect(hubSaved.status).toBe(303);
      await syncProviderOrganisations(database().db, await listCatalogueProviders(database().db));
      await loadRegionalLokets(database().db);
      const [madaster] = await rows<{ name: string; phone: string; referral_email: string; version: number }>(
        sql`select name, phone, referral_email, version from organisations where id = 'provider-madaster'`,
      );
      expect(madaster).toEqual({
        name: "Madaster",
        phone: "020 123 45 67",
        referral_email: "verwijzingen@madaster.example",
        version: 2,
      });
      const [hub] = await rows<{ phone: string; region_codes: string[] }>(
        sql`select phone, region_codes from organisations where id = ${loket!.id}`,
      );
      expect(hub).toEqual({ phone: "088 000 11 22", region_codes: ["ES04", "ES05"] });
      expect(await audited(mark, "organisation.update")).toBe(3);
    });

    it("adds a hub with its regions and a provincial coordination with its province's; a missing choice is explained, input kept", async () => {
      const mark = await auditMark();
      const missing = await beheer.session.post(
        "/beheer/organisaties/nieuw",
        { name: "Circulair Hub Achterhoek", website: "https://hub.example" },
        { csrf: beheer.csrf },
      );
      expect(missing.status).toBe(400);
      const html = await missing.text();
      expect(html).toContain('href="#regionCodes"');
      expect(html).toContain('value="Circulair Hub Achterhoek"');
      // A hub's intakes are mailed to its general address: without one, the form says so and keeps the input.
      const noEmail = await beheer.session.post(
        "/beheer/organisaties/nieuw",
        { name: "Circulair Hub Achterhoek", website: "https://hub.example", regio: ["ES09"] },
        { csrf: beheer.csrf },
      );
      expect(noEmail.status).toBe(400);
      const noEmailHtml = await noEmail.text();
      expect(noEmailHtml).toContain('href="#publicEmail"');
      expect(noEmailHtml).toContain("Daar komen de aanvragen voor dit loket binnen.");
      expect(noEmailHtml).toContain('value="Circulair Hub Achterhoek"');
      const created = await beheer.session.post(
        "/beheer/organisaties/nieuw",
        {
          name: "Circulair Hub Achterhoek",
          website: "https://hub.example",
          publicEmail: "Loket@Hub-Achterhoek.example",
          regio: ["ES09", "ES99"],
        },
        { csrf: beheer.csrf },
      );
      expect(created.status).toBe(303);
      expect(created.headers.get("location")).toBe(
        "/beheer/organisaties/hub-circulair-hub-achterhoek?toegevoegd",
      );
      const [hub] = await rows<{ kind: string; region_codes: string[]; is_demo: boolean }>(
        sql`select kind, region_codes, is_demo from organisations where id = 'hub-circulair-hub-achterhoek'`,
      );
      expect(hub).toEqual({ kind: "hub", region_codes: ["ES09"], is_demo: false });
      // Item 3 of the closing brief: the new hub takes intakes at once (its hubs row: description, e-mail, open).
      const [desk] = await rows<{
        email: string;
        intake_open: number;
        description: { nl: string; en: string };
      }>(
        sql`select email, intake_open, description from hubs where organisation_id = 'hub-circulair-hub-achterhoek'`,
      );
      expect(desk).toMatchObject({ email: "loket@hub-achterhoek.example", intake_open: 1 });
      expect(desk!.description.nl).toContain("Circulair Hub Achterhoek is het regionale loket");
      expect(desk!.description.en).toContain("Circulair Hub Achterhoek is the regional desk");
      const intake = await submitIntake(app, { regio: "ES09", gemeente: "Ede" });
      const token = intake.replace(/\?.*$/, "").split("/").pop()!;
      const [taken] = await rows<{ hub_id: string }>(
        sql`select hub_id from cases where public_token = ${token}`,
      );
      expect(taken).toEqual({ hub_id: "hub-circulair-hub-achterhoek" });
      // A provincial coordination: its regions are its province's; a coordinator can then be invited into it.
      const noProvince = await beheer.session.post(
        "/beheer/organisaties/nieuw",
        { soort: "coordinatie", name: "Coördinatie Gelderland" },
        { csrf: beheer.csrf },
      );
      expect(noProvince.status).toBe(400);
      expect(await noProvince.text()).toContain('href="#provinceCode"');
      const coordination = await beheer.session.post(
        "/beheer/organisaties/nieuw",
        { soort: "coordinatie", name: "Coördinatie Gelderland", provinceCode: "PV25" },
        { csrf: beheer.csrf },
      );
      expect(coordination.status).toBe(303);
      const [gelderland] = await rows<{ kind: string; scope: string; region_codes: string[] }>(
        sql`select kind, scope, region_codes from organisations where id = 'coordinatie-coordinatie-gelderland'`,
      );
      const expected = await rows<{ region_code: string }>(
        sql`select region_code from region_provinces where province_code = 'PV25' order by region_code`,
      );
      expect(gelderland).toEqual({
        kind: "coordinator",
        scope: "province",
        region_codes: expected.map((row) => row.region_code),
      });
      expect(gelderland!.region_codes.length).toBeGreaterThan(2);
      const invited = await invite({
        email: "coordinator@gelderland.example",
        displayName: "Gijs Gelderland",
        role: "coordinator",
        organisationId: "coordinatie-coordinatie-gelderland",
      });
      expect(invited.status).toBe(303);
      expect(await audited(mark, "organisation.create")).toBe(2);
    });

    it("invites a provider user by a single-use, expiring link on the public origin; the invitee sets a password and signs in", async () => {
      // Madaster receives referrals by mail until one of its people has an account.
      await madasterByMail();
      const email = "nieuw@madaster.example";
      const mark = await auditMark();
      // Role and organisation must fit; the input stays.
      const mismatch = await invite({
        email,
        displayName: "Noor Nieuw",
        role: "adviseur",
        organisationId: "provider-madaster",
      });
      expect(mismatch.status).toBe(400);
      const mismatchHtml = await mismatch.text();
      expect(mismatchHtml).toContain("Deze rol past niet bij deze organisatie");
      expect(mismatchHtml).toContain('value="Noor Nieuw"');
      expect(
        (await invite({ email: BEHEER, displayName: "X", role: "beheerder", organisationId: "platform" }))
          .status,
      ).toBe(400);
      // Every installation has the platform organisation, where beheerders belong (the first via `npm run beheer:invite`).
      const platform = await invite({
        email: "tweede.beheerder@loket.example",
        displayName: "Tweede Beheerder",
        role: "beheerder",
        organisationId: "beheer",
      });
      expect(platform.status).toBe(303);
      const sent = await invite({
        email,
        displayName: "Noor Nieuw",
        role: "aanbieder",
        organisationId: "provider-madaster",
      });
      expect(sent.status).toBe(303);
      const again = await invite({
        email,
        displayName: "Noor Nieuw",
        role: "aanbieder",
        organisationId: "provider-madaster",
      });
      expect(await again.text()).toContain("al een open uitnodiging");
      const { link, path, mail } = await linkMailedTo(email);
      expect(link.startsWith(`${ORIGIN}/uitnodiging/`)).toBe(true);
      expect(mail.subject).toBe("Uw account voor Circulair Loket");
      expect(mail.body).toContain("Madaster");
      // The link's last day in words, as the pages write dates (7 days after 1 December 2026), never as 2026-12-08.
      expect(mail.body).toContain("De link werkt één keer, tot en met 8 december 2026:");
      expect(mail.body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      const [stored] = await rows<{ token_hash: string }>(
        sql`select token_hash from invitations where email = ${email}`,
      );
      expect(link).not.toContain(stored!.token_hash);
      expect(await referralDeliveryFor(database().db, "madaster")).toMatchObject({ route: "mail" });

      const invitee = browserSession(app);
      const form = await invitee.get(path);
      expect(form.status).toBe(200);
      expect(form.headers.get("cache-control")).toBe("no-store");
      const formHtml = await form.text();
      expect(formHtml).toContain("aanbieder voor Madaster");
      const csrf = /name="_csrf" value="([^"]+)"/.exec(formHtml)![1]!;
      const weak = await invitee.post(new URL(link).pathname, { password: "kort" }, { csrf });
      expect(weak.status).toBe(400);
      expect(await weak.text()).toContain("minstens 12 tekens");
      const accepted = await invitee.post(new URL(link).pathname, { password: PASSWORD }, { csrf });
      expect(accepted.status).toBe(303);
      expect(accepted.headers.get("location")).toBe("/inloggen?welkom");
      const signedIn = await loginAs(app, email, PASSWORD);
      const workspace = await (await signedIn.session.get("/werkruimte")).text();
      expect(workspace).toContain("Noor Nieuw");
      expect(await referralDeliveryFor(database().db, "madaster")).toEqual({
        route: "account",
        organisationId: "provider-madaster",
      });
      expect(await audited(mark, "invitation.create")).toBe(2);
      expect(await audited(mark, "invitation.accept")).toBe(1);

      // Used: 410, audited; tampered: 404, audited; nothing is made twice.
      const used = await browserSession(app).get(path);
      expect(used.status).toBe(410);
      expect(await used.text()).toContain("al gebruikt");
      const tampered = await browserSession(app).get(`${new URL(link).pathname.slice(0, -2)}xx`);
      expect(tampered.status).toBe(404);
      expect(await browserSession(app).get("/uitnodiging/kort")).toHaveProperty("status", 404);
      const reasons = await rows<{ reason: string }>(
        sql`select detail->>'reason' as reason from audit_log
          where id > ${mark} and action = 'invitation.open' and outcome = 'denied' order by id`,
      );
      expect(reasons.map((row) => row.reason)).toEqual(["used", "unknown", "unknown"]);
      const [accounts] = await rows<{ n: number }>(
        sql`select count(*)::int as n from users where email = ${email}`,
      );
      expect(accounts!.n).toBe(1);
    });

    it("an expired link answers 410; a withdrawn one too; sending again replaces the link; retention deletes ended ones", async () => {
      // An invitation that ended by being accepted.
      await acceptedInvitation({
        email: "nieuw@madaster.example",
        displayName: "Noor Nieuw",
        role: "aanbieder",
        organisationId: "provider-madaster",
      });
      const mark = await auditMark();
      await invite({
        email: "later@circo.example",
        displayName: "Lot Later",
        role: "aanbieder",
        organisationId: "provider-circo",
        lang: "en",
      });
      const expired = await linkMailedTo("later@circo.example");
      // In the invitee's language, the link opening the page in it.
      expect(expired.mail.subject).toBe("Your account for Circulair Loket");
      expect(expired.link).toMatch(/\/uitnodiging\/[\w-]{43}\?lang=en$/);
      expect(expired.mail.body).toContain("The link works once, until 8 December 2026 inclusive:");
      await invite({
        email: "weg@pianoo.example",
        displayName: "Wim Weg",
        role: "aanbieder",
        organisationId: "provider-pianoo",
      });
      const withdrawn = await linkMailedTo("weg@pianoo.example");
      const [open] = await rows<{ id: number; version: number }>(
        sql`select id, version from invitations where email = 'weg@pianoo.example'`,
      );
      const usersPage = await (await beheer.session.get("/beheer/gebruikers")).text();
      expect(usersPage).toContain("weg@pianoo.example");
      // Until when it works, date and time both in Dutch time (09:00 UTC is 10:00 in December).
      expect(usersPage).toContain("8 december 2026 10:00");
      expect(usersPage).not.toContain("UTC");
      const withdraw = await beheer.session.post(
        `/beheer/uitnodigingen/${open!.id}/intrekken`,
        { version: String(open!.version) },
        { csrf: beheer.csrf },
      );
      expect(withdraw.status).toBe(303);
      const gone = await browserSession(app).get(withdrawn.path);
      expect(gone.status).toBe(410);
      expect(await gone.text()).toContain("ingetrokken");
      // Eight days on, the first link has expired.
      now = new Date(now.getTime() + 8 * 86_400_000);
      const late = await browserSession(app).get(expired.path);
      expect(late.status).toBe(410);
      expect(await late.text()).toContain("This invitation has expired");
      // Sent again: a new link works for seven days from now, the withdrawn one is unknown.
      beheer = await loginAs(app, BEHEER);
      const resend = await beheer.session.post(
        `/beheer/uitnodigingen/${open!.id}/opnieuw`,
        { version: String(open!.version + 1) },
        { csrf: beheer.csrf },
      );
      expect(resend.status).toBe(303);
      const fresh = await linkMailedTo("weg@pianoo.example");
      expect(fresh.path).not.toBe(withdrawn.path);
      expect(fresh.mail.body).toContain("tot en met 16 december 2026:");
      expect((await browserSession(app).get(withdrawn.path)).status).toBe(404);
      expect((await browserSession(app).get(fresh.path)).status).toBe(200);
      expect(await audited(mark, "invitation.withdraw")).toBe(1);
      expect(await audited(mark, "invitation.resend")).toBe(1);
      expect(await audited(mark, "invitation.open", "denied")).toBe(3);
      // Thirty days after an invitation ended (accepted, withdrawn, expired) the retention job deletes it.
      const later = new Date(now.getTime() + 31 * 86_400_000);
      const privacy = createPrivacyService({
        db: database().db,
        audit: createAuditLog(() => later),
        clock: () => later,
      });
      await database().db.transaction((tx) => privacy.applyRetention(tx, later, 24));
      const left = await rows<{ email: string }>(sql`select email from invitations order by email`);
      expect(left.map((row) => row.email)).not.toContain("later@circo.example");
      expect(left.map((row) => row.email)).not.toContain("nieuw@madaster.example");
      expect(left.map((row) => row.email)).toContain("weg@pianoo.example");
    });

    it("switches an account off: its sessions end at once, it cannot sign in, the history keeps its name", async () => {
      const mark = await auditMark();
      const adviser = await loginAs(app, "adviseur.es01@demo.invalid");
      expect((await adviser.session.get("/werkruimte")).status).toBe(200);
      const [user] = await rows<{ id: number; version: number }>(
        sql`select id, version from users where email = 'adviseur.es01@demo.invalid'`,
      );
      const usersHtml = await (await beheer.session.get("/beheer/gebruikers")).text();
      expect(usersHtml).toContain("Carla Adviseur (Groningen)");
      const off = await beheer.session.post(
        `/beheer/gebruikers/${user!.id}/deactiveren`,
        { version: String(user!.version) },
        { csrf: beheer.csrf },
      );
      expect(off.status).toBe(303);
      const after = await adviser.session.get("/werkruimte");
      expect(after.status).toBe(303);
      expect(after.headers.get("location")).toMatch(/^\/inloggen/);
      await expect(loginAs(app, "adviseur.es01@demo.invalid")).rejects.toThrow(/failed: 400/);
      const listed = await (await beheer.session.get("/beheer/gebruikers?gedaan=uitgezet")).text();
      expect(listed).toContain("Carla Adviseur (Groningen)");
      expect(listed).toContain("Het account staat uit");
      // A stale version is refused; the beheerder cannot switch themselves off.
      const stale = await beheer.session.post(
        `/beheer/gebruikers/${user!.id}/activeren`,
        { version: String(user!.version) },
        { csrf: beheer.csrf },
      );
      expect(stale.status).toBe(409);
      const [self] = await rows<{ id: number; version: number }>(
        sql`select id, version from users where email = ${BEHEER}`,
      );
      const selfOff = await beheer.session.post(
        `/beheer/gebruikers/${self!.id}/deactiveren`,
        { version: String(self!.version) },
        { csrf: beheer.csrf },
      );
      expect(selfOff.status).toBe(409);
      const on = await beheer.session.post(
        `/beheer/gebruikers/${user!.id}/activeren`,
        { version: String(user!.version + 1) },
        { csrf: beheer.csrf },
      );
      expect(on.status).toBe(303);
      expect(
        (await (await loginAs(app, "adviseur.es01@demo.invalid")).session.get("/werkruimte")).status,
      ).toBe(200);
      expect(await audited(mark, "user.deactivate")).toBe(1);
      expect(await audited(mark, "user.reactivate")).toBe(1);
    });
  },
  { databasePerTest: ({ db }) => seedDemoData(db, "demo-wachtwoord") },
);
