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
    municipalitiesCount: { one: "{count} gemeente", other: "{count} gemeenten" },
    regionTitle: "Regio {name}",
    regionCode: "Regiocode",
    provinces: "Provincie",
    provincesPlural: "Provincies",
    municipalities: "Gemeenten in deze regio",
    loketHeading: "Uw loket",
    provinceWithoutOwn:
      "Let op: in {names} is er nu geen provinciale of regionale regeling die open is, doorloopt of naar verwachting weer opent. Bedrijven hier zijn aangewezen op landelijke regelingen.",
    provinceWithoutOwnLink: "Zie de dekking van het aanbod.",
    fallbackLoketIntro:
      "Voor deze regio kennen wij geen regionaal loket, netwerk of ontwikkelingsmaatschappij voor circulair ondernemen. Landelijk kunt u terecht bij het Versnellingshuis.",
    kindLoket: "Loket",
    kindHub: "Regionaal loket",
    kindNetwerk: "Netwerk",
    kindOntwikkelingsmaatschappij: "Regionale ontwikkelingsmaatschappij",
    demoTag: "Voorbeeld (demo)",
    demoNotice: "Dit is een verzonnen loket om te laten zien hoe de website werkt. Het bestaat niet echt.",
    contactWebsite: "Website",
    contactEmail: "E-mail",
    contactPhone: "Telefoon",
    contactAddress: "Adres",
    contactHours: "Openingstijden",
    contactUnknown: "Niet bekend bij ons: {items}. Kijk op de website van de organisatie.",
    lokettenIntro:
      "Deze organisaties helpen bedrijven in de regio met circulair ondernemen. U kunt zelf contact met hen opnemen.",
    intakeHeading: "Vraag een gesprek aan",
    intakeToHub: "Uw aanvraag gaat naar {hub}. Een adviseur van dit loket neemt contact met u op.",
    intakeToNational:
      "In deze regio is geen loket dat aanvragen via Circulair Loket aanneemt. Uw aanvraag gaat daarom naar de {name}. Een landelijk coördinator neemt contact met u op en zoekt met u de hulp die past, in uw regio of landelijk.",
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
    municipalitiesCount: { one: "{count} municipality", other: "{count} municipalities" },
    regionTitle: "Region {name}",
    regionCode: "Region code",
    provinces: "Province",
    provincesPlural: "Provinces",
    municipalities: "Municipalities in this region",
    loketHeading: "Your support desk",
    provinceWithoutOwn:
      "Please note: in {names} there is currently no provincial or regional scheme that is open, ongoing or expected to open again. Businesses here have to rely on national schemes.",
    provinceWithoutOwnLink: "See the coverage of the offering.",
    fallbackLoketIntro:
      "We know of no regional desk, network or development company for circular business in this region. Nationally, the Versnellingshuis can help you.",
    kindLoket: "Desk",
    kindHub: "Regional desk",
    kindNetwerk: "Network",
    kindOntwikkelingsmaatschappij: "Regional development company",
    demoTag: "Example (demo)",
    demoNotice: "This desk is made up to show how the website works. It does not really exist.",
    contactWebsite: "Website",
    contactEmail: "E-mail",
    contactPhone: "Phone",
    contactAddress: "Address",
    contactHours: "Opening hours",
    contactUnknown: "Not known to us: {items}. See the organisation's website.",
    lokettenIntro:
      "These organisations help businesses in the region with circular business. You can contact them yourself.",
    intakeHeading: "Ask for a conversation",
    intakeToHub: "Your request goes to {hub}. An advisor of this desk contacts you.",
    intakeToNational:
      "In this region no desk takes requests through Circulair Loket. Your request therefore goes to the {name}. A national coordinator contacts you and finds the help that fits with you, in your region or nationally.",
    fallbackLoketName: "Versnellingshuis Nederland Circulair!",
    fallbackLoketBody:
      "The Versnellingshuis is the national knowledge centre for circular business. It gives SMEs tailored support and puts you in touch with experts.",
    fallbackLoketLink: "See the support of the Versnellingshuis",
    backToRegions: "All regions",
    municipalityOf: "{municipality} is in region {region}.",
  },
);
