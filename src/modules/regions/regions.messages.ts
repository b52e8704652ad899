import { defineMessages } from "../../i18n/index.js";

/** Texts of the regions pages, Dutch (B1) and English. */
export const regionsMessages = defineMessages(
  {
    title: "Regio's",
    intro:
      "Nederland heeft 30 regio's. In elke regio werken bedrijven, overheden en onderwijs samen. Kies uw regio, of zoek op de naam van uw gemeente.",
    pickerLabel: "Uw gemeente",
    pickerHint: "Typ de naam van uw gemeente of woonplaats, bijvoorbeeld Enschede of Sneek.",
    pickerButton: "Zoek mijn regio",
    placeEmpty: "Vul de naam van uw gemeente of woonplaats in.",
    placeUnknown:
      "We kennen geen gemeente of woonplaats met de naam “{name}”. Controleer de spelling en probeer het opnieuw.",
    placeChoice:
      "Er zijn {count} gemeenten met een plaats die “{name}” heet. Kies hieronder welke u bedoelt.",
    placeChoiceLegend: "Welke {name} bedoelt u?",
    placeSuggestion:
      "We kennen geen gemeente of woonplaats met de naam “{name}”. Bedoelde u {suggestions}? Kies hieronder, of verbeter de naam.",
    placeSuggestionLegend: "Bedoelde u {suggestions}?",
    placeSuggestionJoin: " of ",
    placeOption: "{name} ({province})",
    placeOptionIn: "{place}, gemeente {municipality} ({province})",
    placeNote: "{place} ligt in de gemeente {municipality}.",
    alsoIn: "ook in {provinces}",
    municipalitiesCount: "{count} gemeenten",
    regionTitle: "Regio {name}",
    regionCode: "Regiocode",
    provinces: "Provincie",
    provincesPlural: "Provincies",
    municipalities: "Gemeenten in deze regio",
    loketHeading: "Uw loket",
    fallbackLoketIntro:
      "Voor deze regio is nog geen regionaal loket aangesloten. Tot die tijd helpt het landelijke aanbod u verder.",
    fallbackLoketName: "Versnellingshuis Nederland Circulair!",
    fallbackLoketBody:
      "Het Versnellingshuis is het landelijke kenniscentrum voor circulair ondernemen. Het helpt mkb-bedrijven met maatwerk en brengt u in contact met experts.",
    fallbackLoketLink: "Bekijk de ondersteuning van het Versnellingshuis",
    backToRegions: "Alle regio's",
    municipalityOf: "{municipality} ligt in regio {region}.",
  },
  {
    title: "Regions",
    intro:
      "The Netherlands has 30 regions. In each region, businesses, government and education work together. Choose your region, or search by the name of your municipality.",
    pickerLabel: "Your municipality",
    pickerHint: "Type the name of your municipality or town, for example Enschede or Sneek.",
    pickerButton: "Find my region",
    placeEmpty: "Enter the name of your municipality or town.",
    placeUnknown: "We do not know a municipality or town called “{name}”. Check the spelling and try again.",
    placeChoice: "{count} municipalities have a place called “{name}”. Choose below which one you mean.",
    placeChoiceLegend: "Which {name} do you mean?",
    placeSuggestion:
      "We do not know a municipality or town called “{name}”. Did you mean {suggestions}? Choose below, or correct the name.",
    placeSuggestionLegend: "Did you mean {suggestions}?",
    placeSuggestionJoin: " or ",
    placeOption: "{name} ({province})",
    placeOptionIn: "{place}, municipality of {municipality} ({province})",
    placeNote: "{place} is in the municipality of {municipality}.",
    alsoIn: "also in {provinces}",
    municipalitiesCount: "{count} municipalities",
    regionTitle: "Region {name}",
    regionCode: "Region code",
    provinces: "Province",
    provincesPlural: "Provinces",
    municipalities: "Municipalities in this region",
    loketHeading: "Your support desk",
    fallbackLoketIntro:
      "No regional support desk has joined for this region yet. Until then, the national support will help you further.",
    fallbackLoketName: "Versnellingshuis Nederland Circulair!",
    fallbackLoketBody:
      "The Versnellingshuis is the national knowledge centre for circular business. It gives SMEs tailored support and puts you in touch with experts.",
    fallbackLoketLink: "See the support of the Versnellingshuis",
    backToRegions: "All regions",
    municipalityOf: "{municipality} is in region {region}.",
  },
);
