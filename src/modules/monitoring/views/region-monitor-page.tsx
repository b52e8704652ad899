import { format, type Localised, pick } from "../../../i18n/index.js";
import { Heading, Link, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import { label } from "../../catalogue/index.js";
import { JOURNEY_STEPS, PHASES } from "../../vocabulary/index.js";
import { monitoringMessages } from "../monitoring.messages.js";
import type { RegionOverview } from "../monitoring.service.js";
import { STAR_CONDITIONS } from "../stars.js";
import { DataTable, MonitorNav, type MonitorSection } from "./monitor-parts.js";

export type RegionMonitorModel = { region: RegionOverview; names: Map<string, Localised> };

/** /monitor/regio/{code}: a region's star conditions, its matrix with drill-down, gaps, overlaps. */
export const RegionMonitorPage = ({
  page,
  model,
  sections,
}: {
  page: PageContext;
  model: RegionMonitorModel;
  /** The tabs this visitor may open (see `sectionsOpenTo`). */
  sections: MonitorSection[];
}) => {
  const t = monitoringMessages[page.lang];
  const { region } = model;
  const name = (refId: string) => pick(model.names.get(refId), page.lang) || refId;
  return (
    <Layout page={page} title={format(t.regionTitle, { name: region.name })} current="monitor">
      <Paragraph>
        <Link href="/monitor">{t.backToMonitor}</Link>
      </Paragraph>
      <Heading level={1}>{format(t.regionTitle, { name: region.name })}</Heading>
      <Paragraph lead>
        {format(t.regionStarsIntro, { name: region.name, stars: region.star.stars })}
      </Paragraph>
      <MonitorNav lang={page.lang} current="overview" open={sections} />
      <section aria-labelledby="voorwaarden" class="cl-section">
        <Heading level={2} id="voorwaarden">
          {t.missingForNext}
        </Heading>
        {region.star.missingForNext.length ? (
          <ul class="utrecht-unordered-list">
            {region.star.missingForNext.map((id) => (
              <li class="utrecht-unordered-list__item">{t.condition[id]}</li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t.none}</Paragraph>
        )}
        <DataTable
          caption={t.conditionsCaption}
          head={[t.level, t.missingForNext, t.met]}
          rows={STAR_CONDITIONS.map((condition) => [
            String(condition.level),
            t.condition[condition.id],
            region.star.met[condition.id] ? t.yes : t.no,
          ])}
        />
      </section>
      <section aria-labelledby="matrix" class="cl-section">
        <Heading level={2} id="matrix">
          {format(t.matrixCaption, { name: region.name })}
        </Heading>
        <DataTable
          caption={format(t.matrixCaption, { name: region.name })}
          captionRepeatsHeading
          head={[t.funnelStage, ...PHASES.map((phase) => t.phase[phase])]}
          numeric={[1, 2, 3]}
          rows={JOURNEY_STEPS.map((step) => [
            t.step[step],
            ...PHASES.map((phase) => {
              const count = region.cells[step][phase];
              return (
                <span class={count === 0 ? "cl-gap-text" : undefined}>
                  <Link href={`/monitor/regio/${region.code}/cel?stap=${step}&fase=${phase}`}>
                    {count}
                    <span class="cl-visually-hidden">
                      {" "}
                      {t.instruments}: {t.step[step]}, {t.phase[phase]}
                      {count === 0 ? ` (${t.gap})` : ""}
                    </span>
                  </Link>
                </span>
              );
            }),
          ])}
        />
      </section>
      <section aria-labelledby="gaten" class="cl-section">
        <Heading level={2} id="gaten">
          {t.gapsHeading}
        </Heading>
        {region.gaps.length ? (
          <ul class="utrecht-unordered-list">
            {region.gaps.map((gap) => (
              <li class="utrecht-unordered-list__item">
                {t.step[gap.step]}, {t.phase[gap.phase]}
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t.noGaps}</Paragraph>
        )}
      </section>
      <section aria-labelledby="overlap" class="cl-section">
        <Heading level={2} id="overlap">
          {t.overlapsHeading}
        </Heading>
        {region.overlaps.length ? (
          <DataTable
            caption={t.overlapsHeading}
            captionRepeatsHeading
            head={[t.funnelStage, t.kindLabel, t.instruments]}
            rows={region.overlaps.map((overlap) => [
              `${t.step[overlap.step]}, ${t.phase[overlap.phase]}`,
              label("kind", overlap.kind, page.lang),
              overlap.refIds.map(name).join("; "),
            ])}
          />
        ) : (
          <Paragraph>{t.noOverlaps}</Paragraph>
        )}
      </section>
      {region.partial.length ? (
        <section aria-labelledby="deel" class="cl-section">
          <Heading level={2} id="deel">
            {t.partialHeading}
          </Heading>
          <Paragraph>{t.partialIntro}</Paragraph>
          <ul class="utrecht-unordered-list">
            {region.partial.map((refId) => (
              <li class="utrecht-unordered-list__item">{name(refId)}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
};
