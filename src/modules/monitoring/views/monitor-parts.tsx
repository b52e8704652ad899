import type { Child } from "hono/jsx";
import { format, formatNumber, type Lang } from "../../../i18n/index.js";
import { Link, TableScroll } from "../../../web/components.js";
import type { Action } from "../../auth/index.js";
import { gapsMessages } from "../gaps.messages.js";
import { monitoringMessages } from "../monitoring.messages.js";
import type { RegionMapGeometry } from "../region-map.js";

export type MonitorSection =
  | "overview"
  | "coverage"
  | "gaps"
  | "funnel"
  | "effectiveness"
  | "goals"
  | "barriers"
  | "report";

/** The monitor's tabs; a tab with an action opens only for whom the policy allows it (in their own area). */
const SECTIONS: { key: MonitorSection; href: string; action?: Action }[] = [
  { key: "overview", href: "/monitor" },
  { key: "coverage", href: "/monitor/dekking" },
  { key: "gaps", href: "/monitor/gaten" },
  { key: "funnel", href: "/monitor/klantreis" },
  { key: "effectiveness", href: "/monitor/effect" },
  { key: "goals", href: "/monitor/doelen" },
  { key: "barriers", href: "/monitor/belemmeringen", action: "barrier.read_register" },
  { key: "report", href: "/monitor/rapport", action: "report.read" },
];

/**
 * The tabs this user may open, asking the policy about each restricted one: for a route,
 * `sectionsOpenTo((action) => guard.areaFor(c, action) !== undefined)`.
 */
export const sectionsOpenTo = (mayOpen: (action: Action) => boolean): MonitorSection[] =>
  SECTIONS.filter((section) => !section.action || mayOpen(section.action)).map((section) => section.key);

/** The monitor's own sub-navigation: every tab, or only those in `open` (see `sectionsOpenTo`). */
export const MonitorNav = ({
  lang,
  current,
  open,
}: {
  lang: Lang;
  current: MonitorSection;
  open?: MonitorSection[];
}) => {
  const t = monitoringMessages[lang];
  const label: Record<MonitorSection, string> = {
    overview: t.navOverview,
    coverage: t.navCoverage,
    gaps: gapsMessages[lang].navGaps,
    funnel: t.navFunnel,
    effectiveness: t.navEffectiveness,
    goals: t.navGoals,
    barriers: t.navBarriers,
    report: t.navReport,
  };
  return (
    <nav aria-label={t.sectionsHeading} class="cl-monitor-nav">
      <ul class="cl-plain-list cl-inline-list">
        {SECTIONS.filter((section) => !open || open.includes(section.key)).map((section) => (
          <li>
            <Link href={section.href} current={section.key === current}>
              {label[section.key]}
            </Link>
          </li>
        ))}
        {open && !open.includes("barriers") ? (
          // Whoever may not open the register reads the published barriers and answers instead (ADR 0096).
          <li>
            <Link href="/belemmeringen">{label.barriers}</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
};

/** A table in NLDS classes; the caption names it for screen readers. */
/** A share (0 to 1) as a percentage with one decimal, 0.8125 → 81.3: the number the CSV files hold. */
export const percentValue = (share: number) => Math.round(share * 1000) / 10;

/**
 * A share (a conversion, the helped rate) as every monitor page and the report show it: "81,3%" in Dutch, "81.3%" in
 * English, "–" when it is not known or hidden with its small numbers.
 */
export const formatPercent = (share: number | null, lang: Lang) =>
  share === null ? "–" : `${formatNumber(percentValue(share), lang)}%`;

export const DataTable = ({
  caption,
  captionRepeatsHeading = false,
  head,
  rows,
  numeric = [],
}: {
  caption: string;
  /** The heading just above says the same: the caption is then for screen readers only, not shown twice. */
  captionRepeatsHeading?: boolean;
  head: Child[];
  rows: Child[][];
  /** Indexes of columns that hold numbers (right-aligned). */
  numeric?: number[];
}) => (
  <TableScroll label={caption} className="cl-table-scroll">
    <table class="utrecht-table utrecht-table--html-table">
      <caption class={`utrecht-table__caption${captionRepeatsHeading ? " cl-visually-hidden" : ""}`}>
        {caption}
      </caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          {head.map((cell, index) => (
            <th
              class={`utrecht-table__header-cell${numeric.includes(index) ? " utrecht-table__header-cell--numeric" : ""}`}
              scope="col"
            >
              {cell}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        {rows.map((row) => (
          <tr class="utrecht-table__row">
            {row.map((cell, index) =>
              index === 0 ? (
                <th class="utrecht-table__header-cell" scope="row">
                  {cell}
                </th>
              ) : (
                <td
                  class={`utrecht-table__cell${numeric.includes(index) ? " utrecht-table__cell--numeric" : ""}`}
                >
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  </TableScroll>
);

export type MapRegion = { code: string; name: string; stars: number };

/**
 * The regions map as server-rendered SVG: one path per region filled by star level, a title per region for
 * pointer and screen-reader users, and a legend. Colour is never the only carrier: the table beside it has the numbers.
 */
export const RegionMap = ({
  lang,
  geometry,
  regions,
}: {
  lang: Lang;
  geometry: RegionMapGeometry;
  regions: MapRegion[];
}) => {
  const t = monitoringMessages[lang];
  const byCode = new Map(regions.map((region) => [region.code, region]));
  return (
    <figure class="cl-map">
      <svg
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
        role="img"
        aria-labelledby="kaart-titel kaart-uitleg"
        class="cl-map__svg"
      >
        <title id="kaart-titel">{t.mapTitle}</title>
        <desc id="kaart-uitleg">{t.mapDescription}</desc>
        {geometry.shapes.map((shape) => {
          const region = byCode.get(shape.code);
          const stars = region?.stars ?? 0;
          return (
            <path d={shape.d} class={`cl-map__region cl-stars-${stars}`}>
              <title>{`${region?.name ?? shape.code}: ${format(t.starsValue, { stars })}`}</title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        <p class="utrecht-paragraph utrecht-paragraph--small">{t.legend}</p>
        <ul class="cl-plain-list cl-legend">
          {[0, 1, 2, 3, 4, 5].map((stars) => (
            <li>
              <svg viewBox="0 0 16 16" class="cl-legend__swatch" aria-hidden="true" focusable="false">
                <rect x="0.5" y="0.5" width="15" height="15" class={`cl-map__region cl-stars-${stars}`} />
              </svg>{" "}
              {format(t.starsValue, { stars })}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
};

/** A count that may be suppressed on public pages. */
export const shown = (value: number | null, lang: Lang) =>
  value === null ? monitoringMessages[lang].suppressed : String(value);
