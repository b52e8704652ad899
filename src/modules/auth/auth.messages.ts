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
    emailTooLong:
      "Dit e-mailadres is te lang: een e-mailadres heeft hoogstens 254 tekens. U gebruikte er {length}.",
    passwordTooLongLogin: "Dit wachtwoord is te lang: wachtwoorden hebben hoogstens 128 tekens.",
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
    inviteMailSubject: "Uw account voor Circulair Loket",
    inviteMailBody:
      "Beste {name},\n\nU bent uitgenodigd om Circulair Loket te gebruiken voor {organisation}. Kies via deze link een wachtwoord. De link werkt één keer, tot en met {date}:\n\n{link}\n\nHeeft u deze uitnodiging niet verwacht? Dan hoeft u niets te doen.",
    inviteTitle: "Uw account maken",
    inviteIntro:
      "U bent uitgenodigd als {role} voor {organisation}. Kies een wachtwoord om uw account te maken.",
    inviteEmail: "Uw e-mailadres",
    inviteButton: "Account maken",
    inviteDone: "Uw account is klaar. Log in met uw e-mailadres en het wachtwoord dat u net koos.",
    inviteUnknownTitle: "Deze link werkt niet",
    inviteUnknown:
      "Wij kennen deze link niet. Misschien is hij niet helemaal overgenomen. Kopieer de hele link uit de e-mail, of vraag de beheerder om een nieuwe uitnodiging.",
    inviteGoneTitle: "Deze link werkt niet meer",
    inviteUsed: "Deze uitnodiging is al gebruikt. U heeft al een account: log in met uw e-mailadres.",
    inviteExpired:
      "Deze uitnodiging is verlopen. Een uitnodiging werkt 7 dagen. Vraag de beheerder om een nieuwe uitnodiging.",
    inviteWithdrawn:
      "Deze uitnodiging is ingetrokken. Denkt u dat dit niet klopt? Neem dan contact op met de beheerder.",
    inviteHasAccount: "Er is al een account met dit e-mailadres. Log in met uw e-mailadres.",
    loginLink: "Naar inloggen",
    role_adviseur: "adviseur",
    role_aanbieder: "aanbieder",
    role_coordinator: "coördinator",
    role_beheerder: "beheerder",
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
    emailTooLong:
      "This e-mail address is too long: an e-mail address has at most 254 characters. You used {length}.",
    passwordTooLongLogin: "This password is too long: passwords have at most 128 characters.",
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
    inviteMailSubject: "Your account for Circulair Loket",
    inviteMailBody:
      "Dear {name},\n\nYou have been invited to use Circulair Loket for {organisation}. Choose a password with this link. The link works once, until {date} inclusive:\n\n{link}\n\nDid you not expect this invitation? Then you do not need to do anything.",
    inviteTitle: "Create your account",
    inviteIntro:
      "You have been invited as {role} for {organisation}. Choose a password to create your account.",
    inviteEmail: "Your e-mail address",
    inviteButton: "Create account",
    inviteDone: "Your account is ready. Log in with your e-mail address and the password you just chose.",
    inviteUnknownTitle: "This link does not work",
    inviteUnknown:
      "We do not know this link. Perhaps it was not copied completely. Copy the whole link from the e-mail, or ask the administrator for a new invitation.",
    inviteGoneTitle: "This link no longer works",
    inviteUsed:
      "This invitation has already been used. You already have an account: log in with your e-mail address.",
    inviteExpired:
      "This invitation has expired. An invitation works for 7 days. Ask the administrator for a new invitation.",
    inviteWithdrawn:
      "This invitation has been withdrawn. Do you think this is a mistake? Then contact the administrator.",
    inviteHasAccount:
      "There already is an account with this e-mail address. Log in with your e-mail address.",
    loginLink: "Go to log in",
    role_adviseur: "adviser",
    role_aanbieder: "provider",
    role_coordinator: "coordinator",
    role_beheerder: "administrator",
  },
);
