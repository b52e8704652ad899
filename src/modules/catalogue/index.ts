export { catalogueApi } from "./catalogue.api.js";
export {
  type CardFacts,
  type CardNames,
  commonReasons,
  distinctReasons,
  type InstrumentCardView,
  presentCard,
} from "./catalogue.card.js";
export {
  curatedInstrumentLinks,
  curatedInstrumentRecords,
  curatedInstrumentRefIds,
  curatedMatchableInstruments,
  type InstrumentLinkLookup,
} from "./catalogue.curated.js";
export { exportCsv, exportHsds, exportJson } from "./catalogue.export.js";
export { importCatalogue, loadCuratedCatalogue, parseImportFile } from "./catalogue.import.js";
export { type CatalogueInstrumentRef, createInstrumentLookup } from "./catalogue.listings.js";
export { listCatalogueProviders } from "./catalogue.providers.js";
export { catalogueRoutes } from "./catalogue.routes.js";
export {
  type CatalogueService,
  createCatalogueService,
  type MatchableInstrument,
} from "./catalogue.service.js";
export { formatExpected, isStale, statusOn } from "./catalogue.status.js";
export { generateSyntheticCatalogue } from "./catalogue.synthetic.js";
export { label, sbiSectionOfDivision } from "./catalogue.vocabulary.js";
export { CompareForm, InstrumentCard } from "./views/instrument-card.js";
