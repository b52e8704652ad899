import { format } from "../../../i18n/index.js";
import { Heading, Link, Paragraph, TableScroll } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import { JOURNEY_STEPS, PHASES } from "../../vocabulary/index.js";
import type { CoverageCells } from "../coverage.js";
import { monitoringMessages } from "../monitoring.messages.js";
import { MonitorNav, type MonitorSection } from "./monitor-parts.js";

export type CoverageModel = {
  regions: { code: string; name: string; stars: number; cells: CoverageCells }[];
  /** Per provider: listings not checked for more than twelve months ("niet bijgewerkt"). */
  stale: { provider: string; stale: number; total: number }[];
  /** Provinces without a usable or expected provincial or regional instrument, by name. */
  provincesWithoutOwn: string[];
};

/** /monitor/dekking: the whole matrix, regions down, journey steps × phases across; gaps marked in text too. */
export const CoveragePage = ({
  page,
  model,
  sections,
}: {
  page: PageContext;
  model: CoverageModel;
  /** The tabs this visitor may open (see `sectionsOpenTo`). */
  sections: MonitorSection[];
}) => {
  const t = monitoringMessages[page.lang];
  return (
    <Layout page={page} title={t.coverageTitle} current="monitor">
      <Heading level={1}>{t.coverageTitle}</Heading>
      <Paragraph lead>{t.coverageIntro}</Paragraph>
      <MonitorNav lang={page.lang} current="coverage" open={sections} />
      <TableScroll label={t.coverageCaption} className="cl-table-scroll cl-section">
        <table class="utrecht-table utrecht-table--html-table cl-matrix">
          <caption class="utrecht-table__caption">{t.coverageCaption}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <td class="utrecht-table__header-cell" />
              {JOURNEY_STEPS.map((step) => (
                <th class="utrecht-table__header-cell" scope="colgroup" colspan={3} id={`stap-${step}`}>
                  {t.step[step]}
                </th>
              ))}
            </tr>
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col" id="kop-regio">
                {t.region}
              </th>
              {JOURNEY_STEPS.flatMap((step) =>
                PHASES.map((phase) => (
                  <th class="utrecht-table__header-cell" scope="col" id={`kop-${step}-${phase}`}>
                    {t.phase[phase]}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {model.regions.map((region) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row" id={`regio-${region.code}`}>
                  <Link href={`/monitor/regio/${region.code}`}>{region.name}</Link>
                </th>
                {JOURNEY_STEPS.flatMap((step) =>
                  PHASES.map((phase) => {
                    const count = region.cells[step][phase];
                    return (
                      <td
                        class={`utrecht-table__cell utrecht-table__cell--numeric${count === 0 ? " cl-gap" : ""}`}
                        headers={`regio-${region.code} stap-${step} kop-${step}-${phase}`}
                      >
                        {count}
                        {count === 0 ? <span class="cl-visually-hidden"> ({t.gap})</span> : null}
                      </td>
                    );
                  }),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Paragraph>
        <Link href={`/monitor/dekking.csv?lang=${page.lang}`}>{t.downloadCsv}</Link>
      </Paragraph>
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
