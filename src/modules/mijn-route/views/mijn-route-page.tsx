import type { Child } from "hono/jsx";
import { format, formatDate, type Lang } from "../../../i18n/index.js";
import {
  Button,
  ButtonLink,
  CsrfField,
  describedBy,
  ErrorSummary,
  FormField,
  Heading,
  Link,
  Paragraph,
  problemFor,
  Select,
  StatusNotice,
  TextInput,
} from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import {
  PROGRESS_STATUS_LABELS,
  PROGRESS_STATUSES,
  type ProgressStatus,
  RESULT_BASES,
  RESULT_BASIS_LABELS,
  type ResultBasis,
} from "../../vocabulary/index.js";
import { mijnRouteMessages } from "../mijn-route.messages.js";

/** A recorded figure in words: "1.200 kg (geschat)". */
export type FigureView = { label: string; value: number; basis: ResultBasis };

export type ItemView = {
  code: string;
  name: string;
  description?: string;
  meta?: string;
  status: ProgressStatus;
  figures: FigureView[];
  /** Measures: the values in the form (as typed after a problem, else as stored). */
  form?: Record<string, string>;
};

export type MijnRoutePageModel = {
  path: string;
  shareUrl: string;
  version: number;
  createdAt: Date;
  municipalityName: string;
  sectorName: string;
  criteria: { label: string; value: string }[];
  phase: string;
  startPhase: string;
  phaseMoved: boolean;
  nextStep: string | null;
  steps: ItemView[];
  measures: ItemView[];
  packageName: string | null;
  packageHref: string | null;
  routeHref: string;
  intakeHref: string;
  email: { confirmed: boolean; pending: boolean; value: string };
  notice?: string;
  conflict?: boolean;
  problems: FieldProblem[];
  /** Which form the problems belong to: "e-mail" or a measure's code. */
  problemForm?: string;
  /**
   * Slot for "Houd me op de hoogte" (alerts, issue 17 item 5): the composition root passes the alert form here once
   * that module exists; nothing is rendered without it.
   */
  alertForm?: Child;
};

const statusOptions = (lang: Lang) =>
  PROGRESS_STATUSES.map((status) => ({ value: status, label: PROGRESS_STATUS_LABELS[status][lang] }));

const numberFormat = (lang: Lang) => new Intl.NumberFormat(lang === "en" ? "en-GB" : "nl-NL");

/** "1.200 kg materiaal (geschat), € 300 (gemeten)". */
export function figuresText(figures: FigureView[], lang: Lang): string {
  return figures
    .map(
      (figure) =>
        `${figure.label}: ${numberFormat(lang).format(figure.value)} (${RESULT_BASIS_LABELS[figure.basis][lang].toLowerCase()})`,
    )
    .join("; ");
}

