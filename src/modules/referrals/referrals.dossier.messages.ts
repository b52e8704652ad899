import { defineMessages } from "../../i18n/index.js";

/** Texts of the dossier's referral picker and its history lines, Dutch (B1) and English (issue 15 item 6). */
export const dossierMessages = defineMessages(
  {
    sector: "Sector",
    pickerIntro:
      "Bovenaan staat het aanbod dat de route voor dit bedrijf aanraadt, daarna het andere aanbod voor de regio en de grootte van het bedrijf, op naam. Achter elk instrument staat hoe de verwijzing de aanbieder bereikt.",
    groupRecommended: "Aanbevolen voor dit bedrijf",
    groupFitting: "Ander aanbod voor deze regio en grootte",
    groupOutside: "Buiten de regio of niet voor deze grootte",
    showOutside: "Toon ook aanbod buiten de regio",
    hideOutside: "Toon alleen aanbod dat bij dit bedrijf past",
    outsideWarning:
      "Let op: de lijst toont nu ook aanbod buiten de regio van dit bedrijf of voor bedrijven van een andere grootte. Het bedrijf kan dat meestal niet gebruiken. Verwijs er alleen naar als u bij de aanbieder heeft nagevraagd dat het kan.",
    outsideCount: {
      one: "{count} instrument past niet bij de regio of de grootte van dit bedrijf.",
      other: "{count} instrumenten passen niet bij de regio of de grootte van dit bedrijf.",
    },
    option: "{name} – {provider} – {delivery}",
    optionMisfit: "{name} – {provider} – {misfit} – {delivery}",
    misfitRegion: "buiten de regio",
    misfitSize: "niet voor deze grootte",
    deliveryAccount: "via het account van de aanbieder",
    deliveryMail: "per e-mail met een persoonlijke link",
    deliveryWarm: "warme overdracht: u neemt zelf contact op",
    deliveryHeading: "Zo bereikt de verwijzing de aanbieder",
    historyReferred: "Verwezen naar {instrument}",
    historyStatus: "Status van het dossier: {status}",
    actorCompany: "{company} (ondernemer)",
    actorSystem: "Circulair Loket",
    actorErased: "De ondernemer",
    removed: "verwijderd",
    erasedWithdrawnHeading: "De ondernemer heeft de toestemming ingetrokken",
    erasedWithdrawn:
      "De ondernemer heeft op {date} de toestemming ingetrokken. Daarom zijn de persoonsgegevens verwijderd en is het dossier afgesloten. U kunt dit dossier niet meer behandelen. U kunt het bedrijf niet meer doorverwijzen en geen contact meer opnemen.",
    erasedHeading: "De persoonsgegevens zijn verwijderd",
    erased:
      "De persoonsgegevens van dit dossier zijn op {date} verwijderd. U kunt dit dossier niet meer behandelen. U kunt het bedrijf niet meer doorverwijzen en geen contact meer opnemen.",
    consentWithdrawn: "Gegeven op {given}. Ingetrokken op {withdrawn}.",
    refusedErased:
      "Dit kan niet meer. De persoonsgegevens van dit dossier zijn verwijderd. U kunt het bedrijf niet meer doorverwijzen en niets meer aan dit dossier veranderen.",
  },
  {
    sector: "Sector",
    pickerIntro:
      "At the top is the support the route recommends for this company, then the other support for the company's region and size, by name. After each instrument you see how the referral reaches the provider.",
    groupRecommended: "Recommended for this company",
    groupFitting: "Other support for this region and size",
    groupOutside: "Outside the region or not for this size",
    showOutside: "Also show support outside the region",
    hideOutside: "Show only support that fits this company",
    outsideWarning:
      "Please note: the list now also shows support outside this company's region or for businesses of another size. The company usually cannot use it. Only refer to it after checking with the provider that it is possible.",
    outsideCount: {
      one: "{count} instrument does not fit this company's region or size.",
      other: "{count} instruments do not fit this company's region or size.",
    },
    option: "{name} – {provider} – {delivery}",
    optionMisfit: "{name} – {provider} – {misfit} – {delivery}",
    misfitRegion: "outside the region",
    misfitSize: "not for this size",
    deliveryAccount: "through the provider's account",
    deliveryMail: "by e-mail with a personal link",
    deliveryWarm: "warm handover: you contact the provider yourself",
    deliveryHeading: "How the referral reaches the provider",
    historyReferred: "Referred to {instrument}",
    historyStatus: "Status of the dossier: {status}",
    actorCompany: "{company} (entrepreneur)",
    actorSystem: "Circulair Loket",
    actorErased: "The entrepreneur",
    removed: "removed",
    erasedWithdrawnHeading: "The entrepreneur withdrew consent",
    erasedWithdrawn:
      "The entrepreneur withdrew consent on {date}. That is why the personal data were removed and the file is closed. You can no longer work on this file. You cannot refer the company any more, and you cannot contact them.",
    erasedHeading: "The personal data were removed",
    erased:
      "The personal data of this file were removed on {date}. You can no longer work on this file. You cannot refer the company any more, and you cannot contact them.",
    consentWithdrawn: "Given on {given}. Withdrawn on {withdrawn}.",
    refusedErased:
      "This is no longer possible. The personal data of this file were removed. You cannot refer the company any more or change anything in this file.",
  },
);
