import { Hono } from "hono";
import { z } from "zod";
import { formatDate, type Lang } from "../../i18n/index.js";
import type { AppContext, AppEnv } from "../../web/context.js";
import type { FieldProblem } from "../../web/errors.js";
import { notFound } from "../../web/errors.js";
import { inputProblems } from "../../web/middleware/input-limits.js";
import { pageContext, renderPage } from "../../web/render.js";
import {
  type AccountAdministration,
  type Guard,
  type Invitations,
  ORGANISATION_KINDS,
  type OrganisationChanges,
  type OrganisationKind,
  type OrganisationSummary,
  type Role,
} from "../auth/index.js";
import { openHubForIntake } from "../referrals/index.js";
import { beheerMessages } from "./admin.beheer.messages.js";
import {
  BeheerIndexPage,
  type DeliveryView,
  type InviteForm,
  InvitePage,
  type OrganisationForm,
  OrganisationPage,
  OrganisationsPage,
  UsersPage,
} from "./views/beheer-pages.js";

export type BeheerRouteDeps = {
  /** The accounts and organisations (auth module), bound to the database and the audit log. */
  accounts: AccountAdministration;
  guard: Guard;
  invitations: Invitations;
  /** The 30 RES regions a hub may cover (code and name). */
  regions: { code: string; name: string }[];
  /** The 12 provinces with the regions that lie (partly) in each: a provincial coordination's area. */
  provinces: { code: string; name: string; regionCodes: string[] }[];
  clock: () => Date;
};

type Form = Record<string, string | File | (string | File)[]>;
const text = (form: Form, name: string) => {
  const value = form[name];
  return typeof value === "string" ? value.trim() : "";
};
const list = (form: Form, name: string) =>
  [form[name]].flat().filter((value): value is string => typeof value === "string");
const version = (form: Form) => {
  const parsed = Number(text(form, "version"));
  return Number.isInteger(parsed) && parsed > 0 ? parsed : undefined;
};
const emailSchema = z.email().max(254);
const urlSchema = z.url({ protocol: /^https?$/ }).max(300);
const ROLES = ["adviseur", "aanbieder", "coordinator", "beheerder"] as const satisfies readonly Role[];

const deliveryView = (row: OrganisationSummary): DeliveryView =>
  row.delivery
    ? row.delivery.route === "mail"
      ? { route: "mail", address: row.delivery.address }
      : { route: row.delivery.route }
    : null;

const formOf = (row: OrganisationSummary): OrganisationForm => ({
  name: row.name,
  website: row.website ?? "",
  publicEmail: row.publicEmail ?? "",
  phone: row.phone ?? "",
  visitingAddress: row.visitingAddress ?? "",
  openingHoursNl: row.openingHours?.nl ?? "",
  openingHoursEn: row.openingHours?.en ?? "",
  referralEmail: row.referralEmail ?? "",
  regionCodes: row.regionCodes,
  provinceCode: "",
});

