import type { Lang } from "../../../i18n/index.js";
import type { InstrumentLinkLookup } from "../knowledge.instrument-links.js";
import { toMeasurePackageModel } from "../knowledge.presenters.js";
import type { KnowledgeService } from "../knowledge.service.js";
import { SectorExamplesPanel } from "./example-cards.js";
import { MeasurePackagePanel } from "./measure-package.js";

/** Curated examples and packages change with an import, not per visitor: what a sector shows is kept this long. */
const PANEL_TTL_MS = 60_000;

/** What the route page shows for a sector: its measure package and practice examples from the same sector. */
export function sectorKnowledgePanels(
  service: KnowledgeService,
  instrumentLinks: InstrumentLinkLookup,
  now: () => number = Date.now,
) {
  type Panels = {
    examples: Awaited<ReturnType<KnowledgeService["examplesForSector"]>>;
    packageModel: Awaited<ReturnType<typeof toMeasurePackageModel>> | null;
  };
  const loaded = new Map<string, { at: number; panels: Promise<Panels> }>();
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
  return async (sbiCode: string, lang: Lang) => {
    const key = `${lang}:${sbiCode}`;
    let entry = loaded.get(key);
    if (!entry || now() - entry.at > PANEL_TTL_MS) {
      entry = { at: now(), panels: load(sbiCode, lang) };
      loaded.set(key, entry);
      // A failed load is not kept.
      entry.panels.catch(() => loaded.delete(key));
    }
    const { examples, packageModel } = await entry.panels;
    if (!packageModel && examples.length === 0) return null;
    return (
      <>
        {packageModel ? <MeasurePackagePanel model={packageModel} lang={lang} /> : null}
        <SectorExamplesPanel examples={examples} lang={lang} />
      </>
    );
  };
}
