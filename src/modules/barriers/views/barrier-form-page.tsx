import type { Child } from "hono/jsx";
import { format } from "../../../i18n/index.js";
import {
  Button,
  CsrfField,
  describedBy,
  ErrorSummary,
  FormField,
  Heading,
  Paragraph,
  TextInput,
} from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import { type MunicipalityOption, MunicipalityPicker, type PlaceChoiceModel } from "../../regions/index.js";
import { barriersMessages } from "../barriers.messages.js";
import { BARRIER_THEMES } from "../barriers.service.js";

export type BarrierFormModel = {
  values: Record<string, string>;
  problems: FieldProblem[];
  municipalities: MunicipalityOption[];
  /** The municipalities a typed name can mean, or the suggestions for a typo. */
  choice?: PlaceChoiceModel;
};

/** /belemmering-melden: a plain form that works without JavaScript; errors re-shown with a summary. */
export const BarrierFormPage = ({ page, model }: { page: PageContext; model: BarrierFormModel }) => {
  const t = barriersMessages[page.lang];
  const error = (field: string) => model.problems.find((problem) => problem.field === field)?.message;
  const v = model.values;
  return (
    <Layout page={page} title={t.title}>
      <ErrorSummary title={page.t.errors.errorSummaryTitle} problems={model.problems} />
      <Heading level={1}>{t.title}</Heading>
      <Paragraph lead>{t.intro}</Paragraph>
      <form method="post" action="/belemmering-melden" novalidate>
        <CsrfField token={page.csrfToken} />
        <FormField
          id="beschrijving"
          label={t.description}
          hint={t.descriptionHint}
          error={error("beschrijving")}
        >
          <textarea
            class={`utrecht-textarea utrecht-textarea--html-textarea${error("beschrijving") ? " utrecht-textarea--invalid" : ""}`}
            id="beschrijving"
            name="beschrijving"
            rows={6}
            aria-invalid={error("beschrijving") ? "true" : undefined}
            aria-describedby={describedBy("beschrijving", true, Boolean(error("beschrijving")))}
          >
            {v.beschrijving ?? ""}
          </textarea>
        </FormField>
        <fieldset
          class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${error("onderwerp") ? " utrecht-form-fieldset--invalid" : ""}`}
          aria-describedby={error("onderwerp") ? "onderwerp-error" : undefined}
          id="onderwerp"
        >
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t.theme}
          </legend>
          {error("onderwerp") ? (
            <div class="utrecht-form-field-error-message" id="onderwerp-error">
              {error("onderwerp")}
            </div>
          ) : null}
          {BARRIER_THEMES.map((theme) => (
            <div class="utrecht-form-field utrecht-form-field--radio">
              <div class="utrecht-form-field__input">
                <input
                  type="radio"
                  class="utrecht-radio-button utrecht-radio-button--html-input"
                  id={`onderwerp-${theme}`}
                  name="onderwerp"
                  value={theme}
                  checked={v.onderwerp === theme}
                />
              </div>
              <div class="utrecht-form-field__label">
                <label class="utrecht-form-label utrecht-form-label--radio" for={`onderwerp-${theme}`}>
                  {t.themes[theme]}
                </label>
              </div>
            </div>
          ))}
        </fieldset>
        <FormField id="regel" label={t.rule} hint={t.ruleHint} error={error("regel")}>
          <TextInput
            id="regel"
            name="regel"
            value={v.regel}
            invalid={Boolean(error("regel"))}
            describedBy={describedBy("regel", true, Boolean(error("regel")))}
          />
        </FormField>
        <MunicipalityPicker
          id="gemeente"
          name="gemeente"
          label={t.municipality}
          hint={t.municipalityHint}
          value={v.gemeente}
          error={error("gemeente")}
          options={model.municipalities}
          choice={model.choice}
        />
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset cl-section">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t.contactHeading}
          </legend>
          <Paragraph>{t.contactIntro}</Paragraph>
          <FormField id="naam" label={t.contactName} error={error("naam")}>
            <TextInput
              id="naam"
              name="naam"
              value={v.naam}
              autocomplete="name"
              invalid={Boolean(error("naam"))}
              describedBy={describedBy("naam", false, Boolean(error("naam")))}
            />
          </FormField>
          <FormField id="email" label={t.contactEmail} error={error("email")}>
            <TextInput
              id="email"
              name="email"
              type="email"
              value={v.email}
              autocomplete="email"
              invalid={Boolean(error("email"))}
              describedBy={describedBy("email", false, Boolean(error("email")))}
            />
          </FormField>
          <Checkbox
            id="toestemming"
            label={t.consent}
            checked={v.toestemming === "ja"}
            error={error("toestemming")}
          />
        </fieldset>
        <Button>{t.send}</Button>
      </form>
    </Layout>
  );
};

const Checkbox = ({
  id,
  label,
  checked,
  error,
}: {
  id: string;
  label: Child;
  checked: boolean;
  error?: string;
}) => (
  <div
    class={`utrecht-form-field utrecht-form-field--checkbox${error ? " utrecht-form-field--invalid" : ""}`}
  >
    {error ? (
      <div class="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-error`}>
        {error}
      </div>
    ) : null}
    <div class="utrecht-form-field__input">
      <input
        type="checkbox"
        class="utrecht-checkbox utrecht-checkbox--html-input"
        id={id}
        name={id}
        value="ja"
        checked={checked}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </div>
    <div class="utrecht-form-field__label">
      <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>
        {label}
      </label>
    </div>
  </div>
);

/** The confirmation after a report. */
export const BarrierThanksPage = ({
  page,
  reference,
  mail,
}: {
  page: PageContext;
  /** "B-2026-00012", the reference the mails and the public page use. */
  reference?: string;
  /** Whether the reporter left an address with consent (an answer comes by mail); unknown when undefined. */
  mail?: boolean;
}) => {
  const t = barriersMessages[page.lang];
  return (
    <Layout page={page} title={t.thanksTitle}>
      <Heading level={1}>{t.thanksTitle}</Heading>
      <Paragraph lead>{t.thanksBody}</Paragraph>
      {reference ? <Paragraph>{format(t.thanksReference, { reference })}</Paragraph> : null}
      {mail === true ? <Paragraph>{t.thanksMail}</Paragraph> : null}
      {mail === false ? (
        <Paragraph>
          {t.thanksNoMail}{" "}
          <a class="utrecht-link utrecht-link--html-a" href={`/belemmeringen?lang=${page.lang}`}>
            {t.thanksPublicLink}
          </a>
        </Paragraph>
      ) : null}
      <Paragraph>
        <a class="utrecht-link utrecht-link--html-a" href="/">
          {t.backHome}
        </a>
      </Paragraph>
    </Layout>
  );
};
