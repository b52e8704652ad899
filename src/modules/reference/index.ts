export { loadReferenceVocabularies } from "./reference.loader.js";
export { type RLadderStep, rLadder } from "./reference.r-ladder.js";
