import type { Child } from "hono/jsx";
import { format, formatDate, formatNumber, type Lang, plural } from "../../../i18n/index.js";
import {
  Button,
  Cell,
  CsrfField,
  describedBy,
  ErrorSummary,
  FormField,
  Heading,
  Link,
  Paragraph,
  problemFor,
  Row,
  Select,
  StatusNotice,
  StatusTag,
  Table,
  Textarea,
  TextInput,
} from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import { HELP_KINDS, JOURNEY_STEPS, PHASES } from "../../vocabulary/index.js";
import { dossierMessages } from "../referrals.dossier.messages.js";
import { label, referralsMessages } from "../referrals.messages.js";
import { noOfferMessages } from "../referrals.no-offer.messages.js";
import type { PickerOption } from "../referrals.picker.js";
import { CASE_STATUSES } from "../referrals.service.js";

export type DossierModel = {
  id: number;
  version: number;
  /** The dossier's reference ("CL-2026-00042"): its name once the company's name is erased. */
  reference: string;
  /**
   * The personal data were erased: when, and when the entrepreneur withdrew consent if that was why (ADR 0085).
   * The page says so in words and offers nothing that would refer or contact the person.
   */
  erased: { at: Date; withdrawnAt: Date | null } | null;
  companyName: string;
  kvkNumber: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  question: string;
  /** The region's name, never its code. */
  regionName: string;
  municipalityName: string | null;
  /** The chosen sector in words ("Metaalbewerking"), null when the company gave no sector. */
  sectorName: string | null;
  scanResultId: string | null;
  /** The entrepreneur's Mijn route, shared at intake with consent; the mijn-route module's panel (ADR 0091). */
  savedRoute?: Child | null;
  status: string;
  nextSteps: string;
  assigned: string | null;
  dueAt: Date;
  consent: { givenAt: Date; purpose: string; retentionMonths: number; textVersion: string } | null;
  /** Notes and history lines, already in words: who (by name) and what. */
  notes: { text: string; createdAt: Date; actor: string }[];
  referrals: {
    id: number;
    instrumentName: string;
    status: string;
    outcome: string | null;
    dueAt: Date | null;
  }[];
  measures: {
    description: string;
    materialKg: number | null;
    euro: number | null;
    co2eKg: number | null;
    basis: string;
  }[];
  picker: {
    recommended: PickerOption[];
    fitting: PickerOption[];
    /** Null while the adviser has not asked for support outside the region. */
    outside: PickerOption[] | null;
    outsideCount: number;
    /** The dossier's own address with and without the outside-region offer (works without JavaScript). */
    showOutsideHref: string;
    hideOutsideHref: string;
  };
  /** The form values to show (the user's own after a conflict or an error). */
  form: Record<string, string>;
  problems: FieldProblem[];
  conflict: boolean;
  notice?: string;
  /** Why the change the user asked for was refused (the dossier's personal data were erased). */
  refusal?: string;
};

/** One instrument in the picker: name, provider, why it may not fit, and how the referral reaches the provider. */
function optionLabel(lang: Lang, option: PickerOption): string {
  const d = dossierMessages[lang];
  const delivery = {
    account: d.deliveryAccount,
    mail: d.deliveryMail,
    warme_overdracht: d.deliveryWarm,
  }[option.delivery];
  const values = { name: option.name, provider: option.providerName, delivery };
  if (!option.misfit) return format(d.option, values);
  return format(d.optionMisfit, {
    ...values,
    misfit: option.misfit === "region" ? d.misfitRegion : d.misfitSize,
  });
}

