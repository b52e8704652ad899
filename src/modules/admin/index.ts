export { type BeheerRouteDeps, beheerRoutes } from "./admin.beheer.routes.js";
export { adminRoutes } from "./admin.routes.js";
