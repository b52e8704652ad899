export { catalogueApi } from "./catalogue.api.js";
export {
  type CardFacts,
  type CardNames,
  distinctReasons,
  type InstrumentCardView,
  presentCard,
} from "./catalogue.card.js";
export {
  type CuratedInstrumentRecord,
  curatedInstrumentLinks,
  curatedInstrumentRecords,
  curatedInstrumentRefIds,
  curatedMatchableInstruments,
  type InstrumentLinkLookup,
} from "./catalogue.curated.js";
export { exportCsv, exportHsds, exportJson } from "./catalogue.export.js";
export {
  type ImportReport,
  importCatalogue,
  loadCuratedCatalogue,
  parseImportFile,
} from "./catalogue.import.js";
export {
  type CatalogueInstrumentRef,
  createInstrumentLookup,
  type InstrumentLookup,
  type ListingChange,
} from "./catalogue.listings.js";
export { catalogueMessages } from "./catalogue.messages.js";
export { type CatalogueProviderFacts, listCatalogueProviders } from "./catalogue.providers.js";
export { catalogueRoutes } from "./catalogue.routes.js";
export {
  type CatalogueService,
  createCatalogueService,
  type MatchableInstrument,
  type SearchRequest,
  type SearchResult,
} from "./catalogue.service.js";
export {
  type ExpectedWindow,
  formatExpected,
  isStale,
  type PastWindow,
  type Recurrence,
  statusOn,
} from "./catalogue.status.js";
export { generateSyntheticCatalogue } from "./catalogue.synthetic.js";
export { FACETS, LABELS, label, sbiSectionOfDivision } from "./catalogue.vocabulary.js";
export { CompareForm, InstrumentCard } from "./views/instrument-card.js";
