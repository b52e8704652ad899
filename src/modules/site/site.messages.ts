import { defineMessages } from "../../i18n/index.js";

/** Texts of the two pages a newcomer looks for (issue 17 item 6), Dutch (B1, "u") and English. */
export const siteMessages = defineMessages(
  {
    circular: {
      title: "Wat is circulair ondernemen?",
      lead: "Circulair ondernemen betekent: u gebruikt zo min mogelijk nieuwe grondstoffen en u gooit zo min mogelijk weg. Producten, onderdelen en materialen blijven zo lang mogelijk in gebruik.",
      plainHeading: "In gewone woorden",
      plain1:
        "De meeste bedrijven kopen materiaal in, maken of verkopen iets, en aan het eind wordt het afval. Circulair ondernemen doorbreekt die lijn.",
      plain2:
        "U kunt bijvoorbeeld minder materiaal gebruiken, producten repareren of opknappen, iets verhuren in plaats van verkopen, of uw reststroom aan een ander bedrijf geven dat er een grondstof van maakt.",
      plain3:
        "U hoeft niet alles tegelijk te doen. De meeste bedrijven beginnen met één stap die bij hen past.",
      ladderHeading: "De R-ladder: welke stap bespaart het meest?",
      ladderIntro:
        "De R-ladder zet tien manieren op een rij, van R0 tot R9. Hoe lager het nummer, hoe meer grondstoffen u bespaart. Recyclen (R8) is goed, maar een product langer gebruiken (R3 tot R7) of het helemaal niet nodig hebben (R0) is beter.",
      ladderSource:
        "De indeling in drie groepen volgt het Planbureau voor de Leefomgeving (Potting en anderen, 2017). De uitleg is in onze eigen woorden.",
      examplesHeading: "Drie voorbeelden van echte bedrijven",
      examplesIntro:
        "Deze bedrijven bestaan echt. Wat zij deden, staat in openbare bronnen; op de pagina van elk voorbeeld vindt u die bronnen.",
      company: "Bedrijf",
      strategies: "Stappen op de R-ladder",
      whatTheyDid: "Wat zij deden",
      moreExamples: "Bekijk alle praktijkvoorbeelden",
      nextHeading: "Hoe begint u?",
      next: "Vul op de homepage uw gemeente en sector in. U ziet dan welke hulp bij uw bedrijf past en welk loket in uw regio u verder helpt.",
      nextLink: "Naar de homepage",
    },
    about: {
      title: "Over Circulair Loket",
      lead: "Circulair Loket helpt mkb-bedrijven in heel Nederland op weg naar hun volgende circulaire stap: van uw gemeente en sector naar de hulp die bij u past en het loket in uw regio.",
      whatHeading: "Wat deze website doet",
      what1:
        "Hulp voor circulair ondernemen is verspreid over het Rijk, 12 provincies, 30 regio's, 342 gemeenten en veel netwerken. Deze website brengt dat aanbod bij elkaar en laat zien wat bij uw bedrijf past.",
      what2:
        "De website volgt de landelijke agenda \u2018Heel het MKB Circulair!\u2019, waarin provincies, regio's en het Rijk samenwerken.",
      what3:
        "U kunt de website gebruiken zonder account. Vraagt u om een gesprek, dan gaat uw vraag naar het regionale loket van uw regio, of naar de landelijke coördinatie als er in uw regio geen loket is.",
      whoHeading: "Wie beheert Circulair Loket?",
      who: "Welke organisatie deze website beheert, kunnen wij op deze pagina nog niet vermelden. Dat maken wij hier bekend voordat de dienst officieel start.",
      whoHelps:
        "Het advies zelf komt van de regionale lokets en van de aanbieders van regelingen, zoals RVO en de provincies. Welke lokets er zijn, ziet u op de pagina Regio's.",
      moneyHeading: "Hoe wordt het betaald?",
      money:
        "Hoe de dienst wordt betaald, is nog niet vastgelegd. Dat vermelden wij hier zodra het vaststaat. U betaalt niets om de website te gebruiken, en wij tonen geen advertenties.",
      dataHeading: "Waar komt de informatie vandaan?",
      data: "Regelingen, voorbeelden en evenementen halen wij uit openbare bronnen. Bij elke regeling staat wanneer wij haar voor het laatst controleerden. Aanbieders houden hun eigen regelingen bij. Alle gegevens over het aanbod zijn open data.",
      dataLink: "Naar de open data (API)",
      contactHeading: "Hoe bereikt u ons?",
      contact1:
        "Heeft u een vraag over uw bedrijf? Neem contact op met het loket in uw regio. Dat vindt u op de pagina Regio's.",
      contact2: "Loopt u tegen een regel aan die circulair werken moeilijk maakt? Meld het ons.",
      contact3:
        "Een eigen e-mailadres en telefoonnummer van Circulair Loket hebben wij nog niet. Die volgen voordat de dienst officieel start.",
      regionsLink: "Naar de regio's",
      barrierLink: "Een belemmering melden",
    },
  },
  {
    circular: {
      title: "What is circular business?",
      lead: "Circular business means: you use as few new raw materials as possible and throw away as little as possible. Products, parts and materials stay in use for as long as possible.",
      plainHeading: "In plain words",
      plain1:
        "Most businesses buy materials, make or sell something, and in the end it becomes waste. Circular business breaks that line.",
      plain2:
        "You can, for example, use less material, repair or refurbish products, rent something out instead of selling it, or give your residual stream to another business that turns it into a raw material.",
      plain3:
        "You do not have to do everything at once. Most businesses start with one step that suits them.",
      ladderHeading: "The R-ladder: which step saves the most?",
      ladderIntro:
        "The R-ladder lists ten ways, from R0 to R9. The lower the number, the more raw materials you save. Recycling (R8) is good, but using a product for longer (R3 to R7) or not needing it at all (R0) is better.",
      ladderSource:
        "The three groups follow the Netherlands Environmental Assessment Agency (PBL; Potting and others, 2017). The explanations are in our own words.",
      examplesHeading: "Three examples of real businesses",
      examplesIntro:
        "These businesses really exist. What they did is in public sources; each example's page lists those sources.",
      company: "Business",
      strategies: "Steps on the R-ladder",
      whatTheyDid: "What they did",
      moreExamples: "See all practice examples",
      nextHeading: "How do you start?",
      next: "Enter your municipality and sector on the home page. You then see which support suits your business and which desk in your region helps you further.",
      nextLink: "To the home page",
    },
    about: {
      title: "About Circulair Loket",
      lead: "Circulair Loket helps small and medium-sized businesses throughout the Netherlands towards their next circular step: from your municipality and sector to the support that suits you and the desk in your region.",
      whatHeading: "What this website does",
      what1:
        "Support for circular business is spread over the national government, 12 provinces, 30 regions, 342 municipalities and many networks. This website brings that support together and shows what suits your business.",
      what2:
        "The website follows the national agenda \u2018Heel het MKB Circulair!\u2019 (all SMEs circular), in which provinces, regions and the national government work together.",
      what3:
        "You can use the website without an account. If you ask for a conversation, your question goes to the regional desk of your region, or to the national coordination if your region has no desk.",
      whoHeading: "Who runs Circulair Loket?",
      who: "We cannot yet state on this page which organisation runs this website. We will publish it here before the service officially launches.",
      whoHelps:
        "The advice itself comes from the regional desks and from the providers of schemes, such as RVO and the provinces. The regions page shows which desks there are.",
      moneyHeading: "How is it paid for?",
      money:
        "How the service is paid for has not been settled yet. We will state it here once it is. You pay nothing to use the website, and we show no advertisements.",
      dataHeading: "Where does the information come from?",
      data: "We take schemes, examples and events from public sources. Each scheme shows when we last checked it. Providers keep their own schemes up to date. All data on the support on offer is open data.",
      dataLink: "To the open data (API)",
      contactHeading: "How do you reach us?",
      contact1:
        "Do you have a question about your business? Contact the desk in your region. You find it on the regions page.",
      contact2: "Do you run into a rule that makes circular work difficult? Report it to us.",
      contact3:
        "Circulair Loket does not have its own e-mail address and phone number yet. They will follow before the service officially launches.",
      regionsLink: "To the regions",
      barrierLink: "Report a barrier",
    },
  },
);
