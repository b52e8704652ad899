export { loadRegionsReferenceData } from "./regions.loader.js";
export { regionsMessages } from "./regions.messages.js";
export {
  checkPlaceField,
  municipalityPickerOptions,
  type PlaceChoiceModel,
  type PlaceFieldResult,
  placeChoiceParam,
  placeNote,
  placeOptionLabel,
} from "./regions.place-field.js";
export { createRegionsRepository } from "./regions.repository.js";
export { regionsRoutes } from "./regions.routes.js";
export {
  type Geography,
  loadGeography,
  type Municipality,
  normaliseName,
  type PlaceLookup,
  type PlaceOption,
  type Province,
  type Region,
} from "./regions.service.js";
export {
  IntakeRouteNote,
  LoketCard,
  type LoketCardModel,
  type LoketKind,
  type LoketViewModel,
} from "./views/loket-card.js";
export { type MunicipalityOption, MunicipalityPicker, PlaceChoice } from "./views/municipality-picker.js";
