/** Dutch texts (B1). The English file must have exactly the same keys: the type checker enforces it. */
export const nl = {
  meta: {
    lang: "nl",
    serviceName: "Circulair Loket",
    otherLanguage: "English",
    otherLanguageCode: "en",
    // The search-result summary of a page (meta description): one or two plain sentences, per part of the site.
    descriptions: {
      default:
        "Circulair Loket brengt uw mkb-bedrijf in één klik naar de juiste hulp voor uw volgende circulaire stap: een persoonlijke route, passend aanbod en het loket in uw regio.",
      home: "Vul uw gemeente en sector in. U krijgt een persoonlijke route naar subsidies, advies en het loket in uw regio voor uw volgende circulaire stap.",
      route:
        "Uw persoonlijke route naar een circulair bedrijf: de stappen die bij u passen, de hulp die daarbij hoort en het loket in uw regio.",
      catalogue:
        "Zoek in het aanbod voor circulair ondernemen: subsidies, leningen, advies en netwerken, met de status, de voorwaarden en de aanbieder.",
      regions:
        "Per regio het loket dat u helpt, de gemeenten die erbij horen en de hulp die bedrijven daar kunnen krijgen.",
      examples: "Voorbeelden van bedrijven die circulair werken: wat zij deden en wat het opleverde.",
      agenda:
        "Bijeenkomsten, trainingen en webinars over circulair ondernemen, ook als agendabestand om te abonneren.",
      sectors:
        "Per sector de maatregelen die bedrijven kunnen nemen, met kosten, opbrengst en de bron daarvan.",
      monitor:
        "Cijfers over het aanbod, de regio's en de resultaten van Circulair Loket, zonder persoonsgegevens.",
      workspace: "De werkruimte van regionale lokets, aanbieders en coördinatoren van Circulair Loket.",
    },
  },
  layout: {
    skipLink: "Naar de inhoud",
    tagline: "De volgende circulaire stap voor uw bedrijf",
    languageSwitch: "Read this page in English",
    mainNavigation: "Hoofdmenu",
    nav: {
      home: "Home",
      catalogue: "Aanbod",
      regions: "Regio's",
      examples: "Voorbeelden",
      agenda: "Agenda",
      sectors: "Sectoren",
      monitor: "Monitor",
      workspace: "Werkruimte",
    },
    logout: "Uitloggen",
    footerHeading: "Over deze website",
    footerAbout:
      "Circulair Loket helpt mkb-bedrijven in heel Nederland op weg naar de volgende circulaire stap, samen met regionale lokets en aanbieders van ondersteuning.",
    about: "Over Circulair Loket",
    accessibility: "Toegankelijkheid",
    privacy: "Privacy",
    reportBarrier: "Loopt u tegen een regel aan? Meld het",
    monitor: "Monitor: hoe staat het ervoor?",
    openData: "Open data (API)",
  },
  errors: {
    notFoundTitle: "Pagina niet gevonden",
    notFoundBody: "Deze pagina bestaat niet (meer). Misschien is het adres verkeerd getypt.",
    notFoundHelp: "Ga naar de homepage of zoek in het aanbod.",
    serverErrorTitle: "Er ging iets mis",
    serverErrorBody:
      "Door een fout aan onze kant lukt het nu niet. Uw gegevens zijn niet verloren gegaan. Probeer het over een paar minuten opnieuw.",
    serverErrorReference: "Noem deze code als u contact met ons opneemt:",
    unavailableTitle: "Tijdelijk niet beschikbaar",
    unavailableBody: "De dienst is even niet bereikbaar. Probeer het over een minuut opnieuw.",
    forbiddenTitle: "Geen toegang",
    forbiddenBody: "U heeft geen toegang tot deze pagina.",
    csrfTitle: "Formulier verlopen",
    csrfBody:
      "Uw formulier kon niet veilig worden verstuurd. Ga terug, laad de pagina opnieuw en probeer het nog eens.",
    tooManyTitle: "Te veel verzoeken",
    tooManyBody: "U heeft in korte tijd veel verzoeken gedaan. Wacht even en probeer het dan opnieuw.",
    badRequestTitle: "Dit verzoek kunnen wij niet verwerken",
    badRequestBody:
      "Er staat iets in uw verzoek dat wij niet kunnen lezen, zoals onzichtbare stuurtekens. Ga terug, kijk uw invoer na en probeer het opnieuw.",
    tooLargeTitle: "Te veel tekst in één keer",
    tooLargeBody:
      "U heeft meer tekst of bestanden verstuurd dan dit formulier aankan. Maak uw tekst korter en probeer het opnieuw.",
    backHome: "Naar de homepage",
    errorSummaryTitle: "Er is een probleem",
  },
  home: {
    title: "Wat is de volgende circulaire stap voor uw bedrijf?",
    intro:
      "Vul uw gemeente en sector in. U ziet direct welke ondersteuning bij u past: informatie, advies, vouchers en subsidies, en welk loket u in uw regio helpt.",
  },
  accessibilityPage: {
    title: "Toegankelijkheid",
  },
  privacyPage: {
    title: "Privacy",
  },
} as const;

/** The same shape with every literal text widened to string. */
export type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every language provides. */
export type Messages = Widen<typeof nl>;
