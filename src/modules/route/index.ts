export { createCompanyFit } from "./route.company-fit.js";
export { loadRouteReferenceData, parseSbi, type RouteReferenceData } from "./route.data.js";
export { buildRoute, type CompanyLocation, type RouteProfile } from "./route.engine.js";
export { createScanResultsRepository, type ScanResultsRepository } from "./route.repository.js";
export { recordRouteViews, routeApi, routeRoutes, type UnmetRouteDemand } from "./route.routes.js";
export { storedAnswersSchema } from "./route.schemas.js";
export {
  createRouteService,
  type Places,
  placesFromGeography,
  type RouteAnswers,
  type RouteService,
  toRouteProfile,
} from "./route.service.js";
