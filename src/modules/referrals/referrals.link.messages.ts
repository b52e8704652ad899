import { defineMessages } from "../../i18n/index.js";

/**
 * Texts of the provider's referral link (/verwijzing/{token}), its mails, the warm handover and the adviser's tasks
 * (ADR 0086), Dutch (B1) and English.
 */
export const linkMessages = defineMessages(
  {
    // the mail to the referral address
    mailSubject: "Nieuwe verwijzing van {loket}: {instrument}",
    withdrawnMailSubject: "Verwijzing {reference} is ingetrokken",
    withdrawnMailBody:
      "Goedendag,\n\n{loket} verwees een ondernemer naar u voor {instrument} (verwijzing {reference}). De ondernemer heeft de toestemming ingetrokken. Daarom is de verwijzing gestopt. U hoeft niets meer te doen.\n\nDe link in de eerdere mail werkt niet meer. Heeft u gegevens van de ondernemer bewaard? Gebruik die dan niet meer voor deze verwijzing.\n\nMet vriendelijke groet,\n{loket}",
    mailBody:
      "Goedendag,\n\n{loket} verwijst een ondernemer naar u voor {instrument}. De ondernemer gaf toestemming dat u de gegevens ziet die u nodig heeft om contact op te nemen.\n\nBekijk de verwijzing en geef uw antwoord via deze link:\n{link}\n\nU heeft geen account nodig. Wij vragen u te antwoorden vóór {due}. De link werkt alleen voor deze verwijzing, tot {expires} of tot de verwijzing is afgesloten.\n\nStuur deze mail niet door: wie de link heeft, ziet de gegevens van de ondernemer.\n\nU krijgt deze mail op dit adres omdat uw organisatie het heeft opgegeven voor verwijzingen via Circulair Loket.\n\nKenmerk: {reference}\n\nMet vriendelijke groet,\n{loket}",
    reminderMailSubject: "Herinnering: verwijzing van {loket} wacht op uw antwoord",
    reminderMailBody:
      "Goedendag,\n\n{loket} verwees een ondernemer naar u voor {instrument}. Wij hebben nog geen antwoord. Wilt u vóór {due} laten weten wat u doet?\n\nBekijk de verwijzing via deze link:\n{link}\n\nDe link werkt alleen voor deze verwijzing, tot {expires} of tot de verwijzing is afgesloten. Stuur deze mail niet door.\n\nKenmerk: {reference}\n\nMet vriendelijke groet,\n{loket}",
    accountReminderSubject: "Herinnering: verwijzing naar {instrument} wacht op uw antwoord",
    accountReminderBody:
      "Goedendag,\n\nEen verwijzing naar {instrument} wacht op uw antwoord. Wilt u vóór {due} laten weten wat u doet?\n\nBekijk de verwijzing in uw werkruimte:\n{link}\n\nMet vriendelijke groet,\nCirculair Loket",
    questionMailSubject: "Vraag van de aanbieder over verwijzing {id}",
    questionMailBody:
      "Goedendag,\n\nDe aanbieder heeft een vraag gesteld over een verwijzing. U leest de vraag in uw werkruimte:\n{link}\n\nMet vriendelijke groet,\nCirculair Loket",
    // the link page
    pageTitle: "Verwijzing: {instrument}",
    pageIntro:
      "{loket} verwijst deze ondernemer naar u. U ziet hieronder alleen de gegevens waarvoor de ondernemer toestemming gaf.",
    companyHeading: "De ondernemer",
    companyName: "Bedrijf",
    kvkNumber: "KVK-nummer",
    region: "Regio",
    contactName: "Contactpersoon",
    contactEmail: "E-mailadres",
    message: "Bericht van de adviseur",
    statusNow: "Status",
    answerBefore: "Antwoord graag vóór",
    linkValidUntil: "Deze link werkt tot",
    answerHeading: "Uw antwoord",
    answerLabel: "Wat doet u met deze verwijzing?",
    outcomeHeading: "Hoe is het afgelopen?",
    outcomeLabel: "Is de ondernemer geholpen?",
    reasonLabel: "Reden",
    reasonHint: "Kies een reden als u de verwijzing afwijst of als de ondernemer niet geholpen is.",
    reasonNone: "Geen reden",
    noteLabel: "Toelichting voor de adviseur (niet verplicht)",
    saveButton: "Antwoord versturen",
    chooseOption: "Kies een antwoord",
    questionHeading: "Een vraag stellen",
    questionIntro: "Heeft u een vraag aan de adviseur? De adviseur krijgt bericht en neemt contact met u op.",
    questionLabel: "Uw vraag",
    questionButton: "Vraag versturen",
    questionSent: "Uw vraag is verstuurd. De adviseur neemt contact met u op.",
    answerSaved: "Uw antwoord is opgeslagen. Dank u wel.",
    historyHeading: "Wat er gebeurde",
    historyQuestion: "Vraag",
    viaLink: "aanbieder (via deze link)",
    forProvider: "{name}, namens de aanbieder",
    errTo: "Kies wat u doet met de verwijzing.",
    errReasonRequired: "Kies een reden.",
    errUnknownReason: "Bij dit antwoord hoort geen reden. Kies 'Geen reden'.",
    errNotAllowed: "Dit antwoord kan nu niet meer. Bekijk de status hierboven.",
    errQuestion: "Schrijf uw vraag in 5 tot 2000 tekens.",
    errQuestionLimit:
      "U heeft vandaag al 5 vragen gesteld over deze verwijzing. Morgen kunt u weer een vraag stellen. Is het dringend? Neem dan contact op met het loket.",
    conflictTitle: "Iemand anders heeft de verwijzing intussen gewijzigd",
    conflictBody: "Bekijk de nieuwe status hieronder en geef zo nodig opnieuw uw antwoord.",
    privacyNote:
      "Deze pagina is alleen voor u bedoeld. Stuur de link niet door. Wij bewaren wat u hier doet, met de link als afzender.",
    // the moves, as a provider says them
    move_geaccepteerd: "Ik accepteer de verwijzing en neem contact op met de ondernemer",
    move_in_behandeling: "Ik bekijk de verwijzing nog",
    move_afgewezen: "Ik wijs de verwijzing af",
    move_in_uitvoering: "De ondersteuning is begonnen",
    move_afgerond_geholpen: "Ja, de ondernemer is geholpen",
    move_afgerond_niet_geholpen: "Nee, de ondernemer is niet geholpen",
    move_geen_contact: "Ik kreeg geen contact met de ondernemer",
    move_actie_ondernemer_nodig: "Ik wacht op de ondernemer",
    move_doorverwezen: "Ik verwijs de ondernemer door naar een ander",
    doneTitle: "Dank u wel",
    doneBody:
      "Uw antwoord is opgeslagen: {status}. De verwijzing is nu afgesloten, en daarom werkt deze link niet meer. De adviseur van {loket} ziet uw antwoord.",
    // the page when a link does not work
    goneTitle: "Deze link werkt niet meer",
    goneClosed:
      "Deze verwijzing is afgesloten. Daarom werkt de link niet meer. Heeft u nog een vraag? Neem dan contact op met het loket dat u de verwijzing stuurde.",
    goneExpired:
      "Deze link is verlopen. Neem contact op met het loket dat u de verwijzing stuurde als u de ondernemer nog wilt helpen.",
    unknownTitle: "Deze link kennen wij niet",
    unknownBody:
      "Controleer of u de hele link uit de mail heeft overgenomen. Werkt het nog steeds niet? Neem dan contact op met het loket dat u de verwijzing stuurde.",
    // the adviser's side: delivery and tasks
    deliveryHeading: "Hoe de aanbieder deze verwijzing krijgt",
    delivery_account: "De aanbieder heeft een account en ziet de verwijzing in zijn werkruimte.",
    delivery_mail:
      "De aanbieder heeft geen account. Hij kreeg een mail op zijn adres voor verwijzingen, met een link waarmee hij antwoordt.",
    delivery_warme_overdracht:
      "Warme overdracht: deze aanbieder heeft geen account en geen adres voor verwijzingen. Er gaat geen mail naar de aanbieder. Neem zelf contact op met de aanbieder, vertel over de ondernemer en vraag of de aanbieder kan helpen. Leg daarna hieronder vast wat de aanbieder antwoordde.",
    providerContactHeading: "Contactgegevens van {provider}",
    providerNoContact:
      "Wij kennen geen openbare contactgegevens van deze aanbieder. Zoek ze op de website van de aanbieder.",
    website: "Website",
    email: "E-mail",
    phone: "Telefoon",
    address: "Adres",
    openingHours: "Openingstijden",
    tasksHeading: "Taken",
    tasksEmpty: "Er staan geen taken open.",
    taskDue: "uiterlijk {date}",
    taskOverdue: "te laat",
    taskDone: "afgerond op {date}: {resolution}",
    task_warme_overdracht_opvolgen: "Warme overdracht opvolgen: leg vast wat de aanbieder antwoordde",
    task_verlopen_opvolgen: "Verlopen verwijzing: kies wat u nu doet",
    taskResolutionLabel: "Wat is er gebeurd?",
    taskNoteLabel: "Toelichting (komt in de geschiedenis van de verwijzing)",
    taskButton: "Taak afronden",
    res_aanbieder_accepteert: "De aanbieder accepteert de verwijzing",
    res_aanbieder_wijst_af: "De aanbieder wijst de verwijzing af",
    res_geen_contact: "Ik kreeg geen contact met de aanbieder",
    res_opnieuw_verwijzen: "Ik verwijs opnieuw (in het dossier)",
    res_nabellen: "Ik heb de aanbieder nagebeld",
    res_afsluiten: "Ik sluit de verwijzing af",
    res_afgehandeld: "afgehandeld",
    errResolution: "Kies wat er is gebeurd.",
    errTaskDone: "Deze taak is al afgerond.",
    colTask: "Taak",
    colCompany: "Bedrijf",
    colReferral: "Verwijzing",
    colDue: "Uiterlijk",
    filterTaken: "Taken",
    tasksCaption: "Open taken bij verwijzingen",
  },
  {
    mailSubject: "New referral from {loket}: {instrument}",
    withdrawnMailSubject: "Referral {reference} has been withdrawn",
    withdrawnMailBody:
      "Hello,\n\n{loket} referred an entrepreneur to you for {instrument} (referral {reference}). The entrepreneur has withdrawn their consent, so the referral has stopped. You do not need to do anything.\n\nThe link in the earlier e-mail no longer works. Did you keep any of the entrepreneur's details? Then do not use them for this referral any more.\n\nKind regards,\n{loket}",
    mailBody:
      "Hello,\n\n{loket} refers an entrepreneur to you for {instrument}. The entrepreneur agreed that you see the details you need to get in touch.\n\nSee the referral and give your answer through this link:\n{link}\n\nYou do not need an account. Please answer before {due}. The link works for this referral only, until {expires} or until the referral is closed.\n\nDo not forward this mail: anyone with the link sees the entrepreneur's details.\n\nYou get this mail at this address because your organisation gave it for referrals through Circulair Loket.\n\nReference: {reference}\n\nKind regards,\n{loket}",
    reminderMailSubject: "Reminder: a referral from {loket} is waiting for your answer",
    reminderMailBody:
      "Hello,\n\n{loket} referred an entrepreneur to you for {instrument}. We have no answer yet. Please let us know before {due} what you will do.\n\nSee the referral through this link:\n{link}\n\nThe link works for this referral only, until {expires} or until the referral is closed. Do not forward this mail.\n\nReference: {reference}\n\nKind regards,\n{loket}",
    accountReminderSubject: "Reminder: a referral to {instrument} is waiting for your answer",
    accountReminderBody:
      "Hello,\n\nA referral to {instrument} is waiting for your answer. Please let us know before {due} what you will do.\n\nSee the referral in your workspace:\n{link}\n\nKind regards,\nCirculair Loket",
    questionMailSubject: "Question from the provider about referral {id}",
    questionMailBody:
      "Hello,\n\nThe provider asked a question about a referral. You can read it in your workspace:\n{link}\n\nKind regards,\nCirculair Loket",
    pageTitle: "Referral: {instrument}",
    pageIntro:
      "{loket} refers this entrepreneur to you. Below you see only the details the entrepreneur agreed to share.",
    companyHeading: "The entrepreneur",
    companyName: "Company",
    kvkNumber: "KVK number",
    region: "Region",
    contactName: "Contact person",
    contactEmail: "E-mail address",
    message: "Message from the adviser",
    statusNow: "Status",
    answerBefore: "Please answer before",
    linkValidUntil: "This link works until",
    answerHeading: "Your answer",
    answerLabel: "What will you do with this referral?",
    outcomeHeading: "How did it end?",
    outcomeLabel: "Was the entrepreneur helped?",
    reasonLabel: "Reason",
    reasonHint: "Choose a reason if you decline the referral or if the entrepreneur was not helped.",
    reasonNone: "No reason",
    noteLabel: "Note for the adviser (optional)",
    saveButton: "Send answer",
    chooseOption: "Choose an answer",
    questionHeading: "Ask a question",
    questionIntro: "Do you have a question for the adviser? The adviser is told and will contact you.",
    questionLabel: "Your question",
    questionButton: "Send question",
    questionSent: "Your question has been sent. The adviser will contact you.",
    answerSaved: "Your answer has been saved. Thank you.",
    historyHeading: "What happened",
    historyQuestion: "Question",
    viaLink: "provider (through this link)",
    forProvider: "{name}, for the provider",
    errTo: "Choose what you will do with the referral.",
    errReasonRequired: "Choose a reason.",
    errUnknownReason: "This answer takes no reason. Choose 'No reason'.",
    errNotAllowed: "This answer is no longer possible. See the status above.",
    errQuestion: "Write your question in 5 to 2000 characters.",
    errQuestionLimit:
      "You have already asked 5 questions about this referral today. You can ask again tomorrow. Is it urgent? Then contact the desk.",
    conflictTitle: "Someone else changed the referral in the meantime",
    conflictBody: "See the new status below and give your answer again if needed.",
    privacyNote:
      "This page is meant for you only. Do not forward the link. We keep a record of what you do here, with the link as sender.",
    move_geaccepteerd: "I accept the referral and will contact the entrepreneur",
    move_in_behandeling: "I am still looking at the referral",
    move_afgewezen: "I decline the referral",
    move_in_uitvoering: "The support has started",
    move_afgerond_geholpen: "Yes, the entrepreneur was helped",
    move_afgerond_niet_geholpen: "No, the entrepreneur was not helped",
    move_geen_contact: "I could not reach the entrepreneur",
    move_actie_ondernemer_nodig: "I am waiting for the entrepreneur",
    move_doorverwezen: "I refer the entrepreneur on to someone else",
    doneTitle: "Thank you",
    doneBody:
      "Your answer has been saved: {status}. The referral is now closed, so this link no longer works. The adviser of {loket} sees your answer.",
    goneTitle: "This link no longer works",
    goneClosed:
      "This referral is closed, so the link no longer works. Any questions? Contact the desk that sent you the referral.",
    goneExpired:
      "This link has expired. Contact the desk that sent you the referral if you still want to help the entrepreneur.",
    unknownTitle: "We do not know this link",
    unknownBody:
      "Check that you copied the whole link from the mail. Still not working? Contact the desk that sent you the referral.",
    deliveryHeading: "How the provider receives this referral",
    delivery_account: "The provider has an account and sees the referral in its workspace.",
    delivery_mail:
      "The provider has no account. It got a mail at its referral address, with a link to answer through.",
    delivery_warme_overdracht:
      "Warm handover: this provider has no account and no referral address. No mail goes to the provider. Contact the provider yourself, tell them about the entrepreneur and ask whether they can help. Then record below what the provider answered.",
    providerContactHeading: "Contact details of {provider}",
    providerNoContact:
      "We know no public contact details of this provider. Look them up on the provider's website.",
    website: "Website",
    email: "E-mail",
    phone: "Phone",
    address: "Address",
    openingHours: "Opening hours",
    tasksHeading: "Tasks",
    tasksEmpty: "There are no open tasks.",
    taskDue: "by {date}",
    taskOverdue: "overdue",
    taskDone: "done on {date}: {resolution}",
    task_warme_overdracht_opvolgen: "Follow up a warm handover: record what the provider answered",
    task_verlopen_opvolgen: "Expired referral: choose what to do now",
    taskResolutionLabel: "What happened?",
    taskNoteLabel: "Note (goes into the referral's history)",
    taskButton: "Complete task",
    res_aanbieder_accepteert: "The provider accepts the referral",
    res_aanbieder_wijst_af: "The provider declines the referral",
    res_geen_contact: "I could not reach the provider",
    res_opnieuw_verwijzen: "I refer again (in the file)",
    res_nabellen: "I called the provider",
    res_afsluiten: "I close the referral",
    res_afgehandeld: "dealt with",
    errResolution: "Choose what happened.",
    errTaskDone: "This task has already been completed.",
    colTask: "Task",
    colCompany: "Company",
    colReferral: "Referral",
    colDue: "Due",
    filterTaken: "Tasks",
    tasksCaption: "Open tasks on referrals",
  },
);

export type LinkMessages = (typeof linkMessages)["nl"];

/** A move in the provider's own words, or the status label when it has none. */
export function moveLabel(t: LinkMessages, to: string, fallback: string): string {
  return (t as Record<string, string>)[`move_${to}`] ?? fallback;
}
