import type { Lang } from "../../../i18n/index.js";
import type { InstrumentLinkLookup } from "../knowledge.instrument-links.js";
import { toMeasurePackageModel } from "../knowledge.presenters.js";
import type { KnowledgeService } from "../knowledge.service.js";
import { SectorExamplesPanel } from "./example-cards.js";
import { MeasurePackagePanel } from "./measure-package.js";

/** What the route page shows for a sector: its measure package and practice examples from the same sector. */
export function sectorKnowledgePanels(service: KnowledgeService, instrumentLinks: InstrumentLinkLookup) {
  return async (sbiCode: string, lang: Lang) => {
    const [examples, measurePackage] = await Promise.all([
      service.examplesForSector(sbiCode, lang, 3),
      service.measurePackageForSector(sbiCode),
    ]);
    const packageModel = measurePackage
      ? await toMeasurePackageModel(measurePackage, lang, instrumentLinks)
      : null;
    if (!packageModel && examples.length === 0) return null;
    return (
      <>
        {packageModel ? <MeasurePackagePanel model={packageModel} lang={lang} /> : null}
        <SectorExamplesPanel examples={examples} lang={lang} />
      </>
    );
  };
}
