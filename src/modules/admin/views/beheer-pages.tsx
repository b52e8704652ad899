import { format } from "../../../i18n/index.js";
import {
  Button,
  ButtonLink,
  Cell,
  CsrfField,
  describedBy,
  ErrorSummary,
  FormField,
  Heading,
  Link,
  ListItem,
  Paragraph,
  problemFor,
  Row,
  Select,
  StatusNotice,
  Table,
  TextInput,
  UnorderedList,
} from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import { beheerMessages } from "../admin.beheer.messages.js";

type Kind = "hub" | "provider" | "coordinator" | "platform";
type RoleCode = "adviseur" | "aanbieder" | "coordinator" | "beheerder";

const BackLink = ({ label }: { label: string }) => (
  <Paragraph>
    <Link href="/beheer">{label}</Link>
  </Paragraph>
);

/** /beheer: the beheerder's starting point. */
export const BeheerIndexPage = ({ page }: { page: PageContext }) => {
  const t = beheerMessages[page.lang];
  const items = [
    ["/beheer/organisaties", t.linkOrganisations, t.linkOrganisationsText],
    ["/beheer/gebruikers", t.linkUsers, t.linkUsersText],
    ["/beheer/betrokkenen", t.linkSubjects, t.linkSubjectsText],
    ["/beheer/audit", t.linkAudit, t.linkAuditText],
  ] as const;
  return (
    <Layout page={page} title={t.indexTitle} current="workspace">
      <Heading level={1}>{t.indexTitle}</Heading>
      <Paragraph>{t.indexIntro}</Paragraph>
      <UnorderedList>
        {items.map(([href, label, text]) => (
          <ListItem>
            <Link href={href}>{label}</Link>: {text}
          </ListItem>
        ))}
      </UnorderedList>
    </Layout>
  );
};

/** How referrals reach an organisation, in words (providers only). */
export type DeliveryView =
  | { route: "account" }
  | { route: "mail"; address: string }
  | { route: "warme_overdracht" }
  | null;

export type OrganisationRowView = {
  id: string;
  name: string;
  kind: Kind;
  isDemo: boolean;
  contact: string[];
  regions: string[];
  delivery: DeliveryView;
  activeUsers: number;
};

/** The delivery route in plain words. */
export function deliveryText(lang: PageContext["lang"], delivery: DeliveryView): string {
  const t = beheerMessages[lang];
  if (!delivery) return t.deliveryNotApplicable;
  if (delivery.route === "account") return t.deliveryAccount;
  if (delivery.route === "mail") return format(t.deliveryMail, { address: delivery.address });
  return t.deliveryNone;
}

const kindLabel = (t: (typeof beheerMessages)["nl"], kind: Kind) => t[`kind_${kind}`];

/** /beheer/organisaties: every organisation with kind, contact and how it receives referrals; filter by kind. */
export const OrganisationsPage = ({
  page,
  model,
}: {
  page: PageContext;
  model: { kind: Kind | ""; rows: OrganisationRowView[] };
}) => {
  const t = beheerMessages[page.lang];
  return (
    <Layout page={page} title={t.organisationsTitle} current="workspace">
      <BackLink label={t.back} />
      <Heading level={1}>{t.organisationsTitle}</Heading>
      <Paragraph>{t.organisationsIntro}</Paragraph>
      <form method="get" action="/beheer/organisaties" class="cl-form-stack">
        <FormField id="soort" label={t.filterLabel}>
          <Select
            id="soort"
            name="soort"
            value={model.kind}
            options={[
              { value: "", label: t.filterAll },
              ...(["provider", "hub", "coordinator", "platform"] as const).map((kind) => ({
                value: kind,
                label: kindLabel(t, kind),
              })),
            ]}
          />
        </FormField>
        <Button secondary>{t.filterButton}</Button>
      </form>
      <Paragraph>
        <ButtonLink href="/beheer/organisaties/nieuw">{t.newHub}</ButtonLink>{" "}
        <ButtonLink href="/beheer/organisaties/nieuw?soort=coordinatie" secondary>
          {t.newCoordination}
        </ButtonLink>
      </Paragraph>
      <Table
        caption={format(t.count, { count: model.rows.length })}
        headers={[t.colName, t.colKind, t.colContact, t.colReferrals, t.colUsers]}
      >
        {model.rows.map((row) => (
          <Row>
            <Cell>
              <Link href={`/beheer/organisaties/${row.id}`}>{row.name}</Link>
              {row.isDemo && !row.name.includes("(demo") ? ` ${t.demo}` : ""}
            </Cell>
            <Cell>
              {kindLabel(t, row.kind)}
              {row.kind === "hub" ? (
                <>
                  <br />
                  {row.regions.length ? row.regions.join(", ") : t.noRegions}
                </>
              ) : null}
            </Cell>
            <Cell>
              {row.contact.length
                ? row.contact.map((line, index) => (
                    <>
                      {index ? <br /> : null}
                      {line}
                    </>
                  ))
                : t.noContact}
            </Cell>
            <Cell>{deliveryText(page.lang, row.delivery)}</Cell>
            <Cell>{row.activeUsers}</Cell>
          </Row>
        ))}
      </Table>
    </Layout>
  );
};

