import { format, formatDate, type Lang, pick } from "../../i18n/index.js";
import { type ComposedMail, composeMail, type MailContent, type MailLine } from "../../web/mail.js";
import type { LoketContact } from "./referrals.lokets.js";
import {
  entrepreneurReasonWords,
  entrepreneurStatusWords,
  mailMessages,
} from "./referrals.mails.messages.js";
import { label } from "./referrals.messages.js";
import { isTerminal, type ReferralStatus } from "./referrals.state-machine.js";

/**
 * Every mail of the referrals module, built as structured messages for the mail composer (ADR 0085): pure functions
 * from facts to text and HTML, in the recipient's language, with words for codes, a reference and the loket's
 * contact. What goes in is only what the recipient may see; the callers read it.
 */

/** The reference a case is known by in mails and on the entrepreneur's page: year of intake and dossier number. */
export function caseReference(caseId: number, createdAt: Date): string {
  return `CL-${createdAt.getUTCFullYear()}-${String(caseId).padStart(5, "0")}`;
}

/** A referral's reference: its case's reference and the referral number. */
export const referralReference = (caseRef: string, referralId: number) => `${caseRef}-V${referralId}`;

/**
 * A referral's status in the entrepreneur's words. A referral sent as a warm handover has not reached the provider
 * yet: the adviser contacts them in person, and the words say so.
 */
export function statusInWords(
  lang: Lang,
  status: string,
  provider: string,
  delivery?: "account" | "mail" | "warme_overdracht" | null,
): string {
  const key = status === "verstuurd" && delivery === "warme_overdracht" ? "verstuurd_overdracht" : status;
  const words = (entrepreneurStatusWords[lang] as Record<string, string>)[key];
  return words ? format(words, { provider }) : label(lang, status);
}

/**
 * The one name to say when a referral's instrument is named like its provider: the same name (case and outer spaces
 * aside), or one containing the other (an instrument "Polymer Science Park Testlab" of "Polymer Science Park"). The
 * longer name is kept, since it says the most. Null when they are two different names, each to be said.
 */
export function oneNameFor(instrument: string, provider: string): string | null {
  const title = instrument.trim();
  const name = provider.trim();
  const titleKey = title.toLocaleLowerCase("nl");
  const nameKey = name.toLocaleLowerCase("nl");
  if (!titleKey && !nameKey) return null;
  if (titleKey.includes(nameKey)) return title;
  if (nameKey.includes(titleKey)) return name;
  return null;
}

/** "MIA\Vamil van RVO": an instrument and its provider, or the name once when the instrument is named like it. */
export function instrumentOfProvider(lang: Lang, instrument: string, provider: string): string {
  return (
    oneNameFor(instrument, provider) ??
    format(mailMessages[lang].instrumentOfProvider, { instrument, provider })
  );
}

/** A decline or withdrawal reason in the entrepreneur's words (an outcome reason that is a status gives none). */
export function reasonInWords(lang: Lang, reason: string | null | undefined): string | null {
  if (!reason) return null;
  return (entrepreneurReasonWords[lang] as Record<string, string>)[reason] ?? null;
}

/** The loket's public contact as the mail's footer, only what is known. */
export function contactFooter(lang: Lang, loket: LoketContact | null): MailContent["contact"] {
  if (!loket) return undefined;
  const t = mailMessages[lang];
  const lines: MailLine[] = [];
  if (loket.website) lines.push({ label: t.contactWebsite, value: loket.website });
  if (loket.email) lines.push({ label: t.contactEmail, value: loket.email });
  if (loket.phone) lines.push({ label: t.contactPhone, value: loket.phone });
  if (loket.address) lines.push({ label: t.contactAddress, value: loket.address });
  if (loket.openingHours) lines.push({ label: t.contactHours, value: pick(loket.openingHours, lang) });
  return { heading: t.contactHeading, name: loket.name, lines };
}

