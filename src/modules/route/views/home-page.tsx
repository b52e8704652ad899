import { Button, ErrorSummary, Heading, Link, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import { type MunicipalityOption, MunicipalityPicker, type PlaceChoiceModel } from "../../regions/index.js";
import { routeMessages } from "../route.messages.js";
import { type Choice, SelectField } from "./form-controls.js";

export type HomePageModel = {
  municipalities: MunicipalityOption[];
  sectors: Choice[];
  municipality?: string;
  /** The municipalities a typed name can mean, or the suggestions for a typo. */
  municipalityChoice?: PlaceChoiceModel;
  sector?: string;
  problems: FieldProblem[];
};

/** The home page: one form above the fold (municipality and sector) and one button to the personal route. */
export const HomePage = ({ page, model }: { page: PageContext; model: HomePageModel }) => {
  const t = routeMessages[page.lang].home;
  const errorFor = (field: string) => model.problems.find((problem) => problem.field === field)?.message;
  return (
    <Layout page={page} title={t.title} current="home">
      <ErrorSummary title={page.t.errors.errorSummaryTitle} problems={model.problems} />
      <Heading level={1}>{t.title}</Heading>
      <Paragraph lead>{t.intro}</Paragraph>
      <form method="get" action="/route" class="cl-route-form" novalidate>
        <MunicipalityPicker
          id="gemeente"
          name="gemeente"
          label={t.municipalityLabel}
          hint={t.municipalityHint}
          value={model.municipality}
          error={errorFor("gemeente")}
          options={model.municipalities}
          choice={model.municipalityChoice}
        />
        <SelectField
          id="sector"
          label={t.sectorLabel}
          hint={t.sectorHint}
          error={errorFor("sector")}
          choices={model.sectors}
          selected={model.sector}
          placeholder={t.sectorChoose}
        />
        <Button>{t.button}</Button>
      </form>
      <Paragraph>
        {t.scanTeaser} <Link href="/scan">{t.scanLink}</Link>
      </Paragraph>
      <Paragraph>
        {t.newcomerTeaser} <Link href="/circulair-ondernemen">{t.newcomerLink}</Link>
      </Paragraph>
    </Layout>
  );
};
