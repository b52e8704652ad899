import { foldDiacritics, format, plural } from "../../../i18n/index.js";
import { Button, ErrorSummary, Heading, Link, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import { regionsMessages } from "../regions.messages.js";
import type { PlaceChoiceModel } from "../regions.place-field.js";
import { type MunicipalityOption, MunicipalityPicker } from "./municipality-picker.js";

export type RegionsPageModel = {
  groups: {
    provinceName: string;
    regions: { code: string; name: string; municipalityCount: number; alsoIn: string[] }[];
  }[];
  municipalities: MunicipalityOption[];
  pickerValue?: string;
  problems: FieldProblem[];
  /** The municipalities a typed name can mean, or the suggestions for a typo. */
  choice?: PlaceChoiceModel;
};

/** /regio: the 30 regions grouped by province, and a picker from municipality name to region. */
export const RegionsPage = ({ page, model }: { page: PageContext; model: RegionsPageModel }) => {
  const t = regionsMessages[page.lang];
  const pickerError = model.problems.find((problem) => problem.field === "gemeente")?.message;
  return (
    <Layout page={page} title={t.title} current="regions">
      <ErrorSummary title={page.t.errors.errorSummaryTitle} problems={model.problems} />
      <Heading level={1}>{t.title}</Heading>
      <Paragraph lead>{t.intro}</Paragraph>
      <form method="get" action="/regio" class="cl-inline-form" novalidate>
        <MunicipalityPicker
          id="gemeente"
          name="gemeente"
          label={t.pickerLabel}
          hint={t.pickerHint}
          value={model.pickerValue}
          error={pickerError}
          options={model.municipalities}
          choice={model.choice}
        />
        <Button>{t.pickerButton}</Button>
      </form>
      <div class="cl-columns cl-section">
        {model.groups.map((group) => (
          <section aria-labelledby={`provincie-${slug(group.provinceName)}`}>
            <Heading level={2} id={`provincie-${slug(group.provinceName)}`}>
              {group.provinceName}
            </Heading>
            <ul class="cl-plain-list">
              {group.regions.map((region) => (
                <li>
                  <Link href={`/regio/${region.code}`}>{region.name}</Link>{" "}
                  <span class="cl-muted">
                    ({plural(page.lang, region.municipalityCount, t.municipalitiesCount)}
                    {region.alsoIn.length
                      ? `; ${format(t.alsoIn, { provinces: region.alsoIn.join(", ") })}`
                      : ""}
                    )
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Layout>
  );
};

const slug = (text: string) => foldDiacritics(text).replace(/[^a-z0-9]+/g, "-");
