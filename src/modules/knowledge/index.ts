export type { InstrumentLinkLookup } from "../catalogue/index.js";
export { knowledgeApi } from "./knowledge.api.js";
export { curatedEventFacts, curatedExampleFacts, loadKnowledgeContent } from "./knowledge.loader.js";
export { knowledgeMessages } from "./knowledge.messages.js";
export {
  type ExampleCardModel,
  type MeasurePackageModel,
  toMeasurePackageModel,
} from "./knowledge.presenters.js";
export { providerEventRoutes } from "./knowledge.provider-events.routes.js";
export { createKnowledgeRepository } from "./knowledge.repository.js";
export { knowledgeRoutes } from "./knowledge.routes.js";
export type { EventInput } from "./knowledge.schemas.js";
export {
  createKnowledgeService,
  type KnowledgeService,
  type MeasurePackage,
  matchPackage,
} from "./knowledge.service.js";
export { parseSbiCode } from "./knowledge.vocabulary.js";
export { ExampleCards, SectorExamplesPanel } from "./views/example-cards.js";
export { MeasurePackagePanel } from "./views/measure-package.js";
export { sectorKnowledgePanels } from "./views/sector-panels.js";
