import { defineMessages } from "../../i18n/index.js";

/** Texts of login, logout and password reset, Dutch (B1) and English. */
export const authMessages = defineMessages(
  {
    loginTitle: "Inloggen",
    loginIntro: "Deze pagina is voor medewerkers van lokets, aanbieders en coördinatoren.",
    email: "E-mailadres",
    password: "Wachtwoord",
    loginButton: "Inloggen",
    loginFailed: "Het e-mailadres of het wachtwoord klopt niet.",
    emailMissing: "Vul uw e-mailadres in.",
    passwordMissing: "Vul uw wachtwoord in.",
    errorTitle: "Er is een probleem",
    forgotLink: "Wachtwoord vergeten?",
    forgotTitle: "Wachtwoord vergeten",
    forgotIntro:
      "Vul uw e-mailadres in. Als wij het kennen, sturen wij u een link om een nieuw wachtwoord te kiezen.",
    forgotButton: "Stuur mij een link",
    forgotSent:
      "Als dit e-mailadres bij ons bekend is, heeft u nu een e-mail met een link. De link werkt één uur.",
    resetTitle: "Nieuw wachtwoord kiezen",
    resetIntro:
      "Kies een wachtwoord van minstens 12 tekens. Een zin van een paar woorden is goed te onthouden.",
    newPassword: "Nieuw wachtwoord",
    resetButton: "Wachtwoord opslaan",
    resetDone: "Uw wachtwoord is gewijzigd. U kunt nu inloggen.",
    resetInvalid: "Deze link werkt niet meer. Vraag een nieuwe link aan.",
    tooShort: "Kies een wachtwoord van minstens 12 tekens.",
    tooLong: "Kies een wachtwoord van hoogstens 128 tekens.",
    weak: "Dit wachtwoord is te makkelijk te raden. Kies een ander wachtwoord.",
    resetMailSubject: "Nieuw wachtwoord voor Circulair Loket",
    resetMailBody:
      "U heeft gevraagd om een nieuw wachtwoord. Kies een nieuw wachtwoord via deze link (één uur geldig):\n\n{link}\n\nHeeft u dit niet gevraagd? Dan hoeft u niets te doen.",
    loggedOut: "U bent uitgelogd.",
    demoHint: "Demo: log in met bijvoorbeeld adviseur.es04@demo.invalid. Het wachtwoord staat in de README.",
  },
  {
    loginTitle: "Log in",
    loginIntro: "This page is for staff of support desks, providers and coordinators.",
    email: "E-mail address",
    password: "Password",
    loginButton: "Log in",
    loginFailed: "The e-mail address or the password is not correct.",
    emailMissing: "Enter your e-mail address.",
    passwordMissing: "Enter your password.",
    errorTitle: "There is a problem",
    forgotLink: "Forgot your password?",
    forgotTitle: "Forgot your password",
    forgotIntro:
      "Enter your e-mail address. If we know it, we will send you a link to choose a new password.",
    forgotButton: "Send me a link",
    forgotSent:
      "If we know this e-mail address, you now have an e-mail with a link. The link works for one hour.",
    resetTitle: "Choose a new password",
    resetIntro: "Choose a password of at least 12 characters. A sentence of a few words is easy to remember.",
    newPassword: "New password",
    resetButton: "Save password",
    resetDone: "Your password has been changed. You can now log in.",
    resetInvalid: "This link no longer works. Ask for a new link.",
    tooShort: "Choose a password of at least 12 characters.",
    tooLong: "Choose a password of at most 128 characters.",
    weak: "This password is too easy to guess. Choose another password.",
    resetMailSubject: "New password for Circulair Loket",
    resetMailBody:
      "You asked for a new password. Choose a new password with this link (valid for one hour):\n\n{link}\n\nDid you not ask for this? Then you do not need to do anything.",
    loggedOut: "You have logged out.",
    demoHint: "Demo: log in with, for example, adviseur.es04@demo.invalid. The password is in the README.",
  },
);
