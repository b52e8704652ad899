export {
  type CompanyFit,
  type CompanyFitLookup,
  type CompanyForFit,
  createCompanyFit,
} from "./route.company-fit.js";
export {
  loadRouteReferenceData,
  parseSbi,
  type RouteReferenceData,
  type SectorChoice,
} from "./route.data.js";
export {
  buildRoute,
  type CompanyLocation,
  ROUTE_WEIGHTS,
  type RouteProfile,
  type RouteResult,
} from "./route.engine.js";
export { createScanResultsRepository, type ScanResultsRepository } from "./route.repository.js";
export {
  type JourneyStepEvent,
  type RouteRoutesDeps,
  recordRouteViews,
  routeApi,
  routeHasUsableOffer,
  routeRoutes,
  type UnmetRouteDemand,
} from "./route.routes.js";
export { storedAnswersSchema } from "./route.schemas.js";
export {
  amsterdamDate,
  createRouteService,
  type Places,
  placesFromGeography,
  type RouteAnswers,
  type RouteService,
  toRouteProfile,
} from "./route.service.js";
