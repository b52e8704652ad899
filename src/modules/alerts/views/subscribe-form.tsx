import type { Lang } from "../../../i18n/index.js";
import {
  Button,
  CsrfField,
  describedBy,
  FormField,
  Heading,
  Paragraph,
  problemFor,
  TextInput,
} from "../../../web/components.js";
import type { FieldProblem } from "../../../web/errors.js";
import type { AlertKind } from "../../vocabulary/index.js";
import { alertMessages } from "../alerts.messages.js";

/** The criteria as the subscribe page's query and the form's hidden fields carry them. */
export type AlertCriteriaQuery = {
  /** An instrument's ref_id. */
  instrument?: string;
  /** A municipality code (GM0153) or a RES region code (ES04). */
  gemeente?: string;
  regio?: string;
  sector?: string;
  stap?: string;
  fase?: string;
  soort?: string;
};

export const CRITERIA_FIELDS = [
  "instrument",
  "gemeente",
  "regio",
  "sector",
  "stap",
  "fase",
  "soort",
] as const;

/** The subscribe page's address for these criteria: what a card, an instrument page or a route links to. */
export function alertSubscribeHref(criteria: AlertCriteriaQuery, lang?: Lang): string {
  const query = new URLSearchParams();
  for (const field of CRITERIA_FIELDS) {
    const value = criteria[field];
    if (value) query.set(field, value);
  }
  if (lang === "en") query.set("lang", "en");
  const text = query.toString();
  return `/meldingen/aanmelden${text ? `?${text}` : ""}`;
}

export type SubscribeFormModel = {
  criteria: AlertCriteriaQuery;
  /** The kinds that fit these criteria, and whether each is ticked. */
  kinds: { value: AlertKind; checked: boolean }[];
  email: string;
  problems: FieldProblem[];
};

/**
 * The sign-up form for alerts, given its criteria (ADR 0092): the kinds that fit them, the e-mail address and the
 * criteria as hidden fields. Posts to /meldingen/aanmelden; any page with a CSRF token can show it (Mijn route).
 */
export const AlertSubscribeForm = ({
  lang,
  csrfToken,
  model,
}: {
  lang: Lang;
  csrfToken: string;
  model: SubscribeFormModel;
}) => {
  const t = alertMessages[lang];
  const kindsError = problemFor(model.problems, "soort-0");
  const emailError = problemFor(model.problems, "email");
  return (
    <form
      method="post"
      action={`/meldingen/aanmelden${lang === "en" ? "?lang=en" : ""}`}
      class="cl-form-stack"
      novalidate
    >
      <CsrfField token={csrfToken} />
      {CRITERIA_FIELDS.map((field) =>
        model.criteria[field] ? <input type="hidden" name={field} value={model.criteria[field]} /> : null,
      )}
      <fieldset
        class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${kindsError ? " utrecht-form-fieldset--invalid" : ""}`}
        aria-describedby={kindsError ? "soorten-error" : undefined}
      >
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {t.kindsLegend}
        </legend>
        {kindsError ? (
          <div class="utrecht-form-field-error-message" id="soorten-error">
            {kindsError}
          </div>
        ) : null}
        {model.kinds.map((kind, index) => (
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            <input
              class="utrecht-checkbox utrecht-checkbox--html-input"
              type="checkbox"
              id={`soort-${index}`}
              name="melding"
              value={kind.value}
              checked={kind.checked}
            />{" "}
            <label class="utrecht-form-label utrecht-form-label--checkbox" for={`soort-${index}`}>
              {t[`kind_${kind.value}`]}
            </label>
          </div>
        ))}
      </fieldset>
      <FormField id="email" label={t.emailLabel} hint={t.emailHint} error={emailError}>
        <TextInput
          id="email"
          name="email"
          type="email"
          autocomplete="email"
          inputmode="email"
          value={model.email}
          invalid={Boolean(emailError)}
          describedBy={describedBy("email", true, Boolean(emailError))}
        />
      </FormField>
      <Button>{t.submit}</Button>
    </form>
  );
};

/** A short "Houd me op de hoogte" section with a link to the sign-up page (pages that are cached show no form). */
export const AlertSubscribeBox = ({ lang, href, id }: { lang: Lang; href: string; id?: string }) => {
  const t = alertMessages[lang];
  const headingId = id ?? "houd-me-op-de-hoogte";
  return (
    <section aria-labelledby={headingId} class="cl-section">
      <Heading level={2} id={headingId}>
        {t.boxHeading}
      </Heading>
      <Paragraph>{t.boxText}</Paragraph>
      <Paragraph>
        <a class="utrecht-link utrecht-link--html-a" href={href}>
          {t.boxLink}
        </a>
      </Paragraph>
    </section>
  );
};
