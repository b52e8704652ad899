import { defineMessages } from "../../i18n/index.js";

/**
 * The texts of every mail the referrals module sends (ADR 0085), Dutch (B1, "u") and English: to the entrepreneur,
 * to advisers and to providers. Codes never appear: statuses and reasons are written out here.
 */
export const mailMessages = defineMessages(
  {
    outboxText: "Tekst",
    outboxHtml: "Bekijk de HTML-versie",
    greeting: "Beste {name},",
    greetingStaff: "Beste collega,",
    closing: "Met vriendelijke groet,",
    signatureService: "Circulair Loket",
    reference: "Kenmerk",
    contactHeading: "Vragen? Neem contact op met het loket",
    contactWebsite: "Website",
    contactEmail: "E-mail",
    contactPhone: "Telefoon",
    contactAddress: "Adres",
    contactHours: "Openingstijden",
    pageAction: "Bekijk uw aanvraag",
    factInstrument: "Ondersteuning",
    factProvider: "Aanbieder",
    factStatus: "Status",
    factReason: "Reden",
    factAnswerBy: "Antwoord uiterlijk",
    /** An instrument and who offers it, in a sentence; said as one name when the two are named alike. */
    instrumentOfProvider: "{instrument} van {provider}",
    // to the entrepreneur
    intakeSubject: "Wij hebben uw aanvraag ontvangen",
    intakeHub:
      "Wij hebben uw vraag ontvangen. Een adviseur van {hub} neemt binnen {days} werkdagen contact met u op, uiterlijk op {date}.",
    intakeHubNext:
      "Wat gebeurt er nu? De adviseur leest uw vraag, belt of mailt u voor een gesprek en zoekt met u de ondersteuning die past.",
    intakeNational:
      "Wij hebben uw vraag ontvangen. In uw regio is geen loket dat aanvragen via Circulair Loket aanneemt. Daarom gaat uw vraag naar de {name}. Een landelijk coördinator neemt binnen {days} werkdagen contact met u op, uiterlijk op {date}.",
    intakeNationalNext:
      "Samen zoekt u de hulp die past, in uw regio of landelijk. Onderaan deze e-mail staat een organisatie die u ook zelf kunt benaderen.",
    pageExplain:
      "Op uw eigen pagina ziet u elke stap van uw aanvraag. Daar kunt u ook een bericht sturen, iets aanvullen, uw gegevens downloaden of uw toestemming intrekken. Bewaar deze e-mail: de link is alleen voor u.",
    pickedUpSubject: "Een adviseur helpt u verder",
    pickedUp:
      "{adviser} van {loket} heeft uw aanvraag opgepakt. {adviser} neemt contact met u op om uw vraag te bespreken.",
    referralSentSubject: "U bent doorverwezen naar {instrument}",
    referralSent:
      "Uw adviseur heeft u doorverwezen naar {instrumentOfProvider}. {provider} ziet uw bedrijfsnaam, KVK-nummer, regio, naam en e-mailadres en het bericht van de adviseur.",
    referralSentWhen:
      "{provider} neemt contact met u op. U hoort uiterlijk op {date} of {provider} u kan helpen.",
    referralSentHandover:
      "Uw adviseur brengt u zelf in contact met {provider}. U hoort van uw adviseur wanneer dat is.",
    statusSubject: "Nieuws over uw verwijzing naar {instrument}",
    expiredSubject: "Geen antwoord op uw verwijzing naar {instrument}",
    statusNext: "U hoort het als er weer iets verandert.",
    closedNext: "Uw adviseur neemt contact met u op over wat u nu kunt doen.",
    linkSubject: "Uw link naar uw aanvraag bij Circulair Loket",
    linkIntro:
      "U vroeg om de link naar uw aanvraag van {date} bij {loket}. Met deze link ziet u hoe het met uw aanvraag gaat.",
    linkNotYou: "Heeft u dit niet gevraagd? Dan hoeft u niets te doen.",
    withdrawnSubject: "Uw toestemming is ingetrokken en uw gegevens zijn gewist",
    withdrawn:
      "U heeft uw toestemming ingetrokken. Wij hebben uw naam, e-mailadres, telefoonnummer, bedrijfsgegevens, uw vraag en de berichten over uw aanvraag gewist. Alleen aantallen zonder namen blijven bewaard.",
    // to advisers and coordinators
    newIntakeSubject: "Nieuwe aanvraag in uw wachtrij",
    newIntakeNationalSubject: "Nieuwe aanvraag in de landelijke wachtrij",
    newIntake:
      "Er staat een nieuwe aanvraag in de wachtrij van {queue}. De ondernemer hoort binnen {days} werkdagen van u, uiterlijk op {date}.",
    openDossier: "Open het dossier",
    messageSubject: "Nieuw bericht van de ondernemer ({reference})",
    message: "De ondernemer heeft u een bericht gestuurd via de eigen pagina. U leest het in het dossier.",
    infoSubject: "De ondernemer heeft informatie aangevuld ({reference})",
    info: "De ondernemer heeft informatie aangevuld via de eigen pagina. U leest het in het dossier.",
    withdrawnStaffSubject: "Toestemming ingetrokken ({reference})",
    withdrawnStaff:
      "De ondernemer heeft de toestemming ingetrokken. De persoonsgegevens in het dossier zijn gewist. Lopende verwijzingen zijn ingetrokken en de aanbieders hebben daarover bericht gekregen.",
    expiredStaff:
      "{provider} heeft niet binnen de termijn gereageerd op de verwijzing naar {instrument}. Er staat een taak voor u klaar bij de verwijzing: kies wat u nu doet (opnieuw verwijzen, de aanbieder zelf benaderen of afsluiten met een reden). De ondernemer heeft hierover een e-mail gekregen.",
    // to providers and advisers about a referral
    referralToProviderSubject: "Nieuwe verwijzing naar {instrument}",
    referralToProvider:
      "{hub} heeft een bedrijf naar u verwezen voor {instrument}. Geef uiterlijk op {date} antwoord: neem de verwijzing aan, of wijs hem af met een reden.",
    openReferral: "Open de verwijzing",
    referralStatusSubject: "Verwijzing {reference}: {status}",
    referralStatus: "De verwijzing naar {instrument} heeft een nieuwe status: {status}.",
    referralStatusReason: "De reden: {reason}.",
  },
  {
    outboxText: "Text",
    outboxHtml: "View the HTML version",
    greeting: "Dear {name},",
    greetingStaff: "Dear colleague,",
    closing: "Kind regards,",
    signatureService: "Circulair Loket",
    reference: "Reference",
    contactHeading: "Questions? Contact the desk",
    contactWebsite: "Website",
    contactEmail: "E-mail",
    contactPhone: "Phone",
    contactAddress: "Address",
    contactHours: "Opening hours",
    pageAction: "View your request",
    factInstrument: "Support",
    factProvider: "Provider",
    factStatus: "Status",
    factReason: "Reason",
    factAnswerBy: "Answer by",
    instrumentOfProvider: "{instrument} of {provider}",
    intakeSubject: "We have received your request",
    intakeHub:
      "We have received your question. An advisor of {hub} will contact you within {days} working days, by {date} at the latest.",
    intakeHubNext:
      "What happens next? The advisor reads your question, calls or e-mails you for a conversation and looks with you for the support that fits.",
    intakeNational:
      "We have received your question. In your region there is no desk that takes requests through Circulair Loket, so your question goes to the {name}. A national coordinator will contact you within {days} working days, by {date} at the latest.",
    intakeNationalNext:
      "Together you look for the help that fits, in your region or nationally. At the bottom of this e-mail is an organisation you can also contact yourself.",
    pageExplain:
      "On your own page you see every step of your request. There you can also send a message, add information, download your data or withdraw your consent. Keep this e-mail: the link is for you only.",
    pickedUpSubject: "An advisor is helping you",
    pickedUp:
      "{adviser} of {loket} has taken up your request. {adviser} will contact you to discuss your question.",
    referralSentSubject: "You have been referred to {instrument}",
    referralSent:
      "Your advisor has referred you to {instrumentOfProvider}. {provider} sees your company name, KVK number, region, name and e-mail address and the advisor's message.",
    referralSentWhen:
      "{provider} will contact you. You will hear by {date} at the latest whether {provider} can help you.",
    referralSentHandover:
      "Your advisor will put you in touch with {provider} personally. Your advisor will tell you when.",
    statusSubject: "News about your referral to {instrument}",
    expiredSubject: "No answer to your referral to {instrument}",
    statusNext: "You will hear from us when something changes again.",
    closedNext: "Your advisor will contact you about what you can do now.",
    linkSubject: "Your link to your request at Circulair Loket",
    linkIntro:
      "You asked for the link to your request of {date} at {loket}. With this link you can see how your request is going.",
    linkNotYou: "Did you not ask for this? Then you do not need to do anything.",
    withdrawnSubject: "Your consent is withdrawn and your data has been erased",
    withdrawn:
      "You have withdrawn your consent. We have erased your name, e-mail address, phone number, company details, your question and the messages about your request. Only counts without names are kept.",
    newIntakeSubject: "New request in your queue",
    newIntakeNationalSubject: "New request in the national queue",
    newIntake:
      "There is a new request in the queue of {queue}. The entrepreneur will hear from you within {days} working days, by {date} at the latest.",
    openDossier: "Open the file",
    messageSubject: "New message from the entrepreneur ({reference})",
    message: "The entrepreneur has sent you a message from their own page. You can read it in the file.",
    infoSubject: "The entrepreneur has added information ({reference})",
    info: "The entrepreneur has added information from their own page. You can read it in the file.",
    withdrawnStaffSubject: "Consent withdrawn ({reference})",
    withdrawnStaff:
      "The entrepreneur has withdrawn their consent. The personal data in the file has been erased. Ongoing referrals have been withdrawn and the providers have been told.",
    expiredStaff:
      "{provider} did not answer the referral to {instrument} in time. A task is waiting for you on the referral: choose what to do now (refer again, contact the provider yourself or close it with a reason). The entrepreneur has received an e-mail about this.",
    referralToProviderSubject: "New referral to {instrument}",
    referralToProvider:
      "{hub} has referred a company to you for {instrument}. Please answer by {date}: accept the referral, or decline it with a reason.",
    openReferral: "Open the referral",
    referralStatusSubject: "Referral {reference}: {status}",
    referralStatus: "The referral to {instrument} has a new status: {status}.",
    referralStatusReason: "The reason: {reason}.",
  },
);