/** The form values of an organisation, as typed (kept on an error). */
export type OrganisationForm = {
  name: string;
  website: string;
  publicEmail: string;
  phone: string;
  visitingAddress: string;
  openingHoursNl: string;
  openingHoursEn: string;
  referralEmail: string;
  regionCodes: string[];
  /** New provincial coordination only. */
  provinceCode: string;
};

export type OrganisationPageModel = {
  /** Undefined for a new hub. */
  id?: string;
  kind: Kind;
  name: string;
  isDemo: boolean;
  version: number;
  delivery: DeliveryView;
  edited: boolean;
  form: OrganisationForm;
  regions: { code: string; name: string }[];
  provinces: { code: string; name: string }[];
  problems: FieldProblem[];
  notice?: string;
};

const TextField = ({
  id,
  label,
  value,
  problems,
  hint,
  type = "text",
  autocomplete,
}: {
  id: keyof OrganisationForm;
  label: string;
  value: string;
  problems: FieldProblem[];
  hint?: string;
  type?: string;
  autocomplete?: string;
}) => {
  const error = problemFor(problems, id);
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      <TextInput
        id={id}
        name={id}
        type={type}
        value={value}
        autocomplete={autocomplete}
        invalid={Boolean(error)}
        describedBy={describedBy(id, Boolean(hint), Boolean(error))}
      />
    </FormField>
  );
};

