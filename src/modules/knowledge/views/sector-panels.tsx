import { LRUCache } from "lru-cache";
import type { Lang } from "../../../i18n/index.js";
import type { InstrumentLinkLookup } from "../../catalogue/index.js";
import { toMeasurePackageModel } from "../knowledge.presenters.js";
import type { KnowledgeService } from "../knowledge.service.js";
import { SectorExamplesPanel } from "./example-cards.js";
import { MeasurePackagePanel } from "./measure-package.js";

/** Curated examples and packages change with an import, not per visitor: what a sector shows is kept this long. */
const PANEL_TTL_MS = 60_000;

/** What the route page shows for a sector: its measure package and practice examples from the same sector. */
export function sectorKnowledgePanels(service: KnowledgeService, instrumentLinks: InstrumentLinkLookup) {
  type Panels = {
    examples: Awaited<ReturnType<KnowledgeService["examplesForSector"]>>;
    packageModel: Awaited<ReturnType<typeof toMeasurePackageModel>> | null;
  };
  const load = async (sbiCode: string, lang: Lang): Promise<Panels> => {
    const [examples, measurePackage] = await Promise.all([
      service.examplesForSector(sbiCode, lang, 3),
      service.measurePackageForSector(sbiCode),
    ]);
    const packageModel = measurePackage
      ? await toMeasurePackageModel(measurePackage, lang, instrumentLinks)
      : null;
    return { examples, packageModel };
  };
  // lru-cache's fetch shares a load in progress and keeps no failed one.
  const loaded = new LRUCache<string, Panels, { sbiCode: string; lang: Lang }>({
    max: 500,
    ttl: PANEL_TTL_MS,
    fetchMethod: (_key, _stale, { context }) => load(context.sbiCode, context.lang),
  });
  return async (sbiCode: string, lang: Lang) => {
    const panels = await loaded.fetch(`${lang}:${sbiCode}`, { context: { sbiCode, lang } });
    if (!panels) return null;
    const { examples, packageModel } = panels;
    if (!packageModel && examples.length === 0) return null;
    return (
      <>
        {packageModel ? <MeasurePackagePanel model={packageModel} lang={lang} /> : null}
        <SectorExamplesPanel examples={examples} lang={lang} />
      </>
    );
  };
}
