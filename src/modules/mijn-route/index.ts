export { createRoutePlanner } from "./mijn-route.plan.js";
export { progressOf, stepsOfRoute } from "./mijn-route.progress.js";
export { dossierRoutePanel, mijnRouteRoutes, parseFigure } from "./mijn-route.routes.js";
export { createMijnRouteService, mijnRouteOutcomes } from "./mijn-route.service.js";
export { SaveRouteForm } from "./views/mijn-route-page.js";