/** /beheer/organisaties/{id} and /beheer/organisaties/nieuw: contact details, referral address, a hub's regions. */
export const OrganisationPage = ({ page, model }: { page: PageContext; model: OrganisationPageModel }) => {
  const t = beheerMessages[page.lang];
  const isNew = model.id === undefined;
  const title = !isNew
    ? format(t.organisationTitle, { name: model.name })
    : model.kind === "coordinator"
      ? t.createCoordinationTitle
      : t.createHubTitle;
  const provinceError = problemFor(model.problems, "provinceCode");
  const regionsError = problemFor(model.problems, "regionCodes");
  const f = model.form;
  return (
    <Layout page={page} title={title} current="workspace">
      <Paragraph>
        <Link href="/beheer/organisaties">{t.organisationsTitle}</Link>
      </Paragraph>
      <ErrorSummary title={t.errorTitle} problems={model.problems} />
      <Heading level={1}>{title}</Heading>
      <StatusNotice text={model.notice} />
      {isNew ? (
        <Paragraph>{model.kind === "coordinator" ? t.createCoordinationIntro : t.createHubIntro}</Paragraph>
      ) : null}
      {!isNew ? (
        <dl class="cl-facts">
          <dt>{t.colKind}</dt>
          <dd>
            {kindLabel(t, model.kind)}
            {model.isDemo ? ` ${t.demo}` : ""}
          </dd>
          {model.kind === "provider" ? (
            <>
              <dt>{t.colReferrals}</dt>
              <dd>{deliveryText(page.lang, model.delivery)}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {!isNew ? (
        <Paragraph>
          <Link href={`/beheer/gebruikers/uitnodigen?organisatie=${encodeURIComponent(model.id ?? "")}`}>
            {t.inviteForOrganisation}
          </Link>
        </Paragraph>
      ) : null}
      {model.kind === "provider" ? <Paragraph small>{t.catalogueNotice}</Paragraph> : null}
      {model.edited && model.kind !== "provider" ? <Paragraph small>{t.editedNotice}</Paragraph> : null}
      <form
        method="post"
        action={isNew ? "/beheer/organisaties/nieuw" : `/beheer/organisaties/${model.id}`}
        class="cl-form-stack"
        novalidate
      >
        <CsrfField token={page.csrfToken} />
        {isNew ? (
          <input type="hidden" name="soort" value={model.kind === "coordinator" ? "coordinatie" : "hub"} />
        ) : (
          <input type="hidden" name="version" value={String(model.version)} />
        )}
        {isNew ? (
          <TextField id="name" label={t.name} value={f.name} problems={model.problems} autocomplete="off" />
        ) : null}
        {isNew && model.kind === "coordinator" ? (
          <FormField id="provinceCode" label={t.province} error={provinceError}>
            <Select
              id="provinceCode"
              name="provinceCode"
              value={f.provinceCode}
              invalid={Boolean(provinceError)}
              describedBy={describedBy("provinceCode", false, Boolean(provinceError))}
              options={[
                { value: "", label: t.chooseProvince },
                ...model.provinces.map((province) => ({ value: province.code, label: province.name })),
              ]}
            />
          </FormField>
        ) : null}
        <TextField
          id="website"
          label={t.website}
          value={f.website}
          problems={model.problems}
          type="url"
          autocomplete="off"
        />
        <TextField
          id="publicEmail"
          label={t.publicEmail}
          value={f.publicEmail}
          problems={model.problems}
          type="email"
          autocomplete="off"
        />
        <TextField id="phone" label={t.phone} value={f.phone} problems={model.problems} type="tel" />
        <TextField
          id="visitingAddress"
          label={t.visitingAddress}
          value={f.visitingAddress}
          problems={model.problems}
        />
        <TextField
          id="openingHoursNl"
          label={t.openingHoursNl}
          value={f.openingHoursNl}
          problems={model.problems}
        />
        <TextField
          id="openingHoursEn"
          label={t.openingHoursEn}
          value={f.openingHoursEn}
          problems={model.problems}
        />
        {model.kind === "provider" ? (
          <TextField
            id="referralEmail"
            label={t.referralEmail}
            hint={t.referralEmailHint}
            value={f.referralEmail}
            problems={model.problems}
            type="email"
            autocomplete="off"
          />
        ) : null}
        {model.kind === "hub" ? (
          <fieldset
            class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${regionsError ? " utrecht-form-fieldset--invalid" : ""}`}
            id="regionCodes"
            aria-describedby={regionsError ? "regionCodes-error" : undefined}
          >
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {t.regionsLegend}
            </legend>
            {regionsError ? (
              <div class="utrecht-form-field-error-message" id="regionCodes-error">
                {regionsError}
              </div>
            ) : null}
            {model.regions.map((region) => (
              <div class="utrecht-form-field utrecht-form-field--checkbox">
                <input
                  class="utrecht-checkbox utrecht-checkbox--html-input"
                  type="checkbox"
                  id={`regio-${region.code}`}
                  name="regio"
                  value={region.code}
                  checked={f.regionCodes.includes(region.code)}
                />{" "}
                <label class="utrecht-form-label utrecht-form-label--checkbox" for={`regio-${region.code}`}>
                  {region.name} ({region.code})
                </label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <Button>
          {!isNew ? t.save : model.kind === "coordinator" ? t.createCoordinationButton : t.createButton}
        </Button>
      </form>
    </Layout>
  );
};

export type UserRowView = {
  id: number;
  displayName: string;
  email: string;
  role: RoleCode;
  organisationName: string;
  active: boolean;
  lastLogin: string | null;
  version: number;
  self: boolean;
};

export type InvitationRowView = {
  id: number;
  displayName: string;
  email: string;
  role: RoleCode;
  organisationName: string;
  expires: string;
  status: "open" | "expired" | "withdrawn";
  version: number;
};

/** /beheer/gebruikers: accounts (switch off or on) and invitations not yet used (send again, withdraw). */
export const UsersPage = ({
  page,
  model,
}: {
  page: PageContext;
  model: { users: UserRowView[]; invitations: InvitationRowView[]; notice?: string; problem?: string };
}) => {
  const t = beheerMessages[page.lang];
  return (
    <Layout page={page} title={t.usersTitle} current="workspace">
      <BackLink label={t.back} />
      <Heading level={1}>{t.usersTitle}</Heading>
      <StatusNotice text={model.notice} />
      {model.problem ? (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <Paragraph>{model.problem}</Paragraph>
        </div>
      ) : null}
      <Paragraph>{t.usersIntro}</Paragraph>
      <Paragraph>
        <ButtonLink href="/beheer/gebruikers/uitnodigen">{t.inviteLink}</ButtonLink>
      </Paragraph>
      <Table
        caption={t.usersTitle}
        captionRepeatsHeading
        headers={[t.colPerson, t.colRoleOrganisation, t.colActive, t.colLastLogin, t.colActions]}
      >
        {model.users.map((user) => (
          <Row>
            <Cell>
              {user.displayName}
              <br />
              {user.email}
            </Cell>
            <Cell>
              {t[`role_${user.role}`]}
              <br />
              {user.organisationName}
            </Cell>
            <Cell>{user.active ? t.active : t.inactive}</Cell>
            <Cell>{user.lastLogin ?? t.never}</Cell>
            <Cell>
              {user.self ? null : (
                <form
                  method="post"
                  action={`/beheer/gebruikers/${user.id}/${user.active ? "deactiveren" : "activeren"}`}
                >
                  <CsrfField token={page.csrfToken} />
                  <input type="hidden" name="version" value={String(user.version)} />
                  <Button secondary>
                    {user.active ? t.deactivate : t.reactivate}
                    <span class="cl-visually-hidden">: {user.displayName}</span>
                  </Button>
                </form>
              )}
            </Cell>
          </Row>
        ))}
      </Table>
      <section aria-labelledby="uitnodigingen" class="cl-section">
        <Heading level={2} id="uitnodigingen">
          {t.invitationsTitle}
        </Heading>
        {model.invitations.length === 0 ? (
          <Paragraph>{t.noInvitations}</Paragraph>
        ) : (
          <Table
            caption={t.invitationsTitle}
            captionRepeatsHeading
            headers={[t.colPerson, t.colRoleOrganisation, t.colExpires, t.colActions]}
          >
            {model.invitations.map((invitation) => (
              <Row>
                <Cell>
                  {invitation.displayName}
                  <br />
                  {invitation.email}
                </Cell>
                <Cell>
                  {t[`role_${invitation.role}`]}
                  <br />
                  {invitation.organisationName}
                </Cell>
                <Cell>
                  {invitation.status === "withdrawn"
                    ? t.statusWithdrawn
                    : invitation.status === "expired"
                      ? `${invitation.expires} (${t.statusExpired})`
                      : invitation.expires}
                </Cell>
                <Cell>
                  <form method="post" action={`/beheer/uitnodigingen/${invitation.id}/opnieuw`}>
                    <CsrfField token={page.csrfToken} />
                    <input type="hidden" name="version" value={String(invitation.version)} />
                    <Button secondary>
                      {t.resend}
                      <span class="cl-visually-hidden">: {invitation.email}</span>
                    </Button>
                  </form>
                  {invitation.status === "withdrawn" ? null : (
                    <form method="post" action={`/beheer/uitnodigingen/${invitation.id}/intrekken`}>
                      <CsrfField token={page.csrfToken} />
                      <input type="hidden" name="version" value={String(invitation.version)} />
                      <Button secondary>
                        {t.withdraw}
                        <span class="cl-visually-hidden">: {invitation.email}</span>
                      </Button>
                    </form>
                  )}
                </Cell>
              </Row>
            ))}
          </Table>
        )}
      </section>
    </Layout>
  );
};

export type InviteForm = {
  email: string;
  displayName: string;
  role: string;
  organisationId: string;
  lang: string;
};

/** /beheer/gebruikers/uitnodigen: invite a person into a role and organisation. */
export const InvitePage = ({
  page,
  model,
}: {
  page: PageContext;
  model: {
    form: InviteForm;
    organisations: { id: string; name: string; kind: Kind }[];
    problems: FieldProblem[];
  };
}) => {
  const t = beheerMessages[page.lang];
  const error = (field: string) => problemFor(model.problems, field);
  const f = model.form;
  const kinds = ["provider", "hub", "coordinator", "platform"] as const;
  return (
    <Layout page={page} title={t.inviteTitle} current="workspace">
      <Paragraph>
        <Link href="/beheer/gebruikers">{t.usersTitle}</Link>
      </Paragraph>
      <ErrorSummary title={t.errorTitle} problems={model.problems} />
      <Heading level={1}>{t.inviteTitle}</Heading>
      <Paragraph>{t.inviteIntro}</Paragraph>
      <form method="post" action="/beheer/gebruikers/uitnodigen" class="cl-form-stack" novalidate>
        <CsrfField token={page.csrfToken} />
        <FormField id="email" label={t.inviteEmail} error={error("email")}>
          <TextInput
            id="email"
            name="email"
            type="email"
            value={f.email}
            autocomplete="off"
            invalid={Boolean(error("email"))}
            describedBy={describedBy("email", false, Boolean(error("email")))}
          />
        </FormField>
        <FormField id="displayName" label={t.inviteName} error={error("displayName")}>
          <TextInput
            id="displayName"
            name="displayName"
            value={f.displayName}
            autocomplete="off"
            invalid={Boolean(error("displayName"))}
            describedBy={describedBy("displayName", false, Boolean(error("displayName")))}
          />
        </FormField>
        <FormField id="role" label={t.inviteRole} error={error("role")}>
          <Select
            id="role"
            name="role"
            value={f.role}
            invalid={Boolean(error("role"))}
            describedBy={describedBy("role", false, Boolean(error("role")))}
            options={[
              { value: "", label: t.chooseRole },
              ...(["aanbieder", "adviseur", "coordinator", "beheerder"] as const).map((role) => ({
                value: role,
                label: t[`role_${role}`],
              })),
            ]}
          />
        </FormField>
        <FormField
          id="organisationId"
          label={t.inviteOrganisation}
          hint={t.inviteOrganisationHint}
          error={error("organisationId")}
        >
          <select
            class={`utrecht-select utrecht-select--html-select${error("organisationId") ? " utrecht-select--invalid" : ""}`}
            id="organisationId"
            name="organisationId"
            aria-invalid={error("organisationId") ? "true" : undefined}
            aria-describedby={describedBy("organisationId", true, Boolean(error("organisationId")))}
          >
            <option value="">{t.chooseOrganisation}</option>
            {kinds.map((kind) => (
              <optgroup label={kindLabel(t, kind)}>
                {model.organisations
                  .filter((organisation) => organisation.kind === kind)
                  .map((organisation) => (
                    <option value={organisation.id} selected={organisation.id === f.organisationId}>
                      {organisation.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </FormField>
        <FormField id="lang" label={t.inviteLang}>
          <Select
            id="lang"
            name="lang"
            value={f.lang}
            options={[
              { value: "nl", label: t.langNl },
              { value: "en", label: t.langEn },
            ]}
          />
        </FormField>
        <Button>{t.inviteButton}</Button>
      </form>
    </Layout>
  );
};
