import { defineMessages, format, type Lang } from "../../i18n/index.js";
import type { Action, NameDirectory } from "../auth/index.js";

/**
 * The audit log in words (issue 15 item 6): what was done, to what, and by whom by name. Every action of the policy
 * table has its words (the compiler checks it); actions recorded outside the guard are listed as well.
 */
type RecordedAction =
  | Action
  | "case.create"
  | "queue.read"
  | "inbox.read"
  | "listing.confirm"
  | "event.create"
  | "retention.anonymise"
  | "referral.question"
  | "referral_link.use"
  | "barrier_link.use";

// Words for actions that other branches add (administration at /beheer) may stand here before their code does.
const ACTIONS: Record<RecordedAction, { nl: string; en: string }> &
  Record<string, { nl: string; en: string }> = {
  "workspace.enter": { nl: "werkruimte openen", en: "open the workspace" },
  "outbox.view": { nl: "verstuurde e-mail bekijken", en: "view sent e-mail" },
  "outbox.view_all": { nl: "alle verstuurde e-mail bekijken", en: "view all sent e-mail" },
  "monitor.navigate": { nl: "monitor openen", en: "open the monitor" },
  "queue.view": { nl: "wachtrij bekijken", en: "view the queue" },
  "national_queue.view": { nl: "landelijke wachtrij bekijken", en: "view the national queue" },
  "queue.read": { nl: "wachtrij gelezen", en: "queue read" },
  "case.create": { nl: "intake ontvangen", en: "intake received" },
  "case.read": { nl: "dossier gelezen", en: "dossier read" },
  "case.update": { nl: "dossier gewijzigd", en: "dossier changed" },
  "referral.create": { nl: "verwijzing verstuurd", en: "referral sent" },
  "referral.read": { nl: "verwijzing gelezen", en: "referral read" },
  "referral.transition": { nl: "status van verwijzing gewijzigd", en: "referral status changed" },
  "referral.question": { nl: "vraag over verwijzing gesteld", en: "question about a referral asked" },
  "referral_link.use": {
    nl: "verwijzing geopend via de link in de e-mail",
    en: "referral opened through the link in the e-mail",
  },
  "referral_task.complete": { nl: "opvolgtaak afgerond", en: "follow-up task completed" },
  "own_case.read": { nl: "eigen aanvraag bekeken via de link", en: "own request viewed through the link" },
  "own_case.message": { nl: "bericht van de ondernemer verstuurd", en: "message from the entrepreneur sent" },
  "own_case.export": { nl: "eigen gegevens gedownload", en: "own data downloaded" },
  "own_case.withdraw": { nl: "toestemming ingetrokken", en: "consent withdrawn" },
  "mijn_route.read": { nl: "Mijn route bekeken via de link", en: "My route viewed through the link" },
  "mijn_route.update": { nl: "Mijn route bijgewerkt via de link", en: "My route updated through the link" },
  "mijn_route.email": {
    nl: "link van Mijn route per e-mail gevraagd",
    en: "My route link asked for by e-mail",
  },
  "case.saved_route.read": {
    nl: "Mijn route van de ondernemer in het dossier bekeken",
    en: "the entrepreneur's My route viewed in the dossier",
  },

  "measure.create": { nl: "maatregel vastgelegd", en: "measure recorded" },
  "provider.inbox": { nl: "verwijzingen van aanbieder bekijken", en: "view the provider's referrals" },
  "inbox.read": { nl: "verwijzingen van aanbieder gelezen", en: "provider's referrals read" },
  "listing.update": { nl: "aanbod gewijzigd", en: "listing changed" },
  "listing.confirm": { nl: "aanbod bevestigd als actueel", en: "listing confirmed as current" },
  "event.keep": { nl: "eigen bijeenkomsten bijhouden", en: "keep own events" },
  "event.create": { nl: "bijeenkomst toegevoegd", en: "event added" },
  "event.update": { nl: "bijeenkomst gewijzigd", en: "event changed" },
  "hub_event.update": { nl: "bijeenkomst van het loket gewijzigd", en: "loket event changed" },
  "monitor.view_restricted": {
    nl: "exacte cijfers van de monitor bekijken",
    en: "view the monitor's exact figures",
  },
  "goal.create": { nl: "doel toegevoegd", en: "goal added" },
  "goal.update": { nl: "doel gewijzigd", en: "goal changed" },
  "goal.breakdown": {
    nl: "doel verdeeld over provincie en regio's",
    en: "goal broken down over province and regions",
  },
  "barrier.read_register": { nl: "register van belemmeringen gelezen", en: "barrier register read" },
  "barrier.update": { nl: "belemmering gewijzigd", en: "barrier changed" },
  "barrier.forward": { nl: "belemmering doorgestuurd", en: "barrier forwarded" },
  "barrier.answer": { nl: "antwoord op belemmering vastgelegd", en: "answer to barrier recorded" },
  "barrier.publish": { nl: "belemmering gepubliceerd", en: "barrier published" },
  "barrier.read_forwarding": {
    nl: "doorgestuurde belemmering bekeken in de werkruimte",
    en: "forwarded barrier viewed in the workspace",
  },
  "barrier.answer_forwarding": {
    nl: "doorgestuurde belemmering beantwoord in de werkruimte",
    en: "forwarded barrier answered in the workspace",
  },
  "barrier_link.use": { nl: "antwoordlink van belemmering gebruikt", en: "barrier answer link used" },
  "barrier.report_as_adviser": { nl: "belemmering gemeld als adviseur", en: "barrier reported as adviser" },
  "gap.assign": {
    nl: "gat in het register gezet of organisatie aan zet gewijzigd",
    en: "gap put in the register or organisation to act changed",
  },
  "case.mark_no_offer": {
    nl: "vraag gemarkeerd als geen passend aanbod",
    en: "question marked as no suitable offer",
  },
  "gap.read": { nl: "gat in het aanbod bekeken", en: "gap in the offer viewed" },
  "gap.update": { nl: "gat in het aanbod gewijzigd", en: "gap in the offer changed" },
  "report.read": { nl: "rapport gelezen", en: "report read" },
  "subject.export": { nl: "gegevens van een persoon gedownload", en: "a person's data downloaded" },
  "subject.erase": { nl: "gegevens van een persoon gewist", en: "a person's data erased" },
  "audit.read": { nl: "auditlog gelezen", en: "audit log read" },
  "admin.enter": { nl: "beheer geopend", en: "administration opened" },
  "organisation.manage": { nl: "organisaties beheren", en: "manage organisations" },
  "organisation.create": { nl: "organisatie toegevoegd", en: "organisation added" },
  "organisation.update": { nl: "organisatie gewijzigd", en: "organisation changed" },
  "user.manage": { nl: "gebruikers beheren", en: "manage users" },
  "invitation.create": { nl: "uitnodiging verstuurd", en: "invitation sent" },
  "invitation.resend": { nl: "uitnodiging opnieuw verstuurd", en: "invitation sent again" },
  "invitation.withdraw": { nl: "uitnodiging ingetrokken", en: "invitation withdrawn" },
  "invitation.open": { nl: "uitnodiging geopend", en: "invitation opened" },
  "invitation.accept": { nl: "uitnodiging aangenomen", en: "invitation accepted" },
  "retention.anonymise": {
    nl: "dossier na de bewaartermijn geanonimiseerd",
    en: "dossier anonymised after retention",
  },
};

