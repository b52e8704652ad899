import { defineMessages } from "../../i18n/index.js";

/** Texts of the regions pages, Dutch (B1) and English. */
export const regionsMessages = defineMessages(
  {
    title: "Regio's",
    intro:
      "Nederland heeft 30 regio's. In elke regio werken bedrijven, overheden en onderwijs samen. Kies uw regio, of zoek op de naam van uw gemeente.",
    pickerLabel: "Uw gemeente",
    pickerHint: "Typ de naam van uw gemeente, bijvoorbeeld Enschede.",
    pickerButton: "Zoek mijn regio",
    pickerUnknown:
      "We kennen geen gemeente met de naam “{name}”. Controleer de spelling of kies uit de lijst.",
    pickerEmpty: "Vul de naam van uw gemeente in.",
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
    pickerHint: "Type the name of your municipality, for example Enschede.",
    pickerButton: "Find my region",
    pickerUnknown:
      "We do not know a municipality called “{name}”. Check the spelling or pick one from the list.",
    pickerEmpty: "Enter the name of your municipality.",
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
