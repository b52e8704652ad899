export { knowledgeApi } from "./knowledge.api.js";
export { curatedEventFacts, curatedExampleFacts, loadKnowledgeContent } from "./knowledge.loader.js";
export { providerEventRoutes } from "./knowledge.provider-events.routes.js";
export { createKnowledgeRepository } from "./knowledge.repository.js";
export { knowledgeRoutes } from "./knowledge.routes.js";
export { createKnowledgeService } from "./knowledge.service.js";
export { parseSbiCode } from "./knowledge.vocabulary.js";
export { sectorKnowledgePanels } from "./views/sector-panels.js";
