export { loadRegionsReferenceData } from "./regions.loader.js";
export { regionsMessages } from "./regions.messages.js";
export { createRegionsRepository } from "./regions.repository.js";
export { regionsRoutes } from "./regions.routes.js";
export {
  type Geography,
  loadGeography,
  type Municipality,
  normaliseName,
  type Province,
  type Region,
} from "./regions.service.js";
export { type MunicipalityOption, MunicipalityPicker } from "./views/municipality-picker.js";
export type { LoketViewModel } from "./views/region-page.js";
