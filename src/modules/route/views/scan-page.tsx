import { format } from "../../../i18n/index.js";
import { Button, CsrfField, ErrorSummary, Heading, Link, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import { type MunicipalityOption, MunicipalityPicker, type PlaceChoiceModel } from "../../regions/index.js";
import { routeMessages } from "../route.messages.js";
import { SCAN_QUESTIONS, type ScanQuestion } from "../route.schemas.js";
import { type Choice, ChoiceQuestion, HiddenAnswers, SelectField } from "./form-controls.js";

export type ScanPageModel = {
  question: ScanQuestion;
  step: number;
  /** The answers of the other questions, carried in hidden fields. */
  carried: [string, string][];
  /** This question's current answer(s). */
  value: string[];
  backHref: string;
  problems: FieldProblem[];
  choices: Choice[];
  municipalities: MunicipalityOption[];
  /** The municipalities a typed name can mean, or the suggestions for a typo. */
  municipalityChoice?: PlaceChoiceModel;
  /** "Scheveningen ligt in de gemeente Den Haag.", on the page after the municipality question. */
  placeNote?: string;
};

/** One question of the scan on its own page; the last page posts the answers to save the result. */
export const ScanPage = ({ page, model }: { page: PageContext; model: ScanPageModel }) => {
  const t = routeMessages[page.lang].scan;
  const error = model.problems.find((problem) => problem.field === model.question)?.message;
  const last = model.step === SCAN_QUESTIONS.length;
  const heading = headingOf(model.question, t);
  const field = () => {
    switch (model.question) {
      case "gemeente":
        return (
          <>
            <Heading level={1}>{heading}</Heading>
            <MunicipalityPicker
              id="gemeente"
              name="gemeente"
              label={routeMessages[page.lang].home.municipalityLabel}
              hint={routeMessages[page.lang].home.municipalityHint}
              value={model.value[0]}
              error={error}
              options={model.municipalities}
              choice={model.municipalityChoice}
            />
          </>
        );
      case "sector":
        return (
          <>
            <Heading level={1}>{heading}</Heading>
            <SelectField
              id="sector"
              label={routeMessages[page.lang].home.sectorLabel}
              hint={routeMessages[page.lang].home.sectorHint}
              error={error}
              choices={model.choices}
              selected={model.value[0]}
              placeholder={routeMessages[page.lang].home.sectorChoose}
            />
          </>
        );
      default: {
        const several =
          model.question === "motivatie" || model.question === "thema" || model.question === "hulp";
        return (
          <ChoiceQuestion
            name={model.question}
            type={several ? "checkbox" : "radio"}
            legend={heading}
            hint={model.question === "thema" ? t.themesHint : several ? t.chooseAny : t.chooseOne}
            error={error}
            choices={model.choices}
            selected={model.value}
          />
        );
      }
    }
  };
  return (
    <Layout page={page} title={`${heading} – ${t.title}`}>
      <Paragraph>
        <Link href={model.backHref}>{t.back}</Link>
      </Paragraph>
      <ErrorSummary title={page.t.errors.errorSummaryTitle} problems={model.problems} />
      <Paragraph small>{format(t.progress, { current: model.step, total: SCAN_QUESTIONS.length })}</Paragraph>
      {model.placeNote ? <Paragraph>{model.placeNote}</Paragraph> : null}
      {last ? (
        <form method="post" action="/scan/resultaat" class="cl-scan-form" novalidate>
          <CsrfField token={page.csrfToken} />
          <HiddenAnswers pairs={model.carried} />
          {field()}
          <Button>{t.finish}</Button>
        </form>
      ) : (
        <form method="get" action="/scan" class="cl-scan-form" novalidate>
          <input type="hidden" name="beantwoord" value={model.question} />
          <HiddenAnswers pairs={model.carried} />
          {field()}
          <Button>{t.next}</Button>
        </form>
      )}
    </Layout>
  );
};

function headingOf(question: ScanQuestion, t: (typeof routeMessages)["nl"]["scan"]): string {
  switch (question) {
    case "grootte":
      return t.sizeQuestion;
    case "gemeente":
      return t.municipalityQuestion;
    case "sector":
      return t.sectorQuestion;
    case "situatie":
      return t.stageQuestion;
    case "motivatie":
      return t.motivationsQuestion;
    case "thema":
      return t.themesQuestion;
    case "hulp":
      return t.helpQuestion;
  }
}