/** /werkruimte/dossiers/{id}: the company dossier. */
export const DossierPage = ({ page, model }: { page: PageContext; model: DossierModel }) => {
  const t = referralsMessages[page.lang];
  const d = dossierMessages[page.lang];
  const lang = page.lang;
  const f = model.form;
  const picker = model.picker;
  const toOption = (option: PickerOption) => ({ value: option.refId, label: optionLabel(lang, option) });
  const numberOrDash = (value: number | null) => (value === null ? "–" : formatNumber(value, lang));
  const err = (field: string) => problemFor(model.problems, field);
  const erased = model.erased;
  const title = format(t.dossierTitle, { company: erased ? model.reference : model.companyName });
  return (
    <Layout page={page} title={title} current="workspace">
      <Paragraph>
        <Link href="/werkruimte">{t.backToQueue}</Link>
      </Paragraph>
      <ErrorSummary title={t.errorTitle} problems={model.problems} />
      {model.conflict ? (
        <div class="cl-conflict" role="alert">
          <Heading level={2}>{t.conflictTitle}</Heading>
          <Paragraph>{t.conflictBody}</Paragraph>
        </div>
      ) : null}
      {model.refusal ? (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <Paragraph>{model.refusal}</Paragraph>
        </div>
      ) : null}
      <StatusNotice text={model.notice} />
      <Heading level={1}>{title}</Heading>
      {erased ? (
        <section aria-labelledby="verwijderd" class="cl-section">
          <div class="utrecht-alert utrecht-alert--warning">
            <Heading level={2} id="verwijderd">
              {erased.withdrawnAt ? d.erasedWithdrawnHeading : d.erasedHeading}
            </Heading>
            <Paragraph>
              {erased.withdrawnAt
                ? format(d.erasedWithdrawn, { date: formatDate(erased.withdrawnAt, lang) })
                : format(d.erased, { date: formatDate(erased.at, lang) })}
            </Paragraph>
          </div>
        </section>
      ) : null}
      <dl class="cl-facts">
        <dt>{t.colStatus}</dt>
        <dd>
          <StatusTag>{label(lang, model.status)}</StatusTag>
        </dd>
        <dt>{t.colAssigned}</dt>
        <dd>{model.assigned ?? "–"}</dd>
        <dt>{t.colDue}</dt>
        <dd>{formatDate(model.dueAt, lang)}</dd>
      </dl>
      {model.status === "nieuw" && !erased ? (
        <form method="post" action={`/werkruimte/dossiers/${model.id}/oppakken`} class="cl-section">
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="version" value={String(model.version)} />
          <Button>{t.pickUp}</Button>
        </form>
      ) : null}
      <section aria-labelledby="bedrijf" class="cl-section">
        <Heading level={2} id="bedrijf">
          {t.profileHeading}
        </Heading>
        <dl class="cl-facts">
          <dt>{t.fieldCompany}</dt>
          <dd>{model.companyName}</dd>
          <dt>{t.kvk}</dt>
          <dd>{model.kvkNumber}</dd>
          <dt>{t.colRegion}</dt>
          <dd>{model.regionName}</dd>
          <dt>{t.municipality}</dt>
          <dd>{model.municipalityName ?? "–"}</dd>
          <dt>{d.sector}</dt>
          <dd>{model.sectorName ?? "–"}</dd>
          <dt>{t.scanResult}</dt>
          <dd>
            {model.scanResultId ? (
              <Link href={`/scan/resultaat/${model.scanResultId}`}>{t.scanResultLink}</Link>
            ) : (
              "–"
            )}
          </dd>
          <dt>{t.fieldQuestion}</dt>
          <dd>{model.question}</dd>
        </dl>
        <Heading level={3}>{t.contactHeading}</Heading>
        <dl class="cl-facts">
          <dt>{t.fieldName}</dt>
          <dd>{model.contactName}</dd>
          <dt>{t.fieldEmail}</dt>
          <dd>{model.contactEmail}</dd>
          <dt>{t.fieldPhone}</dt>
          <dd>{model.contactPhone ?? "–"}</dd>
        </dl>
        {model.consent ? (
          <>
            <Heading level={3}>{t.consentHeading}</Heading>
            <Paragraph small>
              {erased?.withdrawnAt
                ? format(d.consentWithdrawn, {
                    given: formatDate(model.consent.givenAt, lang),
                    withdrawn: formatDate(erased.withdrawnAt, lang),
                  })
                : format(t.consentGiven, {
                    date: formatDate(model.consent.givenAt, lang),
                    purpose: model.consent.purpose,
                    months: model.consent.retentionMonths,
                    version: model.consent.textVersion,
                  })}
            </Paragraph>
          </>
        ) : null}
      </section>
      {erased ? null : (
        <section aria-labelledby="afspraken" class="cl-section">
          <Heading level={2} id="afspraken">
            {t.dossierFormHeading}
          </Heading>
          <form method="post" action={`/werkruimte/dossiers/${model.id}`} class="cl-form-stack" novalidate>
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="version" value={String(model.version)} />
            <FormField id="status" label={t.caseStatus}>
              <Select
                id="status"
                name="status"
                value={f.status}
                options={CASE_STATUSES.map((status) => ({ value: status, label: label(lang, status) }))}
              />
            </FormField>
            <FormField id="nextSteps" label={t.nextSteps}>
              <Textarea id="nextSteps" name="nextSteps" value={f.nextSteps} />
            </FormField>
            <Button>{t.save}</Button>
          </form>
        </section>
      )}
      <section aria-labelledby="verwijzingen" class="cl-section">
        <Heading level={2} id="verwijzingen">
          {t.referralsHeading}
        </Heading>
        {model.referrals.length === 0 ? (
          <Paragraph>{t.noReferrals}</Paragraph>
        ) : (
          <Table
            caption={t.referralsHeading}
            captionRepeatsHeading
            headers={[t.colInstrument, t.colStatus, t.outcome, t.colDue]}
          >
            {model.referrals.map((referral) => (
              <Row>
                <Cell>
                  <Link href={`/werkruimte/verwijzingen/${referral.id}`}>{referral.instrumentName}</Link>
                </Cell>
                <Cell>
                  <StatusTag>{label(lang, referral.status)}</StatusTag>
                </Cell>
                <Cell>{referral.outcome ? label(lang, referral.outcome) : "–"}</Cell>
                <Cell>{referral.dueAt ? formatDate(referral.dueAt, lang) : "–"}</Cell>
              </Row>
            ))}
          </Table>
        )}
        {erased ? null : (
          <>
            <Heading level={3}>{t.referTo}</Heading>
            {picker.outside ? (
              <>
                <div class="utrecht-alert utrecht-alert--warning" role="note">
                  <div class="utrecht-alert__content">
                    <div class="utrecht-alert__message">
                      <Paragraph>{d.outsideWarning}</Paragraph>
                    </div>
                  </div>
                </div>
                <Paragraph>
                  <Link href={picker.hideOutsideHref}>{d.hideOutside}</Link>
                </Paragraph>
              </>
            ) : picker.outsideCount > 0 ? (
              <Paragraph>
                {plural(lang, picker.outsideCount, d.outsideCount)}{" "}
                <Link href={picker.showOutsideHref}>{d.showOutside}</Link>
              </Paragraph>
            ) : null}
            <form
              method="post"
              action={`/werkruimte/dossiers/${model.id}/verwijzingen`}
              class="cl-form-stack"
              novalidate
            >
              <CsrfField token={page.csrfToken} />
              <FormField id="refId" label={t.instrument} hint={d.pickerIntro} error={err("refId")}>
                <Select
                  id="refId"
                  name="refId"
                  value={f.refId}
                  invalid={Boolean(err("refId"))}
                  describedBy={describedBy("refId", true, Boolean(err("refId")))}
                  options={[{ value: "", label: "–" }]}
                  groups={[
                    { label: d.groupRecommended, options: picker.recommended.map(toOption) },
                    { label: d.groupFitting, options: picker.fitting.map(toOption) },
                    { label: d.groupOutside, options: (picker.outside ?? []).map(toOption) },
                  ]}
                />
              </FormField>
              <FormField id="message" label={t.message} hint={t.messageHint} error={err("message")}>
                <Textarea
                  id="message"
                  name="message"
                  value={f.message}
                  invalid={Boolean(err("message"))}
                  describedBy={describedBy("message", true, Boolean(err("message")))}
                />
              </FormField>
              <Button>{t.referButton}</Button>
            </form>
          </>
        )}
      </section>
      {erased ? null : <NoOfferSection page={page} model={model} />}
      {model.savedRoute ?? null}
      <section aria-labelledby="maatregelen" class="cl-section">
        <Heading level={2} id="maatregelen">
          {t.measuresHeading}
        </Heading>
        {model.measures.length === 0 ? (
          <Paragraph>{t.noMeasures}</Paragraph>
        ) : (
          <Table
            caption={t.measuresHeading}
            captionRepeatsHeading
            headers={[t.measureDescription, t.materialKg, t.euro, t.co2eKg, t.basis]}
          >
            {model.measures.map((measure) => (
              <Row>
                <Cell>{measure.description}</Cell>
                <Cell>{numberOrDash(measure.materialKg)}</Cell>
                <Cell>{numberOrDash(measure.euro)}</Cell>
                <Cell>{numberOrDash(measure.co2eKg)}</Cell>
                <Cell>{measure.basis === "gemeten" ? t.gemeten : t.geschat}</Cell>
              </Row>
            ))}
          </Table>
        )}
        {erased ? null : (
          <form
            method="post"
            action={`/werkruimte/dossiers/${model.id}/maatregelen`}
            class="cl-form-stack"
            novalidate
          >
            <CsrfField token={page.csrfToken} />
            <FormField id="description" label={t.measureDescription} error={err("description")}>
              <TextInput
                id="description"
                name="description"
                value={f.description}
                invalid={Boolean(err("description"))}
                describedBy={describedBy("description", false, Boolean(err("description")))}
              />
            </FormField>
            {(["materialKg", "euro", "co2eKg"] as const).map((id) => (
              <FormField id={id} label={t[id]} error={err(id)}>
                <TextInput
                  id={id}
                  name={id}
                  value={f[id]}
                  inputmode="numeric"
                  invalid={Boolean(err(id))}
                  describedBy={describedBy(id, false, Boolean(err(id)))}
                />
              </FormField>
            ))}
            <FormField id="basis" label={t.basis}>
              <Select
                id="basis"
                name="basis"
                value={f.basis}
                options={[
                  { value: "geschat", label: t.geschat },
                  { value: "gemeten", label: t.gemeten },
                ]}
              />
            </FormField>
            {model.referrals.length > 0 || err("referralId") ? (
              <FormField id="referralId" label={t.measureReferral} error={err("referralId")}>
                <Select
                  id="referralId"
                  name="referralId"
                  value={f.referralId ?? ""}
                  invalid={Boolean(err("referralId"))}
                  describedBy={describedBy("referralId", false, Boolean(err("referralId")))}
                  options={[
                    { value: "", label: t.measureNoReferral },
                    ...model.referrals.map((referral) => ({
                      value: String(referral.id),
                      label: `${referral.id} · ${referral.instrumentName}`,
                    })),
                  ]}
                />
              </FormField>
            ) : null}
            <Button>{t.addMeasure}</Button>
          </form>
        )}
      </section>
      <section aria-labelledby="notities" class="cl-section">
        <Heading level={2} id="notities">
          {t.notesHeading}
        </Heading>
        <ul class="utrecht-unordered-list">
          {model.notes.map((note) => (
            <li class="utrecht-unordered-list__item">
              {formatDate(note.createdAt, lang)} · {note.actor}: {note.text}
            </li>
          ))}
        </ul>
        {erased ? null : (
          <form
            method="post"
            action={`/werkruimte/dossiers/${model.id}/notities`}
            class="cl-form-stack"
            novalidate
          >
            <CsrfField token={page.csrfToken} />
            <FormField id="note" label={t.noteLabel} error={err("note")}>
              <Textarea
                id="note"
                name="note"
                value={f.note}
                invalid={Boolean(err("note"))}
                describedBy={describedBy("note", false, Boolean(err("note")))}
              />
            </FormField>
            <Button>{t.addNote}</Button>
          </form>
        )}
      </section>
    </Layout>
  );
};

