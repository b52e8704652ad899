import { format } from "../../../i18n/index.js";
import {
  Button,
  Checkbox,
  CsrfField,
  describedBy,
  ErrorSummary,
  FormField,
  Heading,
  Paragraph,
  problemFor,
  Textarea,
  TextInput,
} from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import {
  LoketCard,
  type LoketViewModel,
  type MunicipalityOption,
  MunicipalityPicker,
  type PlaceChoiceModel,
} from "../../regions/index.js";
import { referralsMessages } from "../referrals.messages.js";

/** Carried from the route or scan; `bron` is the campaign source slug, or "". */
type IntakeContext = { sector: string; resultaat: string; bron: string; mijnroute: string };

export type IntakePageModel =
  | {
      kind: "chooseMunicipality";
      value: string;
      municipalities: MunicipalityOption[];
      choice?: PlaceChoiceModel;
      context: IntakeContext;
      problems: FieldProblem[];
    }
  | {
      kind: "form";
      /** Who receives the request: the region's hub, or the national queue (ADR 0081). */
      recipient: "hub" | "national";
      hubName: string;
      /** The name as the consent sentence uses it ("de landelijke coördinatie van Circulair Loket"). */
      consentName: string;
      /** The region's lokets or the national fallback, with contact details. */
      loket: LoketViewModel;
      regionCode: string;
      regionName: string;
      /** "Scheveningen ligt in de gemeente Den Haag.", when the visitor typed a place name. */
      placeNote?: string;
      municipalities: MunicipalityOption[];
      municipalityChoice?: PlaceChoiceModel;
      context: IntakeContext;
      values: Record<string, string>;
      problems: FieldProblem[];
      retentionMonths: number;
    };

/** /intake: the entrepreneur asks the region's hub for a conversation, with explicit consent. */
export const IntakePage = ({ page, model }: { page: PageContext; model: IntakePageModel }) => {
  const t = referralsMessages[page.lang];
  if (model.kind === "chooseMunicipality")
    return (
      <Layout page={page} title={t.intakeTitle}>
        <ErrorSummary title={t.errorTitle} problems={model.problems} />
        <Heading level={1}>{t.intakeTitle}</Heading>
        <Paragraph>{t.intakeChooseMunicipality}</Paragraph>
        <form method="get" action="/intake" class="cl-form-stack" novalidate>
          <ContextFields context={model.context} />
          <MunicipalityPicker
            id="gemeente"
            name="gemeente"
            label={t.intakeMunicipalityLabel}
            hint={t.intakeMunicipalityHint}
            value={model.value}
            error={problemFor(model.problems, "gemeente")}
            options={model.municipalities}
            choice={model.choice}
          />
          <Button>{t.intakeMunicipalityButton}</Button>
        </form>
      </Layout>
    );
  const v = model.values;
  const field = (
    id: string,
    label: string,
    options: {
      hint?: string;
      type?: string;
      autocomplete?: string;
      inputmode?: "numeric" | "email" | "tel";
    } = {},
  ) => {
    const error = problemFor(model.problems, id);
    return (
      <FormField id={id} label={label} hint={options.hint} error={error}>
        <TextInput
          id={id}
          name={id}
          type={options.type}
          value={v[id]}
          autocomplete={options.autocomplete}
          inputmode={options.inputmode}
          invalid={Boolean(error)}
          describedBy={describedBy(id, Boolean(options.hint), Boolean(error))}
        />
      </FormField>
    );
  };
  const questionError = problemFor(model.problems, "question");
  const consentError = problemFor(model.problems, "consent");
  return (
    <Layout page={page} title={t.intakeTitle}>
      <ErrorSummary title={t.errorTitle} problems={model.problems} />
      <Heading level={1}>{t.intakeTitle}</Heading>
      <Paragraph lead>
        {model.recipient === "hub"
          ? format(t.intakeIntro, { hub: model.hubName })
          : format(t.intakeIntroNational, { name: model.hubName })}
      </Paragraph>
      {/* Where the request goes is said once, with the region's name (the region page says it with IntakeRouteNote). */}
      <Paragraph>
        {model.placeNote ? `${model.placeNote} ` : ""}
        {model.recipient === "hub"
          ? format(t.contextLine, { hub: model.hubName, region: model.regionName })
          : format(t.contextLineNational, { name: model.hubName, region: model.regionName })}
      </Paragraph>
      <details class="cl-details">
        <summary>
          {model.loket.isNationalFallback
            ? t.intakeFallbackSummary
            : format(t.intakeLoketSummary, { region: model.regionName })}
        </summary>
        {model.loket.cards.map((card) => (
          <LoketCard card={card} lang={page.lang} headingLevel={2} />
        ))}
      </details>
      <form method="post" action="/intake" class="cl-form-stack" novalidate>
        <CsrfField token={page.csrfToken} />
        {/* The region of the hub named on this page; the dossier's region follows from the municipality. */}
        <input type="hidden" name="regio" value={model.regionCode} />
        <ContextFields context={model.context} />
        <MunicipalityPicker
          id="gemeente"
          name="gemeente"
          label={t.intakeMunicipalityLabel}
          hint={t.intakeMunicipalityHint}
          value={v.gemeente}
          error={problemFor(model.problems, "gemeente")}
          options={model.municipalities}
          choice={model.municipalityChoice}
        />
        {field("contactName", t.contactName, { autocomplete: "name" })}
        {field("email", t.email, { type: "email", autocomplete: "email", inputmode: "email" })}
        {field("phone", t.phone, { type: "tel", autocomplete: "tel", inputmode: "tel" })}
        {field("companyName", t.companyName, { autocomplete: "organization" })}
        {field("kvk", t.kvk, { hint: t.kvkHint, inputmode: "numeric" })}
        <FormField id="question" label={t.question} hint={t.questionHint} error={questionError}>
          <Textarea
            id="question"
            name="question"
            value={v.question}
            invalid={Boolean(questionError)}
            describedBy={describedBy("question", true, Boolean(questionError))}
          />
        </FormField>
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">{t.consentLegend}</legend>
          <p class="utrecht-paragraph" id="consent-text">
            {format(t.consentText, { hub: model.consentName, months: model.retentionMonths })}
          </p>
          {consentError ? (
            <div class="utrecht-form-field-error-message" id="consent-error">
              {consentError}
            </div>
          ) : null}
          <Checkbox
            id="consent"
            name="consent"
            label={t.consentLabel}
            checked={v.consent === "ja"}
            describedBy={consentError ? "consent-text consent-error" : "consent-text"}
          />
        </fieldset>
        {model.context.mijnroute ? (
          <fieldset class="utrecht-form-fieldset">
            <legend class="utrecht-form-fieldset__legend">{t.routeShareLegend}</legend>
            <p class="utrecht-paragraph" id="route-share-text">
              {t.routeShareText}
            </p>
            <Checkbox
              id="routeDelen"
              name="routeDelen"
              label={t.routeShareLabel}
              checked={v.routeDelen === "ja"}
              describedBy="route-share-text"
            />
          </fieldset>
        ) : null}
        <Button>{t.intakeButton}</Button>
      </form>
    </Layout>
  );
};

/** The route's context as hidden fields, so it travels with the intake. */
const ContextFields = ({ context }: { context: IntakeContext }) => (
  <>
    <input type="hidden" name="sector" value={context.sector} />
    <input type="hidden" name="resultaat" value={context.resultaat} />
    <input type="hidden" name="bron" value={context.bron} />
    {context.mijnroute ? <input type="hidden" name="mijnroute" value={context.mijnroute} /> : null}
  </>
);