/** /mijn-route/{token}: phase and next step, the steps and measures with their status and results, share and mail. */
export const MijnRoutePage = ({ page, model }: { page: PageContext; model: MijnRoutePageModel }) => {
  const lang = page.lang;
  const t = mijnRouteMessages[lang];
  const problems = model.problems;
  const statusForm = (kind: "stap" | "maatregel", item: ItemView, children?: Child) => {
    const id = `${kind}-${item.code}-status`;
    return (
      <form
        method="post"
        action={`${model.path}/${kind}/${item.code}`}
        class="cl-form-stack cl-no-print"
        novalidate
      >
        <CsrfField token={page.csrfToken} />
        <input type="hidden" name="versie" value={String(model.version)} />
        <FormField id={id} label={format(t.statusOf, { name: item.name })}>
          <Select
            id={id}
            name="status"
            value={item.form?.status ?? item.status}
            options={statusOptions(lang)}
          />
        </FormField>
        {children}
        <Button secondary>{kind === "stap" ? t.saveStep : t.saveMeasure}</Button>
      </form>
    );
  };
  const resultFields = (item: ItemView) => {
    const mine = model.problemForm === item.code;
    return (
      <fieldset class="utrecht-form-fieldset cl-form-stack">
        <legend class="utrecht-form-fieldset__legend">{t.resultsLegend}</legend>
        {(
          [
            ["materiaal", t.materialLabel],
            ["euro", t.euroLabel],
            ["co2", t.co2Label],
          ] as const
        ).map(([field, label]) => {
          const id = `m-${item.code}-${field}`;
          const error = mine ? problemFor(problems, id) : undefined;
          return (
            <div class="cl-result-field">
              <FormField id={id} label={label} hint={t.numberHint} error={error}>
                <TextInput
                  id={id}
                  name={field}
                  value={item.form?.[field] ?? ""}
                  inputmode="text"
                  invalid={Boolean(error)}
                  describedBy={describedBy(id, true, Boolean(error))}
                />
              </FormField>
              <FormField id={`${id}-basis`} label={format(t.basisLabel, { figure: label })}>
                <Select
                  id={`${id}-basis`}
                  name={`${field}_basis`}
                  value={item.form?.[`${field}_basis`] ?? "geschat"}
                  options={RESULT_BASES.map((basis) => ({
                    value: basis,
                    label: RESULT_BASIS_LABELS[basis][lang],
                  }))}
                />
              </FormField>
            </div>
          );
        })}
      </fieldset>
    );
  };
  const emailError = model.problemForm === "e-mail" ? problemFor(problems, "email") : undefined;
  return (
    <Layout page={page} title={t.title} noindex>
      <ErrorSummary title={t.errorTitle} problems={problems} />
      <StatusNotice text={model.conflict ? t.conflict : model.notice} />
      <Heading level={1}>{t.title}</Heading>
      <Paragraph lead>
        {format(t.lead, {
          sector: model.sectorName.toLowerCase(),
          municipality: model.municipalityName,
          date: formatDate(model.createdAt, lang),
        })}
      </Paragraph>

      <div class="cl-columns cl-route-summary">
        <section aria-labelledby="fase" class="cl-card">
          <Heading level={2} id="fase">
            {format(t.phaseHeading, { phase: model.phase })}
          </Heading>
          {model.phaseMoved ? (
            <Paragraph>{format(t.phaseStarted, { phase: model.startPhase })}</Paragraph>
          ) : null}
        </section>
        <section aria-labelledby="volgende-stap" class="cl-card">
          <Heading level={2} id="volgende-stap">
            {model.nextStep
              ? format(t.nextStepHeading, { step: model.nextStep.toLowerCase() })
              : t.noNextStep}
          </Heading>
          {model.nextStep ? null : <Paragraph>{t.allStepsDone}</Paragraph>}
        </section>
      </div>
      <Paragraph small>{t.progressRule}</Paragraph>

      <section aria-labelledby="stappen" class="cl-section">
        <Heading level={2} id="stappen">
          {t.stepsHeading}
        </Heading>
        <Paragraph>{t.stepsIntro}</Paragraph>
        <ol class="cl-mijn-route-list">
          {model.steps.map((step) => (
            <li class="cl-card" id={`stap-${step.code}`}>
              <Heading level={3}>{step.name}</Heading>
              <Paragraph>
                <strong>
                  {format(t.currentStatus, { status: PROGRESS_STATUS_LABELS[step.status][lang] })}
                </strong>
              </Paragraph>
              {statusForm("stap", step)}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="maatregelen" class="cl-section">
        <Heading level={2} id="maatregelen">
          {t.measuresHeading}
        </Heading>
        {model.measures.length && model.packageName ? (
          <>
            <Paragraph>{format(t.measuresIntro, { package: model.packageName })}</Paragraph>
            <ol class="cl-mijn-route-list">
              {model.measures.map((measure) => (
                <li class="cl-card" id={`maatregel-${measure.code}`}>
                  <Heading level={3}>{measure.name}</Heading>
                  {measure.meta ? <Paragraph small>{measure.meta}</Paragraph> : null}
                  {measure.description ? <Paragraph>{measure.description}</Paragraph> : null}
                  <Paragraph>
                    <strong>
                      {format(t.currentStatus, { status: PROGRESS_STATUS_LABELS[measure.status][lang] })}
                    </strong>
                  </Paragraph>
                  {measure.figures.length ? (
                    <Paragraph>
                      {format(t.recorded, { results: figuresText(measure.figures, lang) })}
                    </Paragraph>
                  ) : null}
                  {statusForm("maatregel", measure, resultFields(measure))}
                </li>
              ))}
            </ol>
            {model.packageHref ? (
              <Paragraph>
                <Link href={model.packageHref}>{t.moreAboutMeasure}</Link>
              </Paragraph>
            ) : null}
          </>
        ) : (
          <Paragraph>{t.noMeasures}</Paragraph>
        )}
      </section>

      <section aria-labelledby="grondslag" class="cl-section">
        <Heading level={2} id="grondslag">
          {t.criteriaHeading}
        </Heading>
        <dl class="cl-facts">
          {model.criteria.map((item) => (
            <>
              <dt>{item.label}</dt>
              <dd>{item.value}</dd>
            </>
          ))}
        </dl>
        <div class="cl-no-print">
          <Paragraph>
            <Link href={model.routeHref}>{t.routeLink}</Link>
          </Paragraph>
        </div>
      </section>

      <section aria-labelledby="delen" class="cl-section">
        <Heading level={2} id="delen">
          {t.shareHeading}
        </Heading>
        <Paragraph>{t.shareBody}</Paragraph>
        <Paragraph>
          <span class="cl-code cl-break">{model.shareUrl}</span>
        </Paragraph>
        <Paragraph small>{t.printHint}</Paragraph>
      </section>

      <section aria-labelledby="e-mail" class="cl-section cl-no-print">
        <Heading level={2} id="e-mail">
          {t.emailHeading}
        </Heading>
        {model.email.confirmed ? <Paragraph>{t.emailConfirmed}</Paragraph> : null}
        {model.email.pending ? <Paragraph>{t.emailPending}</Paragraph> : null}
        <Paragraph>{t.emailBody}</Paragraph>
        <form method="post" action={`${model.path}/e-mail`} class="cl-form-stack" novalidate>
          <CsrfField token={page.csrfToken} />
          <FormField id="email" label={t.emailLabel} error={emailError}>
            <TextInput
              id="email"
              name="email"
              type="email"
              autocomplete="email"
              value={model.email.value}
              invalid={Boolean(emailError)}
              describedBy={describedBy("email", false, Boolean(emailError))}
            />
          </FormField>
          <Button secondary>{t.emailButton}</Button>
        </form>
      </section>

      {/* Slot for the alerts module ("Houd me op de hoogte"): rendered only when the composition root gives it. */}
      {model.alertForm ? <div class="cl-no-print">{model.alertForm}</div> : null}

      <section aria-labelledby="gesprek" class="cl-section cl-card cl-no-print">
        <Heading level={2} id="gesprek">
          {t.intakeHeading}
        </Heading>
        <Paragraph>{t.intakeBody}</Paragraph>
        <ButtonLink href={model.intakeHref}>{t.intakeButton}</ButtonLink>
      </section>
    </Layout>
  );
};

/** The confirmation of an address: a button (a mail scanner that opens the link confirms nothing), then the result. */
export const ConfirmEmailPage = ({
  page,
  state,
  action,
  days,
}: {
  page: PageContext;
  state: "ask" | "done" | "expired";
  action: string;
  days: number;
}) => {
  const t = mijnRouteMessages[page.lang];
  const title =
    state === "ask" ? t.confirmTitle : state === "done" ? t.confirmDoneTitle : t.confirmExpiredTitle;
  return (
    <Layout page={page} title={title} noindex>
      <Heading level={1}>{title}</Heading>
      {state === "ask" ? (
        <>
          <Paragraph>{t.confirmBody}</Paragraph>
          <form method="post" action={action} class="cl-form-stack" novalidate>
            <CsrfField token={page.csrfToken} />
            <Button>{t.confirmButton}</Button>
          </form>
        </>
      ) : (
        <Paragraph>{state === "done" ? t.confirmDoneBody : format(t.confirmExpiredBody, { days })}</Paragraph>
      )}
    </Layout>
  );
};

/**
 * "Bewaar als Mijn route" on the route and scan result pages: a plain link to /mijn-route/bewaren with the route's
 * parameters, so those pages hold no per-session token and the one-click route stays page-cacheable (ADR 0091).
 */
export const SaveRouteForm = ({
  page,
  fields,
}: {
  page: PageContext;
  /** gemeente and sector (the one-click route), or resultaat (a saved scan result). */
  fields: Record<string, string>;
}) => {
  const t = mijnRouteMessages[page.lang];
  const query = new URLSearchParams({ ...fields, ...(page.lang === "en" ? { lang: "en" } : {}) });
  return (
    <section aria-labelledby="mijn-route" class="cl-section cl-card cl-no-print">
      <Heading level={2} id="mijn-route">
        {t.saveHeading}
      </Heading>
      <Paragraph>{t.saveBody}</Paragraph>
      <ButtonLink href={`/mijn-route/bewaren?${query}`}>{t.saveButton}</ButtonLink>
    </section>
  );
};

export type KeepRouteModel = {
  /** The hidden fields the POST to /mijn-route carries: gemeente and sector, or resultaat. */
  fields: Record<string, string>;
  criteria: { label: string; value: string }[];
  phase: string;
  nextStep: string | null;
  packageName: string | null;
  measures: string[];
  backHref: string;
};

/** /mijn-route/bewaren: what will be saved, and the one POST form (with its CSRF token) that saves it. */
export const KeepRoutePage = ({ page, model }: { page: PageContext; model: KeepRouteModel }) => {
  const t = mijnRouteMessages[page.lang];
  return (
    <Layout page={page} title={t.keepTitle} noindex>
      <Paragraph>
        <Link href={model.backHref}>{t.keepBack}</Link>
      </Paragraph>
      <Heading level={1}>{t.keepTitle}</Heading>
      <Paragraph lead>{t.keepLead}</Paragraph>
      <section aria-labelledby="bewaren-wat" class="cl-section">
        <Heading level={2} id="bewaren-wat">
          {t.keepWhat}
        </Heading>
        <dl class="cl-facts">
          {[
            ...model.criteria,
            { label: t.keepPhase, value: model.phase },
            ...(model.nextStep ? [{ label: t.keepNextStep, value: model.nextStep }] : []),
          ].map((row) => (
            <>
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </>
          ))}
        </dl>
        {model.packageName && model.measures.length ? (
          <>
            <Paragraph>{format(t.keepMeasures, { package: model.packageName })}</Paragraph>
            <ul class="utrecht-unordered-list">
              {model.measures.map((measure) => (
                <li class="utrecht-unordered-list__item">{measure}</li>
              ))}
            </ul>
          </>
        ) : (
          <Paragraph>{t.noMeasures}</Paragraph>
        )}
        <Paragraph>{t.keepNoName}</Paragraph>
      </section>
      <form method="post" action={`/mijn-route${page.lang === "en" ? "?lang=en" : ""}`} class="cl-form-stack">
        <CsrfField token={page.csrfToken} />
        {Object.entries(model.fields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <Button>{t.keepButton}</Button>
      </form>
    </Layout>
  );
};
