export { createBarrierLoop } from "./barriers.loop.js";
export { barriersRoutes } from "./barriers.routes.js";
export { createBarriersService } from "./barriers.service.js";
