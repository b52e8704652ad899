import { format, type Lang } from "../../../i18n/index.js";
import { Heading, Link, Paragraph, TableScroll } from "../../../web/components.js";
import { JOURNEY_STEPS, type JourneyStep, PHASES } from "../../vocabulary/index.js";
import type { CoverageCells } from "../coverage.js";
import { HEAT_SHADES, heatShade } from "../heat.js";
import { monitoringMessages } from "../monitoring.messages.js";

type MatrixRegion = { code: string; name: string; cells: CoverageCells };

/**
 * The coverage matrix as a heat map: the table itself stays the accessible source (headers per cell), each cell
 * shaded by its count (`cl-heat-{level}`, see heat.ts) with the number always printed in it, a 0 hatched and bold.
 * With one step the phases are named in full; with six they are abbreviated (the full name is read out).
 */
export const HeatMatrix = ({
  lang,
  regions,
  steps,
}: {
  lang: Lang;
  regions: MatrixRegion[];
  steps: readonly JourneyStep[];
}) => {
  const t = monitoringMessages[lang];
  const single = steps.length === 1;
  const caption = single ? format(t.coverageStepCaption, { step: t.step[steps[0]!] }) : t.coverageCaption;
  return (
    <section aria-labelledby="matrix" class="cl-section">
      <TableScroll label={caption} className="cl-table-scroll">
        <table class="utrecht-table utrecht-table--html-table cl-matrix cl-heatmap">
          <caption class="utrecht-table__caption" id="matrix">
            {caption}
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <td class="utrecht-table__header-cell" />
              {steps.map((step) => (
                <th
                  class="utrecht-table__header-cell cl-heatmap__step"
                  scope="colgroup"
                  colspan={3}
                  id={`stap-${step}`}
                >
                  {t.step[step]}
                </th>
              ))}
            </tr>
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col" id="kop-regio">
                {t.region}
              </th>
              {steps.flatMap((step) =>
                PHASES.map((phase) => (
                  <th
                    class="utrecht-table__header-cell cl-heatmap__phase"
                    scope="col"
                    id={`kop-${step}-${phase}`}
                  >
                    {single ? (
                      t.phase[phase]
                    ) : (
                      <>
                        <span aria-hidden="true">{t.phaseShort[phase]}</span>
                        <span class="cl-visually-hidden">{t.phase[phase]}</span>
                      </>
                    )}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {regions.map((region) => (
              <tr class="utrecht-table__row">
                <th
                  class="utrecht-table__header-cell cl-heatmap__region"
                  scope="row"
                  id={`regio-${region.code}`}
                >
                  <Link href={`/monitor/regio/${region.code}`}>{region.name}</Link>
                </th>
                {steps.flatMap((step) =>
                  PHASES.map((phase) => {
                    const count = region.cells[step][phase];
                    return (
                      <td
                        class={`utrecht-table__cell utrecht-table__cell--numeric cl-heat cl-heat-${heatShade(count).level}`}
                        headers={`regio-${region.code} stap-${step} kop-${step}-${phase}`}
                        data-count={count}
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
      {single ? null : <Paragraph small>{t.phaseKey}</Paragraph>}
    </section>
  );
};

/** The legend: every shade with the counts it stands for, as a list that reads the same without colour. */
export const HeatLegend = ({ lang }: { lang: Lang }) => {
  const t = monitoringMessages[lang];
  return (
    <section aria-labelledby="legenda" class="cl-heat-legend">
      <Heading level={2} id="legenda">
        {t.heatLegendTitle}
      </Heading>
      <Paragraph>{t.heatLegendIntro}</Paragraph>
      <ul class="cl-plain-list cl-inline-list">
        {HEAT_SHADES.map((shade) => (
          <li class="cl-heat-legend__item" data-level={shade.level}>
            <span class={`cl-heat cl-heat-${shade.level} cl-heat-legend__swatch`} aria-hidden="true">
              {shade.min}
            </span>{" "}
            {shade.level === 0
              ? t.heatGapLegend
              : shade.max === null
                ? format(t.heatOrMore, { min: shade.min })
                : shade.max === shade.min
                  ? format(t.heatOne, { min: shade.min })
                  : format(t.heatRange, { min: shade.min, max: shade.max })}
          </li>
        ))}
      </ul>
    </section>
  );
};

/** The matrix in a few sentences: gaps, lowest and highest count, the thinnest step (a text alternative). */
export const HeatSummary = ({ lang, regions }: { lang: Lang; regions: MatrixRegion[] }) => {
  const t = monitoringMessages[lang];
  const counts = regions.flatMap((region) =>
    JOURNEY_STEPS.flatMap((step) => PHASES.map((phase) => region.cells[step][phase])),
  );
  if (counts.length === 0) return null;
  const totalOf = (step: JourneyStep) =>
    regions.reduce(
      (sum, region) => sum + PHASES.reduce((cell, phase) => cell + region.cells[step][phase], 0),
      0,
    );
  const thinnest = [...JOURNEY_STEPS].sort((a, b) => totalOf(a) - totalOf(b))[0]!;
  return (
    <section aria-labelledby="in-woorden" class="cl-section">
      <Heading level={2} id="in-woorden">
        {t.heatSummaryTitle}
      </Heading>
      <Paragraph>
        {format(t.heatSummary, {
          cells: counts.length,
          regions: regions.length,
          gaps: counts.filter((count) => count === 0).length,
          min: Math.min(...counts),
          max: Math.max(...counts),
          step: t.step[thinnest],
        })}
      </Paragraph>
    </section>
  );
};