/** Reads and checks the organisation form; answers the changes or the problems, with the input as typed. */
function readOrganisationForm(
  c: AppContext,
  form: Form,
  options: { kind: OrganisationKind; isNew: boolean; regionCodes: Set<string> },
): { form: OrganisationForm; problems: FieldProblem[]; changes: OrganisationChanges } {
  const t = beheerMessages[c.get("lang")];
  const values: OrganisationForm = {
    name: text(form, "name"),
    website: text(form, "website"),
    publicEmail: text(form, "publicEmail"),
    phone: text(form, "phone"),
    visitingAddress: text(form, "visitingAddress"),
    openingHoursNl: text(form, "openingHoursNl"),
    openingHoursEn: text(form, "openingHoursEn"),
    referralEmail: text(form, "referralEmail"),
    regionCodes: list(form, "regio").filter((code) => options.regionCodes.has(code)),
    provinceCode: text(form, "provinceCode"),
  };
  const problems: FieldProblem[] = [...inputProblems(c)];
  if (options.isNew && (!values.name || values.name.length > 120))
    problems.push({ field: "name", message: t.errName });
  if (values.website && !urlSchema.safeParse(values.website).success)
    problems.push({ field: "website", message: t.errWebsite });
  for (const field of ["publicEmail", "referralEmail"] as const)
    if (values[field] && !emailSchema.safeParse(values[field]).success)
      problems.push({ field, message: t.errEmail });
  for (const field of ["phone", "visitingAddress", "openingHoursNl", "openingHoursEn"] as const)
    if (values[field].length > 300) problems.push({ field, message: t.errText });
  if (Boolean(values.openingHoursNl) !== Boolean(values.openingHoursEn))
    problems.push({
      field: values.openingHoursNl ? "openingHoursEn" : "openingHoursNl",
      message: t.errOpeningHours,
    });
  if (options.kind === "hub" && values.regionCodes.length === 0)
    problems.push({ field: "regionCodes", message: t.errRegions });
  const orNull = (value: string) => value || null;
  return {
    form: values,
    problems,
    changes: {
      website: orNull(values.website),
      publicEmail: orNull(values.publicEmail?.toLowerCase()),
      phone: orNull(values.phone),
      visitingAddress: orNull(values.visitingAddress),
      openingHours:
        values.openingHoursNl && values.openingHoursEn
          ? { nl: values.openingHoursNl, en: values.openingHoursEn }
          : null,
      referralEmail: options.kind === "provider" ? orNull(values.referralEmail.toLowerCase()) : null,
      ...(options.kind === "hub" ? { regionCodes: values.regionCodes } : {}),
    },
  };
}

const EMPTY_FORM: OrganisationForm = {
  name: "",
  website: "",
  publicEmail: "",
  phone: "",
  visitingAddress: "",
  openingHoursNl: "",
  openingHoursEn: "",
  referralEmail: "",
  regionCodes: [],
  provinceCode: "",
};

// The time in Dutch time, as formatDate gives the date: a UTC time next to a Dutch date named the wrong day late in the
// evening. One formatter per process (creating one is expensive).
const dutchTime = new Intl.DateTimeFormat("nl-NL", {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "Europe/Amsterdam",
});
const dateTime = (value: Date, lang: Lang) => `${formatDate(value, lang)} ${dutchTime.format(value)}`;

/**
 * /beheer (index), /beheer/organisaties (providers, hubs, coordination, platform; edit, new hub) and
 * /beheer/gebruikers (accounts, invitations, switching accounts off and on). Beheerders only, through the guard.
 */