/** What every mail to the entrepreneur knows about their case. */
export type EntrepreneurCase = {
  lang: Lang;
  contactName: string;
  reference: string;
  /** The absolute link to their own page (/mijn-aanvraag/{token}). */
  pageUrl: string;
  /** Who handles the case: the hub's name or the national queue's. */
  handler: string;
  loket: LoketContact | null;
};

/** A referral as the entrepreneur hears of it. */
export type EntrepreneurReferral = {
  instrument: string;
  provider: string;
  status: ReferralStatus;
  reason: string | null;
  dueAt: Date | null;
  /** How it reached the provider; a warm handover means the adviser makes the contact. */
  delivery: "account" | "mail" | "warme_overdracht" | null;
};

function toEntrepreneur(
  facts: EntrepreneurCase,
  subject: string,
  paragraphs: string[],
  extra: Partial<MailContent> = {},
): ComposedMail {
  const t = mailMessages[facts.lang];
  return composeMail({
    lang: facts.lang,
    subject,
    greeting: format(t.greeting, { name: facts.contactName }),
    paragraphs,
    action: { label: t.pageAction, url: facts.pageUrl },
    reference: { label: t.reference, value: facts.reference },
    contact: contactFooter(facts.lang, facts.loket),
    closing: t.closing,
    signature: facts.handler,
    ...extra,
  });
}

/** The mails to the entrepreneur, one per step of their case. */
export const entrepreneurMails = {
  intakeReceived(facts: EntrepreneurCase, national: boolean, days: number, dueAt: Date) {
    const t = mailMessages[facts.lang];
    const date = formatDate(dueAt, facts.lang);
    return toEntrepreneur(facts, t.intakeSubject, [
      national
        ? format(t.intakeNational, { name: facts.handler, days, date })
        : format(t.intakeHub, { hub: facts.handler, days, date }),
      national ? t.intakeNationalNext : t.intakeHubNext,
      t.pageExplain,
    ]);
  },

  pickedUp(facts: EntrepreneurCase, adviserFirstName: string) {
    const t = mailMessages[facts.lang];
    return toEntrepreneur(facts, t.pickedUpSubject, [
      format(t.pickedUp, { adviser: adviserFirstName, loket: facts.handler }),
    ]);
  },

  referralSent(facts: EntrepreneurCase, referral: EntrepreneurReferral) {
    const t = mailMessages[facts.lang];
    const values = { instrument: referral.instrument, provider: referral.provider };
    const when =
      referral.delivery === "warme_overdracht"
        ? format(t.referralSentHandover, values)
        : format(t.referralSentWhen, {
            ...values,
            date: referral.dueAt ? formatDate(referral.dueAt, facts.lang) : "–",
          });
    const referredTo = instrumentOfProvider(facts.lang, referral.instrument, referral.provider);
    return toEntrepreneur(
      facts,
      format(t.referralSentSubject, values),
      [format(t.referralSent, { ...values, instrumentOfProvider: referredTo }), when],
      { facts: referralFacts(facts.lang, referral) },
    );
  },

  referralChanged(facts: EntrepreneurCase, referral: EntrepreneurReferral) {
    const t = mailMessages[facts.lang];
    const values = { instrument: referral.instrument, provider: referral.provider };
    const reason = reasonInWords(facts.lang, referral.reason);
    const closedWithoutHelp = isTerminal(referral.status) && referral.status !== "afgerond_geholpen";
    return toEntrepreneur(
      facts,
      format(referral.status === "verlopen" ? t.expiredSubject : t.statusSubject, values),
      [
        statusInWords(facts.lang, referral.status, referral.provider, referral.delivery),
        ...(reason ? [format(t.referralStatusReason, { reason })] : []),
        closedWithoutHelp ? t.closedNext : isTerminal(referral.status) ? "" : t.statusNext,
      ].filter(Boolean),
      { facts: referralFacts(facts.lang, referral) },
    );
  },

  linkResent(facts: EntrepreneurCase, createdAt: Date) {
    const t = mailMessages[facts.lang];
    return toEntrepreneur(facts, t.linkSubject, [
      format(t.linkIntro, { date: formatDate(createdAt, facts.lang), loket: facts.handler }),
      t.linkNotYou,
    ]);
  },
};

