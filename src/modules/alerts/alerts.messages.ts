import { defineMessages } from "../../i18n/index.js";

/** Texts of the alerts ("Houd me op de hoogte", ADR 0092): pages and mails, Dutch (B1) and English. */
export const alertMessages = defineMessages(
  {
    // the box and the link on other pages
    boxHeading: "Houd me op de hoogte",
    boxText:
      "Krijg een e-mail als er iets verandert. U heeft geen account nodig en kunt zich altijd afmelden.",
    boxLink: "Meld u aan voor e-mails",
    // the subscribe page
    subscribeTitle: "Houd me op de hoogte",
    subscribeLead:
      "Wij sturen u een e-mail als er nieuws is. Hooguit één e-mail per week, behalve als een deadline binnen 14 dagen valt.",
    aboutHeading: "Waarover",
    kindsLegend: "Waarover wilt u een e-mail krijgen?",
    kind_opent: "Als deze regeling opengaat",
    kind_deadline: "Als de deadline van deze regeling binnen 14 dagen valt",
    kind_nieuw_aanbod: "Als er nieuwe hulp komt die past bij mijn route",
    kind_bijeenkomst: "Als er een bijeenkomst is voor mijn sector in mijn regio",
    emailLabel: "Uw e-mailadres",
    emailHint:
      "Wij bewaren alleen dit adres en waarover u e-mail wilt. U krijgt eerst een e-mail om te bevestigen.",
    submit: "Aanmelden",
    errorSummaryTitle: "Er is een probleem",
    errEmailMissing: "Vul uw e-mailadres in.",
    errEmailInvalid: "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
    errEmailTooLong: "Het e-mailadres is te lang. Gebruik hooguit 254 tekens.",
    errKinds: "Kies ten minste één onderwerp.",
    errNoCriteria:
      "Wij weten niet waarover u e-mail wilt. Meld u aan vanaf de pagina van een regeling of vanaf uw route.",
    instrumentLine: "Regeling: {name}",
    regionLine: "Regio: {region}",
    placeLine: "Gemeente: {place}",
    sectorLine: "Sector: {sector}",
    stepLine: "Stap: {step}",
    phaseLine: "Fase: {phase}",
    kindLine: "Soort hulp: {kind}",
    alreadyOpen: "Deze regeling is nu al te gebruiken. U kunt wel een e-mail krijgen als de deadline nadert.",
    sentTitle: "Kijk in uw e-mail",
    sentText:
      "Wij hebben u een e-mail gestuurd. Klik op de link in die e-mail om uw aanmelding te bevestigen. Doet u dat niet binnen 7 dagen, dan vervalt de aanmelding.",
    back: "Terug naar de vorige pagina",
    // confirm
    confirmTitle: "Aanmelding bevestigen",
    confirmText: "Bevestig dat u e-mail wilt krijgen over:",
    confirmButton: "Ja, ik wil deze e-mails",
    confirmedTitle: "Uw aanmelding is bevestigd",
    confirmedText:
      "U krijgt voortaan een e-mail als er nieuws is. In elke e-mail staat een link om u met één klik af te melden.",
    goneTitle: "Deze link werkt niet",
    goneUnknown:
      "Deze link kennen wij niet, of hij is al gebruikt. Controleer of u de hele link heeft overgenomen.",
    goneExpired:
      "Deze link is verlopen. Een aanmelding die u niet binnen 7 dagen bevestigt, vervalt. U kunt zich opnieuw aanmelden.",
    // unsubscribe
    unsubscribeTitle: "Afmelden voor e-mails",
    unsubscribeText: "Als u zich afmeldt, krijgt {email} geen e-mails meer over:",
    unsubscribeButton: "Afmelden",
    unsubscribedTitle: "U bent afgemeld",
    unsubscribedText:
      "U krijgt van ons geen e-mails meer over deze onderwerpen. Wij hebben uw e-mailadres gewist.",
    unsubscribeUnknown: "Deze link kennen wij niet, of u bent al afgemeld.",
    // mails
    mailGreeting: "Beste lezer,",
    mailClosing: "Met vriendelijke groet,",
    mailSignature: "Circulair Loket",
    confirmMailSubject: "Bevestig uw aanmelding bij Circulair Loket",
    confirmMailIntro: "Iemand heeft dit e-mailadres aangemeld voor e-mails van Circulair Loket over:",
    confirmMailAction: "Aanmelding bevestigen",
    confirmMailIgnore:
      "Heeft u zich niet aangemeld? Dan hoeft u niets te doen. Zonder bevestiging vervalt de aanmelding na 7 dagen en wissen wij uw e-mailadres.",
    digestSubject: "Nieuws over de hulp die u volgt",
    digestIntro: "Er is nieuws over de regelingen en onderwerpen die u volgt bij Circulair Loket.",
    itemOpens: "Nu open: {name}",
    itemDeadline: "Sluit op {date}: {name}",
    itemNew: "Nieuw en past bij uw route: {name}",
    itemEvent: "Bijeenkomst op {date}: {title}",
    digestWhy: "U krijgt deze e-mail omdat u zich heeft aangemeld bij Circulair Loket.",
    unsubscribeLinkText: "Afmelden met één klik",
  },
  {
    boxHeading: "Keep me informed",
    boxText: "Get an e-mail when something changes. You need no account and can unsubscribe at any time.",
    boxLink: "Sign up for e-mails",
    subscribeTitle: "Keep me informed",
    subscribeLead:
      "We send you an e-mail when there is news. At most one e-mail a week, unless a deadline falls within 14 days.",
    aboutHeading: "About",
    kindsLegend: "What would you like an e-mail about?",
    kind_opent: "When this scheme opens",
    kind_deadline: "When the deadline of this scheme is within 14 days",
    kind_nieuw_aanbod: "When new support comes that fits my route",
    kind_bijeenkomst: "When there is an event for my sector in my region",
    emailLabel: "Your e-mail address",
    emailHint:
      "We keep only this address and what you want e-mail about. You first get an e-mail to confirm.",
    submit: "Sign up",
    errorSummaryTitle: "There is a problem",
    errEmailMissing: "Enter your e-mail address.",
    errEmailInvalid: "Enter a valid e-mail address, such as name@example.com.",
    errEmailTooLong: "The e-mail address is too long. Use at most 254 characters.",
    errKinds: "Choose at least one subject.",
    errNoCriteria:
      "We do not know what you want e-mail about. Sign up from the page of a scheme or from your route.",
    instrumentLine: "Scheme: {name}",
    regionLine: "Region: {region}",
    placeLine: "Municipality: {place}",
    sectorLine: "Sector: {sector}",
    stepLine: "Step: {step}",
    phaseLine: "Stage: {phase}",
    kindLine: "Kind of support: {kind}",
    alreadyOpen: "This scheme can be used now. You can still get an e-mail when its deadline is near.",
    sentTitle: "Check your e-mail",
    sentText:
      "We have sent you an e-mail. Click the link in that e-mail to confirm. If you do not do so within 7 days, the sign-up lapses.",
    back: "Back to the previous page",
    confirmTitle: "Confirm your sign-up",
    confirmText: "Confirm that you want e-mail about:",
    confirmButton: "Yes, I want these e-mails",
    confirmedTitle: "Your sign-up is confirmed",
    confirmedText:
      "From now on you get an e-mail when there is news. Every e-mail has a link to unsubscribe in one click.",
    goneTitle: "This link does not work",
    goneUnknown: "We do not know this link, or it has been used. Check that you copied the whole link.",
    goneExpired:
      "This link has expired. A sign-up that is not confirmed within 7 days lapses. You can sign up again.",
    unsubscribeTitle: "Unsubscribe from e-mails",
    unsubscribeText: "If you unsubscribe, {email} gets no more e-mails about:",
    unsubscribeButton: "Unsubscribe",
    unsubscribedTitle: "You have unsubscribed",
    unsubscribedText:
      "You will get no more e-mails from us about these subjects. We have erased your e-mail address.",
    unsubscribeUnknown: "We do not know this link, or you have already unsubscribed.",
    mailGreeting: "Hello,",
    mailClosing: "Kind regards,",
    mailSignature: "Circulair Loket",
    confirmMailSubject: "Confirm your sign-up with Circulair Loket",
    confirmMailIntro: "Someone signed this e-mail address up for e-mails from Circulair Loket about:",
    confirmMailAction: "Confirm sign-up",
    confirmMailIgnore:
      "Did you not sign up? Then you need not do anything. Without confirmation the sign-up lapses after 7 days and we erase your e-mail address.",
    digestSubject: "News about the support you follow",
    digestIntro: "There is news about the schemes and subjects you follow at Circulair Loket.",
    itemOpens: "Open now: {name}",
    itemDeadline: "Closes on {date}: {name}",
    itemNew: "New and fits your route: {name}",
    itemEvent: "Event on {date}: {title}",
    digestWhy: "You get this e-mail because you signed up at Circulair Loket.",
    unsubscribeLinkText: "Unsubscribe in one click",
  },
);

export type AlertMessages = (typeof alertMessages)["nl"];