/**
 * A referral's status as the entrepreneur reads it, on their page and in their mails: what it means for them.
 * `{provider}` is the provider's name.
 */
export const entrepreneurStatusWords = defineMessages(
  {
    concept: "Uw adviseur bereidt de verwijzing voor.",
    verstuurd: "{provider} heeft uw gegevens gekregen en laat weten of zij u kunnen helpen.",
    /** Sent as a warm handover: the adviser contacts the provider in person (ADR 0086). */
    verstuurd_overdracht:
      "Uw adviseur neemt zelf contact op met {provider} en laat u weten of zij u kunnen helpen.",
    in_behandeling: "{provider} bekijkt uw aanvraag.",
    actie_ondernemer_nodig:
      "{provider} heeft iets van u nodig. Kijk in uw e-mail of neem contact op met {provider}.",
    geaccepteerd: "{provider} gaat u helpen.",
    in_uitvoering: "{provider} is met u aan de slag.",
    afgerond_geholpen: "{provider} heeft u geholpen. De verwijzing is afgerond.",
    afgewezen: "{provider} kan u hier niet mee helpen.",
    doorverwezen: "{provider} heeft u doorverwezen naar een andere organisatie.",
    geen_contact: "{provider} heeft geen contact met u kunnen krijgen.",
    ingetrokken: "Uw adviseur heeft de verwijzing gestopt.",
    verlopen: "{provider} heeft niet op tijd geantwoord. De verwijzing is gestopt.",
  },
  {
    concept: "Your advisor is preparing the referral.",
    verstuurd: "{provider} has received your details and will let you know whether they can help you.",
    verstuurd_overdracht:
      "Your adviser contacts {provider} in person and will let you know whether they can help you.",
    in_behandeling: "{provider} is looking at your request.",
    actie_ondernemer_nodig: "{provider} needs something from you. Check your e-mail or contact {provider}.",
    geaccepteerd: "{provider} is going to help you.",
    in_uitvoering: "{provider} is working with you.",
    afgerond_geholpen: "{provider} has helped you. The referral is completed.",
    afgewezen: "{provider} cannot help you with this.",
    doorverwezen: "{provider} has referred you to another organisation.",
    geen_contact: "{provider} could not get in touch with you.",
    ingetrokken: "Your advisor has stopped the referral.",
    verlopen: "{provider} did not answer in time. The referral has stopped.",
  },
);

/** Why a provider declined or an adviser withdrew a referral, in the entrepreneur's words. */
export const entrepreneurReasonWords = defineMessages(
  {
    niet_in_doelgroep: "uw bedrijf hoort niet bij de groep voor wie deze ondersteuning is",
    geen_capaciteit: "de aanbieder heeft nu niet genoeg mensen of tijd",
    buiten_regio: "de ondersteuning is niet voor bedrijven in uw regio",
    onvolledig: "er ontbreken gegevens",
    budget_op: "het geld voor deze regeling is op",
    ondernemer_ziet_af: "u wilde er niet mee verder",
    dubbele_verwijzing: "u was al naar deze ondersteuning verwezen",
    andere_oplossing: "er is een andere oplossing gevonden",
  },
  {
    niet_in_doelgroep: "your company is not in the group this support is for",
    geen_capaciteit: "the provider does not have enough people or time now",
    buiten_regio: "the support is not for companies in your region",
    onvolledig: "some details are missing",
    budget_op: "the money for this scheme has run out",
    ondernemer_ziet_af: "you did not want to go on with it",
    dubbele_verwijzing: "you had already been referred to this support",
    andere_oplossing: "another solution was found",
  },
);
