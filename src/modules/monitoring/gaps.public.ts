import { format, type Lang } from "../../i18n/index.js";
import { gapsMessages } from "./gaps.messages.js";
import type { GapsService } from "./gaps.service.js";

/** A region's open gaps in words, for its public page (ADR 0094): owned entries first, then gaps nobody has yet. */
export type PublicRegionGap = {
  cell: string;
  owner: string | null;
  status: string | null;
  deadline: string | null;
  overdue: boolean;
};

/** The open gaps of one region as the public region page lists them; `sectorName` names an SBI section. */
export async function publicRegionGaps(
  gaps: Pick<GapsService, "openInRegion">,
  regionCode: string,
  regionName: string,
  lang: Lang,
  sectorName: (code: string, lang: Lang) => string | undefined,
): Promise<PublicRegionGap[]> {
  const t = gapsMessages[lang];
  const { entries, unowned } = await gaps.openInRegion(regionCode);
  const cell = (step: keyof typeof t.step_, sector: string) =>
    format(t.cellName, {
      region: regionName,
      step: t.step_[step],
      sector: sector ? (sectorName(sector, lang) ?? sector) : t.allSectors,
    });
  return [
    ...entries.map((entry) => ({
      cell: cell(entry.step, entry.sector),
      owner: entry.organisationName,
      status: t.statuses[entry.status] ?? entry.status,
      deadline: entry.deadline,
      overdue: entry.overdue,
    })),
    ...unowned.map((gap) => ({
      cell: cell(gap.step, gap.sector),
      owner: null,
      status: null,
      deadline: null,
      overdue: false,
    })),
  ];
}
