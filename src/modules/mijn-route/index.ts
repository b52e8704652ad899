export { createRoutePlanner, type RoutePlanner, type SaveRequest } from "./mijn-route.plan.js";
export { isBehind, progressOf, stepsOfRoute } from "./mijn-route.progress.js";
export {
  dossierRoutePanel,
  type MijnRouteRouteDeps,
  mijnRouteRoutes,
  type PackageFacts,
  parseFigure,
} from "./mijn-route.routes.js";
export {
  createMijnRouteService,
  EMAIL_CONFIRM_DAYS,
  type MeasureResults,
  type MijnRouteOutcome,
  type MijnRouteOutcomeFilter,
  type MijnRouteService,
  mijnRouteOutcomes,
  mijnRoutePath,
  type RoutePlan,
  type SavedRoute,
} from "./mijn-route.service.js";
export { SaveRouteForm } from "./views/mijn-route-page.js";
