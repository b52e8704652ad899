import type { Lang } from "../../i18n/index.js";
import { vocabularyLabel } from "../vocabulary/index.js";
import { monitoringMessages } from "./monitoring.messages.js";
import type { MonitoringService } from "./monitoring.service.js";

/** The monitor's part of the public region page (/regio/{code}, ADR 0089), in words of the language. */
export type PublicRegionFigures = {
  stars: number;
  /** The conditions still missing for the next star, in words (empty at five stars). */
  missingForNext: string[];
  /** Open gaps: "Informeren, starter" for every coverage cell with nothing usable in the whole region. */
  gaps: string[];
  /** Provincial and regional offer, usable now or expected. */
  offer: {
    name: string;
    href: string;
    status: string;
    statusCode: string;
    level: string;
    partOnly: boolean;
  }[];
};

/** The star level, missing conditions, gaps and regional offer of one region, from the monitor's own computation. */
export async function publicRegionFigures(
  service: Pick<MonitoringService, "publicRegion">,
  regionCode: string,
  lang: Lang,
): Promise<PublicRegionFigures | undefined> {
  const figures = await service.publicRegion(regionCode);
  if (!figures) return undefined;
  const t = monitoringMessages[lang];
  return {
    stars: figures.stars,
    missingForNext: figures.missingForNext.map((id) => t.condition[id]),
    gaps: figures.gaps.map((gap) => `${t.step[gap.step]}, ${t.phase[gap.phase].toLowerCase()}`),
    offer: figures.offer.map((instrument) => ({
      name: instrument.name[lang] || instrument.name.nl,
      href: `/aanbod/${instrument.slug}`,
      status: vocabularyLabel("status", instrument.status, lang),
      statusCode: instrument.status,
      level: vocabularyLabel("coverage", instrument.level, lang),
      partOnly: !instrument.wholeRegion,
    })),
  };
}
