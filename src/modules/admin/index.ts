export { beheerRoutes } from "./admin.beheer.routes.js";
export { adminRoutes } from "./admin.routes.js";
