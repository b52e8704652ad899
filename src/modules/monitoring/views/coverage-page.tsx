import type { Child } from "hono/jsx";
import { format } from "../../../i18n/index.js";
import { Heading, Link, Paragraph, TableScroll } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import { JOURNEY_STEPS, type JourneyStep } from "../../vocabulary/index.js";
import type { CoverageCells } from "../coverage.js";
import { monitoringMessages } from "../monitoring.messages.js";
import { HeatLegend, HeatMatrix, HeatSummary } from "./heat-map.js";
import { MonitorNav, type MonitorSection } from "./monitor-parts.js";

export type CoverageModel = {
  /** One journey step only (?stap=…), for narrow screens; undefined: all six. */
  step?: JourneyStep;
  regions: { code: string; name: string; stars: number; cells: CoverageCells }[];
  /** Per provider: listings not checked for more than twelve months ("niet bijgewerkt"). */
  stale: { provider: string; stale: number; total: number }[];
  /** Provinces without a usable or expected provincial or regional instrument, by name. */
  provincesWithoutOwn: string[];
};

/**
 * /monitor/dekking: the matrix as a heat map (regions down, journey steps × phases across, numbers in every cell), its
 * legend and a summary in words; one step at a time on request (ADR 0089).
 */
export const CoveragePage = ({
  page,
  model,
  sections,
  demandPanel,
}: {
  page: PageContext;
  model: CoverageModel;
  /** Supply set against demand (ADR 0094): the gaps panel, when the gap view is wired in. */
  demandPanel?: Child;
  /** The tabs this visitor may open (see `sectionsOpenTo`). */
  sections: MonitorSection[];
}) => {
  const t = monitoringMessages[page.lang];
  return (
    <Layout page={page} title={t.coverageTitle} current="monitor">
      <Heading level={1}>{t.coverageTitle}</Heading>
      <Paragraph lead>{t.coverageIntro}</Paragraph>
      <MonitorNav lang={page.lang} current="coverage" open={sections} />
      <HeatLegend lang={page.lang} />
      <nav aria-labelledby="een-stap" class="cl-section cl-step-picker">
        <Heading level={2} id="een-stap">
          {t.stepPickerTitle}
        </Heading>
        <Paragraph>{t.stepPickerIntro}</Paragraph>
        <ul class="cl-plain-list cl-inline-list">
          <li>
            <Link href="/monitor/dekking#matrix" current={!model.step}>
              {t.allSteps}
            </Link>
          </li>
          {JOURNEY_STEPS.map((step) => (
            <li>
              <Link href={`/monitor/dekking?stap=${step}#matrix`} current={model.step === step}>
                {t.step[step]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <HeatMatrix
        lang={page.lang}
        regions={model.regions}
        steps={model.step ? [model.step] : JOURNEY_STEPS}
      />
      <HeatSummary lang={page.lang} regions={model.regions} />
      <Paragraph>
        <Link href={`/monitor/dekking.csv?lang=${page.lang}`}>{t.downloadCsv}</Link>
      </Paragraph>
      {demandPanel ?? null}
      <section aria-labelledby="provincies-zonder-eigen-aanbod" class="cl-section">
        <Heading level={2} id="provincies-zonder-eigen-aanbod">
          {t.provinceGapTitle}
        </Heading>
        <Paragraph>
          {model.provincesWithoutOwn.length === 0
            ? t.provinceGapNone
            : format(t.provinceGapSome, {
                names: new Intl.ListFormat(page.lang === "en" ? "en-GB" : "nl-NL", {
                  type: "conjunction",
                }).format(model.provincesWithoutOwn),
              })}
        </Paragraph>
      </section>
      <section aria-labelledby="niet-bijgewerkt" class="cl-section">
        <Heading level={2} id="niet-bijgewerkt">
          {t.staleTitle}
        </Heading>
        <Paragraph>{t.staleIntro}</Paragraph>
        <TableScroll label={t.staleTitle} className="cl-table-scroll">
          <table class="utrecht-table utrecht-table--html-table">
            <caption class="utrecht-table__caption">{t.staleTitle}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {t.staleProvider}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t.staleCount}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t.staleTotal}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {model.stale.map((row) => (
                <tr class="utrecht-table__row" data-provider={row.provider}>
                  <th class="utrecht-table__header-cell" scope="row">
                    {row.provider}
                  </th>
                  <td class="utrecht-table__cell">{row.stale}</td>
                  <td class="utrecht-table__cell">{row.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </Layout>
  );
};