export function beheerRoutes(deps: BeheerRouteDeps) {
  const { accounts, guard, invitations, clock } = deps;
  const regionCodes = new Set(deps.regions.map((region) => region.code));
  const regionName = new Map(deps.regions.map((region) => [region.code, region.name]));
  const app = new Hono<AppEnv>();
  // Signed-in pages are "no-store" already (pageCacheControl); "/beheer/*" also matches "/beheer" itself.
  app.use("/beheer/*", guard.signedIn);

  const organisationPage = async (
    c: AppContext,
    row: OrganisationSummary,
    extra: { form?: OrganisationForm; problems?: FieldProblem[]; notice?: string } = {},
    status: 200 | 400 | 409 = 200,
  ) =>
    renderPage(
      c,
      <OrganisationPage
        page={pageContext(c)}
        model={{
          id: row.id,
          kind: row.kind,
          name: row.name,
          isDemo: row.isDemo,
          version: row.version,
          delivery: deliveryView(row),
          edited: row.contactEditedAt !== null,
          form: extra.form ?? formOf(row),
          regions: deps.regions,
          provinces: deps.provinces,
          problems: extra.problems ?? [],
          notice: extra.notice,
        }}
      />,
      status,
    );

  const newOrganisationPage = (
    c: AppContext,
    kind: "hub" | "coordinator",
    form: OrganisationForm,
    problems: FieldProblem[],
    status: 200 | 400 = 200,
  ) =>
    renderPage(
      c,
      <OrganisationPage
        page={pageContext(c)}
        model={{
          kind,
          name: form.name,
          isDemo: false,
          version: 1,
          delivery: null,
          edited: false,
          form,
          regions: deps.regions,
          provinces: deps.provinces,
          problems,
        }}
      />,
      status,
    );

  const usersPage = async (
    c: AppContext,
    message: { notice?: string; problem?: string } = {},
    status: 200 | 409 = 200,
  ) => {
    const principal = c.get("principal");
    const lang = c.get("lang");
    const now = clock().getTime();
    const [users, open] = await Promise.all([accounts.listUsers(), invitations.listOpen()]);
    return renderPage(
      c,
      <UsersPage
        page={pageContext(c)}
        model={{
          ...message,
          users: users.map((user) => ({
            id: user.id,
            displayName: user.displayName,
            email: user.email,
            role: user.role,
            organisationName: user.organisationName,
            active: user.active,
            lastLogin: user.lastLoginAt ? dateTime(user.lastLoginAt, lang) : null,
            version: user.version,
            self: user.id === principal?.userId,
          })),
          invitations: open.map((invitation) => ({
            id: invitation.id,
            displayName: invitation.displayName,
            email: invitation.email,
            role: invitation.role,
            organisationName: invitation.organisationName,
            expires: dateTime(invitation.expiresAt, lang),
            status: invitation.withdrawn
              ? "withdrawn"
              : invitation.expiresAt.getTime() <= now
                ? "expired"
                : "open",
            version: invitation.version,
          })),
        }}
      />,
      status,
    );
  };

  const invitePage = async (
    c: AppContext,
    form: InviteForm,
    problems: FieldProblem[],
    status: 200 | 400 = 200,
  ) => {
    const organisations = await accounts.listOrganisations();
    return renderPage(
      c,
      <InvitePage
        page={pageContext(c)}
        model={{
          form,
          organisations: organisations.map(({ id, name, kind, isDemo }) => ({
            id,
            kind,
            name: isDemo && !name.includes("(demo") ? `${name} (demo)` : name,
          })),
          problems,
        }}
      />,
      status,
    );
  };

  return app
    .get("/beheer", async (c) => {
      await guard.authorize(c, "admin.enter");
      return renderPage(c, <BeheerIndexPage page={pageContext(c)} />);
    })
    .get("/beheer/organisaties", async (c) => {
      await guard.authorize(c, "organisation.manage");
      const requested = c.req.query("soort") ?? "";
      const kind = (ORGANISATION_KINDS as readonly string[]).includes(requested)
        ? (requested as OrganisationKind)
        : undefined;
      const rows = await accounts.listOrganisations(kind);
      return renderPage(
        c,
        <OrganisationsPage
          page={pageContext(c)}
          model={{
            kind: kind ?? "",
            rows: rows.map((row) => ({
              id: row.id,
              name: row.name,
              kind: row.kind,
              isDemo: row.isDemo,
              contact: [row.website, row.publicEmail, row.phone, row.visitingAddress].filter(
                (line): line is string => Boolean(line),
              ),
              regions: row.regionCodes.map((code) => `${regionName.get(code) ?? code} (${code})`),
              delivery: deliveryView(row),
              activeUsers: row.activeUsers,
            })),
          }}
        />,
      );
    })
    .get("/beheer/organisaties/nieuw", async (c) => {
      await guard.authorize(c, "organisation.manage");
      const kind = c.req.query("soort") === "coordinatie" ? "coordinator" : "hub";
      return newOrganisationPage(c, kind, EMPTY_FORM, []);
    })
    .post("/beheer/organisaties/nieuw", async (c) => {
      await guard.authorize(c, "organisation.manage");
      const t = beheerMessages[c.get("lang")];
      const body = await c.req.parseBody({ all: true });
      const kind = text(body, "soort") === "coordinatie" ? "coordinator" : "hub";
      const read = readOrganisationForm(c, body, { kind, isNew: true, regionCodes });
      const province = deps.provinces.find((candidate) => candidate.code === read.form.provinceCode);
      if (kind === "coordinator" && !province)
        read.problems.push({ field: "provinceCode", message: t.errProvince });
      // A hub's intakes are mailed to its general address, so a new hub needs one.
      if (kind === "hub" && !read.form.publicEmail && !read.problems.some((p) => p.field === "publicEmail"))
        read.problems.push({ field: "publicEmail", message: t.errHubEmail });
      if (read.problems.length) return newOrganisationPage(c, kind, read.form, read.problems, 400);
      const id = await accounts.createOrganisation(guard.actorOf(c), {
        kind,
        name: read.form.name,
        provinceCode: province?.code,
        changes: province ? { ...read.changes, regionCodes: province.regionCodes } : read.changes,
        now: clock(),
        onCreated:
          kind === "hub"
            ? (tx, organisationId) =>
                openHubForIntake(tx, {
                  organisationId,
                  name: read.form.name,
                  email: read.changes.publicEmail ?? "",
                })
            : undefined,
      });
      return c.redirect(`/beheer/organisaties/${id}?toegevoegd`, 303);
    })
    .get("/beheer/organisaties/:id", async (c) => {
      await guard.authorize(c, "organisation.manage");
      const row = await accounts.getOrganisation(c.req.param("id"));
      if (!row) throw notFound("organisation");
      const t = beheerMessages[c.get("lang")];
      const notice =
        c.req.query("opgeslagen") !== undefined
          ? t.saved
          : c.req.query("toegevoegd") !== undefined
            ? t.created
            : undefined;
      return organisationPage(c, row, { notice });
    })
    .post("/beheer/organisaties/:id", async (c) => {
      await guard.authorize(c, "organisation.manage");
      const t = beheerMessages[c.get("lang")];
      const row = await accounts.getOrganisation(c.req.param("id"));
      if (!row) throw notFound("organisation");
      const body = await c.req.parseBody({ all: true });
      const read = readOrganisationForm(c, body, { kind: row.kind, isNew: false, regionCodes });
      const expected = version(body);
      if (read.problems.length)
        return organisationPage(c, row, { form: read.form, problems: read.problems }, 400);
      // Without a version the form is not one we served: treated as a conflict, with the current row to start from.
      const result =
        expected === undefined
          ? "conflict"
          : await accounts.updateOrganisation(guard.actorOf(c), {
              id: row.id,
              version: expected,
              changes: read.changes,
              now: clock(),
            });
      if (result === "not-found") throw notFound("organisation");
      if (result === "conflict") {
        const fresh = (await accounts.getOrganisation(row.id)) ?? row;
        return organisationPage(
          c,
          fresh,
          { form: read.form, problems: [{ field: "website", message: t.conflict }] },
          409,
        );
      }
      return c.redirect(`/beheer/organisaties/${row.id}?opgeslagen`, 303);
    })
    .get("/beheer/gebruikers", async (c) => {
      await guard.authorize(c, "user.manage");
      const t = beheerMessages[c.get("lang")];
      const done = c.req.query("gedaan");
      const notices: Record<string, string> = {
        uitgezet: t.deactivated,
        aangezet: t.reactivated,
        opnieuw: t.resent,
        ingetrokken: t.withdrawn,
      };
      const notice = c.req.query("uitgenodigd") !== undefined ? t.invited : done ? notices[done] : undefined;
      return usersPage(c, { notice });
    })
    .get("/beheer/gebruikers/uitnodigen", async (c) => {
      await guard.authorize(c, "user.manage");
      return invitePage(
        c,
        {
          email: "",
          displayName: "",
          role: "",
          organisationId: c.req.query("organisatie") ?? "",
          lang: c.get("lang"),
        },
        [],
      );
    })
    .post("/beheer/gebruikers/uitnodigen", async (c) => {
      await guard.authorize(c, "user.manage");
      const t = beheerMessages[c.get("lang")];
      const body = await c.req.parseBody();
      const form: InviteForm = {
        email: text(body, "email"),
        displayName: text(body, "displayName"),
        role: text(body, "role"),
        organisationId: text(body, "organisationId"),
        lang: text(body, "lang") === "en" ? "en" : "nl",
      };
      const problems: FieldProblem[] = [...inputProblems(c)];
      if (!emailSchema.safeParse(form.email).success)
        problems.push({ field: "email", message: t.errInviteEmail });
      if (!form.displayName || form.displayName.length > 120)
        problems.push({ field: "displayName", message: t.errInviteName });
      const role = ROLES.find((candidate) => candidate === form.role);
      if (!role) problems.push({ field: "role", message: t.errRole });
      if (!form.organisationId) problems.push({ field: "organisationId", message: t.errOrganisation });
      if (problems.length || !role) return invitePage(c, form, problems, 400);
      const result = await invitations.invite(guard.actorOf(c), {
        email: form.email,
        displayName: form.displayName,
        role,
        organisationId: form.organisationId,
        lang: form.lang === "en" ? "en" : "nl",
      });
      if (!result.ok) {
        const problem = {
          roleOrganisation: { field: "organisationId", message: t.errRoleOrganisation },
          unknownOrganisation: { field: "organisationId", message: t.errOrganisation },
          emailHasAccount: { field: "email", message: t.errEmailHasAccount },
          alreadyInvited: { field: "email", message: t.errAlreadyInvited },
        }[result.problem];
        return invitePage(c, form, [problem], 400);
      }
      return c.redirect("/beheer/gebruikers?uitgenodigd", 303);
    })
    .post("/beheer/uitnodigingen/:id/:action{opnieuw|intrekken}", async (c) => {
      await guard.authorize(c, "user.manage");
      const t = beheerMessages[c.get("lang")];
      const id = Number(c.req.param("id"));
      if (!Number.isInteger(id) || id <= 0) throw notFound("invitation");
      const expected = version(await c.req.parseBody());
      if (expected === undefined) return usersPage(c, { problem: t.invitationConflict }, 409);
      const actor = guard.actorOf(c);
      const resend = c.req.param("action") === "opnieuw";
      const result = resend
        ? await invitations.reinvite(actor, id, expected)
        : await invitations.withdraw(actor, id, expected);
      if (result === "not-found") throw notFound("invitation");
      if (result === "conflict") return usersPage(c, { problem: t.invitationConflict }, 409);
      return c.redirect(`/beheer/gebruikers?gedaan=${resend ? "opnieuw" : "ingetrokken"}`, 303);
    })
    .post("/beheer/gebruikers/:id/:action{deactiveren|activeren}", async (c) => {
      await guard.authorize(c, "user.manage");
      const t = beheerMessages[c.get("lang")];
      const id = Number(c.req.param("id"));
      if (!Number.isInteger(id) || id <= 0) throw notFound("user");
      const expected = version(await c.req.parseBody());
      if (expected === undefined) return usersPage(c, { problem: t.userConflict }, 409);
      const active = c.req.param("action") === "activeren";
      const result = await accounts.setUserActive(guard.actorOf(c), {
        userId: id,
        version: expected,
        active,
      });
      if (result === "not-found") throw notFound("user");
      if (result === "self") return usersPage(c, { problem: t.selfRefused }, 409);
      if (result === "conflict") return usersPage(c, { problem: t.userConflict }, 409);
      return c.redirect(`/beheer/gebruikers?gedaan=${active ? "aangezet" : "uitgezet"}`, 303);
    });
}
