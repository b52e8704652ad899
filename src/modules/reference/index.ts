export { loadReferenceVocabularies } from "./reference.loader.js";