export const auditWords = defineMessages(
  {
    subject: {
      case: "dossier {id}",
      referral: "verwijzing {id}",
      listing: "aanbod {id}",
      event: "bijeenkomst {id}",
      barrier: "belemmering {id}",
      goal_area: "doelen van gebied {id}",
      gap: "gat {id}",
      gap_area: "gaten van regio {id}",
      goal: "doel {id}",
      report: "rapport {id}",
      subject: "een persoon",
      route: "pagina {id}",
      organisation: "organisatie {id}",
      user: "gebruiker {id}",
      invitation: "uitnodiging {id}",
    },
    role: {
      adviseur: "adviseur",
      aanbieder: "aanbieder",
      coordinator: "coördinator",
      beheerder: "beheerder",
    },
    actor: { anoniem: "niet ingelogd", ondernemer: "ondernemer", systeem: "systeem" },
    person: "{name} ({role}, {organisation})",
    linkHolder: "aanbieder via de link in de e-mail (verwijzing {id})",
  },
  {
    subject: {
      case: "dossier {id}",
      referral: "referral {id}",
      listing: "listing {id}",
      event: "event {id}",
      barrier: "barrier {id}",
      goal_area: "goals of area {id}",
      gap: "gap {id}",
      gap_area: "gaps of region {id}",
      goal: "goal {id}",
      report: "report {id}",
      subject: "a person",
      route: "page {id}",
      organisation: "organisation {id}",
      user: "user {id}",
      invitation: "invitation {id}",
    },
    role: {
      adviseur: "adviser",
      aanbieder: "provider",
      coordinator: "coordinator",
      beheerder: "administrator",
    },
    actor: { anoniem: "not signed in", ondernemer: "entrepreneur", systeem: "system" },
    person: "{name} ({role}, {organisation})",
    linkHolder: "provider through the link in the e-mail (referral {id})",
  },
);

/** What was done, in words; an action this list does not know yet shows its code. */
export function actionWords(action: string, lang: Lang): string {
  return ACTIONS[action as RecordedAction]?.[lang] ?? action;
}

/** What it was done to: "dossier 12", "verwijzing 3". */
export function subjectWords(type: string, id: string | null, lang: Lang): string {
  const template = (auditWords[lang].subject as Record<string, string>)[type];
  if (!template) return id ? `${type} ${id}` : type;
  return format(template, { id: id ?? "" }).trim();
}

/** Who did it: a person by name with role and organisation; otherwise the kind of actor in words. */
export function actorWords(
  row: { actorUserId: number | null; actorLabel: string },
  names: NameDirectory,
  lang: Lang,
): string {
  const t = auditWords[lang];
  const [role = "", organisationId = ""] = row.actorLabel.split("@");
  const person = row.actorUserId === null ? undefined : names.people.get(row.actorUserId);
  const roleWord = (t.role as Record<string, string>)[role];
  if (person && roleWord)
    return format(t.person, {
      name: person,
      role: roleWord,
      organisation: names.organisations.get(organisationId) ?? organisationId,
    });
  // A provider acting through a referral's single-purpose link (ADR 0086) is recorded as "link:verwijzing-<id>".
  const link = /^link:verwijzing-(\d+)$/.exec(row.actorLabel);
  if (link) return format(t.linkHolder, { id: link[1]! });
  return (t.actor as Record<string, string>)[row.actorLabel] ?? person ?? row.actorLabel;
}

/** The organisation ids named in actor labels ("adviseur@hub-es04"), to look their names up once. */
export function organisationIdsOf(labels: readonly string[]): string[] {
  return labels.flatMap((label) => (label.includes("@") ? [label.slice(label.indexOf("@") + 1)] : []));
}
