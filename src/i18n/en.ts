import type { Messages } from "./nl.js";

/** English texts: complete, same keys as Dutch. */
export const en: Messages = {
  meta: {
    lang: "en",
    serviceName: "Circulair Loket",
    otherLanguage: "Nederlands",
    otherLanguageCode: "nl",
    descriptions: {
      default:
        "Circulair Loket takes your small or medium-sized business, in one click, to the right support for its next circular step: a personal route, matching support and the desk in your region.",
      home: "Enter your municipality and sector. You get a personal route to grants, advice and the desk in your region for your next circular step.",
      route:
        "Your personal route to a circular business: the steps that suit you, the support that goes with them and the desk in your region.",
      catalogue:
        "Search the support for circular business: grants, loans, advice and networks, with their status, terms and provider.",
      regions:
        "For each region the desk that helps you, its municipalities and the support businesses there can get.",
      examples: "Examples of businesses that work circularly: what they did and what it brought them.",
      agenda:
        "Meetings, trainings and webinars on circular business, also as a calendar file to subscribe to.",
      sectors: "For each sector the measures businesses can take, with costs, returns and their source.",
      monitor:
        "Figures on the support, the regions and the results of Circulair Loket, without personal data.",
      workspace: "The workspace of regional desks, providers and coordinators of Circulair Loket.",
    },
  },
  layout: {
    skipLink: "Skip to content",
    tagline: "The next circular step for your business",
    languageSwitch: "Lees deze pagina in het Nederlands",
    mainNavigation: "Main menu",
    nav: {
      home: "Home",
      catalogue: "Support",
      regions: "Regions",
      examples: "Examples",
      agenda: "Events",
      sectors: "Sectors",
      monitor: "Monitor",
      workspace: "Workspace",
    },
    logout: "Log out",
    footerHeading: "About this website",
    footerAbout:
      "Circulair Loket helps small and medium-sized businesses across the Netherlands take their next circular step, together with regional support desks and providers of support.",
    about: "About Circulair Loket",
    accessibility: "Accessibility",
    privacy: "Privacy",
    reportBarrier: "Held back by a rule? Report it",
    monitor: "Monitor: how are we doing?",
    openData: "Open data (API)",
  },
  errors: {
    notFoundTitle: "Page not found",
    notFoundBody: "This page does not exist (any more). The address may have been mistyped.",
    notFoundHelp: "Go to the home page or search the support on offer.",
    serverErrorTitle: "Something went wrong",
    serverErrorBody:
      "An error on our side stops this from working right now. Your data has not been lost. Please try again in a few minutes.",
    serverErrorReference: "Quote this code if you contact us:",
    unavailableTitle: "Temporarily unavailable",
    unavailableBody: "The service cannot be reached for a moment. Please try again in a minute.",
    forbiddenTitle: "No access",
    forbiddenBody: "You do not have access to this page.",
    csrfTitle: "Form expired",
    csrfBody: "Your form could not be sent securely. Go back, reload the page and try again.",
    tooManyTitle: "Too many requests",
    tooManyBody: "You have made many requests in a short time. Please wait a moment and try again.",
    badRequestTitle: "We cannot process this request",
    badRequestBody:
      "Your request contains something we cannot read, such as invisible control characters. Go back, check what you entered and try again.",
    tooLargeTitle: "Too much text at once",
    tooLargeBody:
      "You sent more text or files than this form can take. Please shorten your text and try again.",
    backHome: "Go to the home page",
    errorSummaryTitle: "There is a problem",
  },
  home: {
    title: "What is the next circular step for your business?",
    intro:
      "Enter your municipality and sector. You will see straight away which support suits you: information, advice, vouchers and grants, and which desk in your region can help.",
  },
  accessibilityPage: {
    title: "Accessibility",
  },
  privacyPage: {
    title: "Privacy",
  },
};