/**
 * The adviser marks the question "geen passend aanbod" (ADR 0094): step (required), phase and kind of help (optional).
 * Its fields are named apart from the other forms' (geenAanbod…), so an error shows at the right form.
 */
const NoOfferSection = ({ page, model }: { page: PageContext; model: DossierModel }) => {
  const n = noOfferMessages[page.lang];
  const err = (field: string) => problemFor(model.problems, field);
  const f = model.form;
  const Choice = ({
    id,
    label: text,
    options,
  }: {
    id: string;
    label: string;
    options: { value: string; label: string }[];
  }) => (
    <FormField id={id} label={text} error={err(id)}>
      <Select
        id={id}
        name={id}
        value={f[id] ?? ""}
        options={options}
        invalid={Boolean(err(id))}
        describedBy={describedBy(id, false, Boolean(err(id)))}
      />
    </FormField>
  );
  return (
    <section aria-labelledby="geen-aanbod" class="cl-section">
      <Heading level={2} id="geen-aanbod">
        {n.heading}
      </Heading>
      <Paragraph>{n.intro}</Paragraph>
      <form
        method="post"
        action={`/werkruimte/dossiers/${model.id}/geen-aanbod`}
        class="cl-form-stack"
        novalidate
      >
        <CsrfField token={page.csrfToken} />
        <Choice
          id="geenAanbodStap"
          label={n.step}
          options={[
            { value: "", label: n.choose },
            ...JOURNEY_STEPS.map((step) => ({ value: step, label: n.steps[step] })),
          ]}
        />
        <Choice
          id="geenAanbodFase"
          label={n.phase}
          options={[
            { value: "", label: n.unknown },
            ...PHASES.map((phase) => ({ value: phase, label: n.phases[phase] })),
          ]}
        />
        <Choice
          id="geenAanbodHulp"
          label={n.help}
          options={[
            { value: "", label: n.unknown },
            ...HELP_KINDS.map((help) => ({ value: help, label: n.helps[help] })),
          ]}
        />
        <Button secondary>{n.button}</Button>
      </form>
    </section>
  );
};
