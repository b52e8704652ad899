import { format } from "../../../i18n/index.js";
import { Heading, Link, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import { monitoringMessages } from "../monitoring.messages.js";
import type { RegionMapGeometry } from "../region-map.js";
import type { StarConditionId } from "../stars.js";
import { DataTable, type MapRegion, MonitorNav, type MonitorSection, RegionMap } from "./monitor-parts.js";

export type OverviewRegion = MapRegion & {
  missingForNext: StarConditionId[];
  gapCount: number;
  overlapCount: number;
};
export type OverviewModel = { geometry: RegionMapGeometry; regions: OverviewRegion[] };

/** /monitor: the star-level map with its table, and the way to every part of the monitor. */
export const OverviewPage = ({
  page,
  model,
  sections,
}: {
  page: PageContext;
  model: OverviewModel;
  /** The tabs this visitor may open (see `sectionsOpenTo`). */
  sections: MonitorSection[];
}) => {
  const t = monitoringMessages[page.lang];
  return (
    <Layout page={page} title={t.title} current="monitor">
      <Heading level={1}>{t.title}</Heading>
      <Paragraph lead>{t.intro}</Paragraph>
      <MonitorNav lang={page.lang} current="overview" open={sections} />
      <section aria-labelledby="sterren" class="cl-section">
        <Heading level={2} id="sterren">
          {t.starsHeading}
        </Heading>
        <Paragraph>{t.starsIntro}</Paragraph>
        <div class="cl-map-layout">
          <RegionMap lang={page.lang} geometry={model.geometry} regions={model.regions} />
          <div>
            <DataTable
              caption={t.starsHeading}
              captionRepeatsHeading
              head={[t.region, t.stars, t.missingForNext, t.gaps]}
              numeric={[1, 3]}
              rows={model.regions.map((region) => [
                <Link href={`/monitor/regio/${region.code}`}>{region.name}</Link>,
                <span>
                  <span class="cl-visually-hidden">{format(t.starsValue, { stars: region.stars })}</span>
                  <span aria-hidden="true">{region.stars}</span>
                </span>,
                region.missingForNext.length
                  ? region.missingForNext.map((id) => t.condition[id]).join("; ")
                  : t.none,
                region.gapCount,
              ])}
            />
            <Paragraph>
              <Link href={`/monitor/sterren.csv?lang=${page.lang}`}>{t.downloadCsv}</Link>
            </Paragraph>
          </div>
        </div>
      </section>
    </Layout>
  );
};
