/** Dutch texts (B1). The English file must have exactly the same keys: the type checker enforces it. */
export const nl = {
  meta: { lang: "nl", serviceName: "Circulair Loket", otherLanguage: "English", otherLanguageCode: "en" },
  layout: {
    skipLink: "Naar de inhoud",
    tagline: "De volgende circulaire stap voor uw bedrijf",
    languageSwitch: "Read this page in English",
    mainNavigation: "Hoofdmenu",
    nav: { home: "Home", catalogue: "Aanbod", regions: "Regio's", examples: "Voorbeelden", agenda: "Agenda", monitor: "Monitor" },
    footerHeading: "Over deze website",
    footerAbout:
      "Circulair Loket helpt mkb-bedrijven in heel Nederland op weg naar de volgende circulaire stap, samen met regionale lokets en aanbieders van ondersteuning.",
    accessibility: "Toegankelijkheid",
    privacy: "Privacy",
    openData: "Open data (API)",
  },
  errors: {
    notFoundTitle: "Pagina niet gevonden",
    notFoundBody: "Deze pagina bestaat niet (meer). Misschien is het adres verkeerd getypt.",
    notFoundHelp: "Ga naar de homepage of zoek in het aanbod.",
    serverErrorTitle: "Er ging iets mis",
    serverErrorBody: "Door een fout aan onze kant lukt het nu niet. Uw gegevens zijn niet verloren gegaan. Probeer het over een paar minuten opnieuw.",
    serverErrorReference: "Noem deze code als u contact met ons opneemt:",
    unavailableTitle: "Tijdelijk niet beschikbaar",
    unavailableBody: "De dienst is even niet bereikbaar. Probeer het over een minuut opnieuw.",
    forbiddenTitle: "Geen toegang",
    forbiddenBody: "U heeft geen toegang tot deze pagina.",
    csrfTitle: "Formulier verlopen",
    csrfBody: "Uw formulier kon niet veilig worden verstuurd. Ga terug, laad de pagina opnieuw en probeer het nog eens.",
    tooManyTitle: "Te veel verzoeken",
    tooManyBody: "U heeft in korte tijd veel verzoeken gedaan. Wacht even en probeer het dan opnieuw.",
    backHome: "Naar de homepage",
    errorSummaryTitle: "Er is een probleem",
  },
  home: {
    title: "Wat is de volgende circulaire stap voor uw bedrijf?",
    intro:
      "Vul uw gemeente en sector in. U ziet direct welke ondersteuning bij u past: informatie, advies, vouchers en subsidies, en welk loket u in uw regio helpt.",
  },
  regions: {
    title: "Regio's",
    intro:
      "Nederland heeft 30 regio's. In elke regio werken bedrijven, overheden en onderwijs samen. Kies uw regio, of zoek op de naam van uw gemeente.",
    pickerLabel: "Uw gemeente",
    pickerHint: "Typ de naam van uw gemeente, bijvoorbeeld Enschede.",
    pickerButton: "Zoek mijn regio",
    pickerUnknown: "We kennen geen gemeente met de naam “{name}”. Controleer de spelling of kies uit de lijst.",
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
  accessibilityPage: {
    title: "Toegankelijkheid",
  },
  privacyPage: {
    title: "Privacy",
  },
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every language provides. */
export type Messages = Widen<typeof nl>;
