export { createBarrierLoop } from "./barriers.loop.js";
export { barriersRoutes } from "./barriers.routes.js";
export {
  BARRIER_THEMES,
  type BarriersService,
  CONTACT_CONSENT,
  createBarriersService,
  validateBarrier,
} from "./barriers.service.js";
