import { defineMessages } from "../../i18n/index.js";
import { HELP_LABELS, JOURNEY_STEP_LABELS, labelsIn, PHASE_LABELS } from "../vocabulary/index.js";

/** The dossier's "geen passend aanbod" form (ADR 0094), Dutch (B1) and English. */
export const noOfferMessages = defineMessages(
  {
    heading: "Geen passend aanbod",
    intro:
      "Vindt u geen aanbod dat past bij de vraag van deze ondernemer? Leg dat hier vast. De monitor telt het als vraag zonder aanbod, zonder naam of gegevens van het bedrijf.",
    step: "Bij welke stap zoekt de ondernemer hulp?",
    phase: "In welke fase is het bedrijf?",
    help: "Welke soort hulp zoekt de ondernemer?",
    unknown: "Weet ik niet",
    choose: "Kies een stap",
    button: "Vastleggen: geen passend aanbod",
    errStep: "Kies de stap waarbij de ondernemer hulp zoekt.",
    errPhase: "Kies een fase uit de lijst.",
    errHelp: "Kies een soort hulp uit de lijst.",
    recorded: "Vastgelegd: voor deze vraag is geen passend aanbod. De monitor telt het mee.",
    steps: labelsIn(JOURNEY_STEP_LABELS, "nl"),
    phases: labelsIn(PHASE_LABELS, "nl"),
    helps: labelsIn(HELP_LABELS, "nl"),
  },
  {
    heading: "No suitable offer",
    intro:
      "Can you find no offer that fits this entrepreneur's question? Record it here. The monitor counts it as demand without an offer, without the company's name or details.",
    step: "At which step does the entrepreneur look for help?",
    phase: "Which phase is the company in?",
    help: "What kind of help does the entrepreneur look for?",
    unknown: "I do not know",
    choose: "Choose a step",
    button: "Record: no suitable offer",
    errStep: "Choose the step at which the entrepreneur looks for help.",
    errPhase: "Choose a phase from the list.",
    errHelp: "Choose a kind of help from the list.",
    recorded: "Recorded: there is no suitable offer for this question. The monitor counts it.",
    steps: labelsIn(JOURNEY_STEP_LABELS, "en"),
    phases: labelsIn(PHASE_LABELS, "en"),
    helps: labelsIn(HELP_LABELS, "en"),
  },
);