function referralFacts(lang: Lang, referral: EntrepreneurReferral): MailLine[] {
  const t = mailMessages[lang];
  const reason = reasonInWords(lang, referral.reason);
  return [
    { label: t.factInstrument, value: referral.instrument },
    { label: t.factProvider, value: referral.provider },
    ...(reason ? [{ label: t.factReason, value: reason }] : []),
    ...(referral.dueAt && !isTerminal(referral.status)
      ? [{ label: t.factAnswerBy, value: formatDate(referral.dueAt, lang) }]
      : []),
  ];
}

/** What every mail to an adviser, coordinator or provider account carries: the link and the reference. */
type StaffMail = { reference: string; url: string; signature: string };

function toStaff(
  lang: Lang,
  subject: string,
  paragraphs: string[],
  mail: StaffMail,
  action: string,
  facts?: MailLine[],
): ComposedMail {
  const t = mailMessages[lang];
  return composeMail({
    lang,
    subject,
    greeting: t.greetingStaff,
    paragraphs,
    facts,
    action: { label: action, url: mail.url },
    reference: { label: t.reference, value: mail.reference },
    closing: t.closing,
    signature: mail.signature,
  });
}

/**
 * The mails to advisers, national coordinators and provider accounts, each in the language of the account that gets
 * it (users.language, from the invitation; see referrals.recipients.ts).
 */
export const staffMails = {
  newIntake(lang: Lang, mail: StaffMail & { queue: string; national: boolean; days: number; dueAt: Date }) {
    const t = mailMessages[lang];
    return toStaff(
      lang,
      mail.national ? t.newIntakeNationalSubject : t.newIntakeSubject,
      [format(t.newIntake, { queue: mail.queue, days: mail.days, date: formatDate(mail.dueAt, lang) })],
      mail,
      t.openDossier,
    );
  },

  referralToProvider(lang: Lang, mail: StaffMail & { hub: string; instrument: string; dueAt: Date }) {
    const t = mailMessages[lang];
    const values = { hub: mail.hub, instrument: mail.instrument, date: formatDate(mail.dueAt, lang) };
    return toStaff(
      lang,
      format(t.referralToProviderSubject, values),
      [format(t.referralToProvider, values)],
      mail,
      t.openReferral,
    );
  },

  referralStatus(
    lang: Lang,
    mail: StaffMail & { instrument: string; status: string; reason: string | null },
  ) {
    const t = mailMessages[lang];
    const status = label(lang, mail.status);
    return toStaff(
      lang,
      format(t.referralStatusSubject, { reference: mail.reference, status }),
      [
        format(t.referralStatus, { instrument: mail.instrument, status }),
        ...(mail.reason ? [format(t.referralStatusReason, { reason: label(lang, mail.reason) })] : []),
      ],
      mail,
      t.openReferral,
    );
  },

  referralExpired(lang: Lang, mail: StaffMail & { instrument: string; provider: string }) {
    const t = mailMessages[lang];
    return toStaff(
      lang,
      format(t.referralStatusSubject, { reference: mail.reference, status: label(lang, "verlopen") }),
      [format(t.expiredStaff, { instrument: mail.instrument, provider: mail.provider })],
      mail,
      t.openReferral,
    );
  },

  fromEntrepreneur(lang: Lang, kind: "message" | "info" | "withdrawn", mail: StaffMail) {
    const t = mailMessages[lang];
    const subject = {
      message: t.messageSubject,
      info: t.infoSubject,
      withdrawn: t.withdrawnStaffSubject,
    }[kind];
    const body = { message: t.message, info: t.info, withdrawn: t.withdrawnStaff }[kind];
    return toStaff(lang, format(subject, { reference: mail.reference }), [body], mail, t.openDossier);
  },
};
