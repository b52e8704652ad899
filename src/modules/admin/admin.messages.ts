import { defineMessages } from "../../i18n/index.js";

/** Texts of the beheer pages, Dutch (B1) and English. */
export const adminMessages = defineMessages(
  {
    subjectsTitle: "Gegevens van een persoon",
    subjectsIntro:
      "Vraagt iemand om inzage of om het wissen van zijn gegevens? Vul het e-mailadres in dat hij bij de aanvraag gebruikte.",
    email: "E-mailadres van de persoon",
    exportButton: "Download alle gegevens (JSON)",
    eraseHeading: "Gegevens wissen",
    eraseIntro:
      "Wissen maakt de gegevens onherkenbaar (anonimiseren). Aantallen, statussen en impactcijfers blijven bewaard voor de monitor. Dit kan niet ongedaan worden gemaakt.",
    eraseConfirm: "Ik weet zeker dat ik de gegevens van deze persoon wil wissen",
    eraseButton: "Gegevens wissen",
    erased: { one: "{count} dossier geanonimiseerd.", other: "{count} dossiers geanonimiseerd." },
    errEmail: "Vul een geldig e-mailadres in.",
    errConfirm: "Bevestig dat u de gegevens wilt wissen.",
    errorTitle: "Er is een probleem",
    auditTitle: "Auditlog",
    auditIntro: "De laatste 100 regels. Het log kan niet worden gewijzigd of verwijderd.",
    colWhen: "Wanneer",
    colWho: "Wie",
    colAction: "Actie",
    colSubject: "Onderwerp",
    colOutcome: "Resultaat",
    colFrom: "Vanaf (pseudoniem)",
    allowed: "toegestaan",
    denied: "geweigerd",
    back: "Werkruimte",
  },
  {
    subjectsTitle: "A person's data",
    subjectsIntro:
      "Does someone ask to see or erase their data? Enter the e-mail address they used for the request.",
    email: "The person's e-mail address",
    exportButton: "Download all data (JSON)",
    eraseHeading: "Erase data",
    eraseIntro:
      "Erasing makes the data unrecognisable (anonymisation). Counts, statuses and impact figures are kept for the monitor. This cannot be undone.",
    eraseConfirm: "I am sure I want to erase this person's data",
    eraseButton: "Erase data",
    erased: { one: "{count} file anonymised.", other: "{count} files anonymised." },
    errEmail: "Enter a valid e-mail address.",
    errConfirm: "Confirm that you want to erase the data.",
    errorTitle: "There is a problem",
    auditTitle: "Audit log",
    auditIntro: "The latest 100 lines. The log cannot be changed or deleted.",
    colWhen: "When",
    colWho: "Who",
    colAction: "Action",
    colSubject: "Subject",
    colOutcome: "Result",
    colFrom: "From (pseudonym)",
    allowed: "allowed",
    denied: "denied",
    back: "Workspace",
  },
);
