import type { Messages } from "./nl.js";

/** English texts: complete, same keys as Dutch. */
export const en: Messages = {
  meta: { lang: "en", serviceName: "Circulair Loket", otherLanguage: "Nederlands", otherLanguageCode: "nl" },
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
    accessibility: "Accessibility",
    privacy: "Privacy",
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
