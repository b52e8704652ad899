import type { Messages } from "./nl.js";

/** English texts: complete, same keys as Dutch. */
export const en: Messages = {
  meta: { lang: "en", serviceName: "Circulair Loket", otherLanguage: "Nederlands", otherLanguageCode: "nl" },
  layout: {
    skipLink: "Skip to content",
    tagline: "The next circular step for your business",
    languageSwitch: "Lees deze pagina in het Nederlands",
    mainNavigation: "Main menu",
    nav: { home: "Home", catalogue: "Support", regions: "Regions", examples: "Examples", agenda: "Events", monitor: "Monitor" },
    footerHeading: "About this website",
    footerAbout:
      "Circulair Loket helps small and medium-sized businesses across the Netherlands take their next circular step, together with regional support desks and providers of support.",
    accessibility: "Accessibility",
    privacy: "Privacy",
    openData: "Open data (API)",
  },
  errors: {
    notFoundTitle: "Page not found",
    notFoundBody: "This page does not exist (any more). The address may have been mistyped.",
    notFoundHelp: "Go to the home page or search the support on offer.",
    serverErrorTitle: "Something went wrong",
    serverErrorBody: "An error on our side stops this from working right now. Your data has not been lost. Please try again in a few minutes.",
    serverErrorReference: "Quote this code if you contact us:",
    unavailableTitle: "Temporarily unavailable",
    unavailableBody: "The service cannot be reached for a moment. Please try again in a minute.",
    forbiddenTitle: "No access",
    forbiddenBody: "You do not have access to this page.",
    csrfTitle: "Form expired",
    csrfBody: "Your form could not be sent securely. Go back, reload the page and try again.",
    tooManyTitle: "Too many requests",
    tooManyBody: "You have made many requests in a short time. Please wait a moment and try again.",
    backHome: "Go to the home page",
    errorSummaryTitle: "There is a problem",
  },
  home: {
    title: "What is the next circular step for your business?",
    intro:
      "Enter your municipality and sector. You will see straight away which support suits you: information, advice, vouchers and grants, and which desk in your region can help.",
  },
  regions: {
    title: "Regions",
    intro:
      "The Netherlands has 30 regions. In each region, businesses, government and education work together. Choose your region, or search by the name of your municipality.",
    pickerLabel: "Your municipality",
    pickerHint: "Type the name of your municipality, for example Enschede.",
    pickerButton: "Find my region",
    pickerUnknown: "We do not know a municipality called “{name}”. Check the spelling or pick one from the list.",
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
  accessibilityPage: {
    title: "Accessibility",
  },
  privacyPage: {
    title: "Privacy",
  },
};
