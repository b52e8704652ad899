export {
  ANSWER_LINK_GRACE_DAYS,
  type BarrierFigures,
  type BarrierLoop,
  barrierFigures,
  createBarrierLoop,
  type PublicBarrier,
} from "./barriers.loop.js";
export { barriersMessages } from "./barriers.messages.js";
export { barriersRoutes } from "./barriers.routes.js";
export {
  BARRIER_THEMES,
  type BarriersService,
  CONTACT_CONSENT,
  createBarriersService,
  validateBarrier,
} from "./barriers.service.js";
