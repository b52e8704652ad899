import { format, formatDate, plural } from "../../../i18n/index.js";
import {
  Button,
  CsrfField,
  describedBy,
  ErrorSummary,
  FormField,
  Heading,
  Link,
  Paragraph,
  problemFor,
  Select,
  StatusNotice,
  StatusTag,
  Textarea,
  TextInput,
} from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import { LISTING_STATUSES } from "../referrals.instruments.js";
import { linkMessages } from "../referrals.link.messages.js";
import { label, listingStatusLabel, referralsMessages } from "../referrals.messages.js";

export type ReferralModel = {
  id: number;
  version: number;
  caseId: number;
  instrumentName: string;
  companyName: string;
  kvkNumber: string;
  /** The region's name, not its code. */
  regionName: string;
  contactName: string;
  contactEmail: string;
  message: string;
  status: string;
  outcome: string | null;
  outcomeReason: string | null;
  dueAt: Date | null;
  events: {
    fromStatus: string | null;
    toStatus: string;
    reasonCode: string | null;
    note: string;
    occurredAt: Date;
    actor: string | null;
    /** A question from the provider (the status stays), and whether it came through the provider's link. */
    question?: boolean;
    viaLink?: boolean;
    /** Recorded by the adviser for the provider after a warm handover. */
    forProvider?: boolean;
  }[];
  moves: { to: string; reasons: string[] }[];
  showDossierLink: boolean;
  /** How the referral reached the provider (ADR 0086); null for referrals from before delivery routes. */
  delivery?: "account" | "mail" | "warme_overdracht" | null;
  /** For the adviser of a warm handover: the provider's public contact details. */
  providerContact?: {
    name: string;
    website: string | null;
    email: string | null;
    phone: string | null;
    address: string | null;
    openingHours: string | null;
  } | null;
  /** The adviser's follow-up tasks on this referral. */
  tasks?: TaskModel[];
  form: Record<string, string>;
  problems: FieldProblem[];
  conflict: boolean;
};

export type TaskModel = {
  id: number;
  kind: string;
  dueAt: Date;
  doneAt: Date | null;
  resolution: string | null;
  overdue: boolean;
  /** The choices that complete it; with reasons when the provider declined. */
  resolutions: string[];
  reasons: string[];
};

/** How the referral reached the provider, the warm handover's contact details, and the adviser's tasks. */
const DeliveryAndTasks = ({ page, model }: { page: PageContext; model: ReferralModel }) => {
  const t = linkMessages[page.lang];
  const lang = page.lang;
  const contact = model.providerContact;
  return (
    <>
      {model.delivery ? (
        <section aria-labelledby="bezorging" class="cl-section">
          <Heading level={2} id="bezorging">
            {t.deliveryHeading}
          </Heading>
          <Paragraph>{t[`delivery_${model.delivery}`]}</Paragraph>
          {model.delivery === "warme_overdracht" && contact !== undefined ? (
            contact && (contact.website || contact.email || contact.phone || contact.address) ? (
              <>
                <Heading level={3}>{format(t.providerContactHeading, { provider: contact.name })}</Heading>
                <dl class="cl-facts">
                  {contact.website ? (
                    <>
                      <dt>{t.website}</dt>
                      <dd>
                        <Link href={contact.website}>{contact.website}</Link>
                      </dd>
                    </>
                  ) : null}
                  {contact.email ? (
                    <>
                      <dt>{t.email}</dt>
                      <dd>
                        <Link href={`mailto:${contact.email}`}>{contact.email}</Link>
                      </dd>
                    </>
                  ) : null}
                  {contact.phone ? (
                    <>
                      <dt>{t.phone}</dt>
                      <dd>{contact.phone}</dd>
                    </>
                  ) : null}
                  {contact.address ? (
                    <>
                      <dt>{t.address}</dt>
                      <dd>{contact.address}</dd>
                    </>
                  ) : null}
                  {contact.openingHours ? (
                    <>
                      <dt>{t.openingHours}</dt>
                      <dd>{contact.openingHours}</dd>
                    </>
                  ) : null}
                </dl>
              </>
            ) : (
              <Paragraph>{t.providerNoContact}</Paragraph>
            )
          ) : null}
        </section>
      ) : null}
      {model.tasks?.length ? (
        <section aria-labelledby="taken" class="cl-section">
          <Heading level={2} id="taken">
            {t.tasksHeading}
          </Heading>
          {model.tasks.map((task) => {
            const id = (field: string) => `${field}-${task.id}`;
            const resolutionError = problemFor(model.problems, id("resolution"));
            const reasonError = problemFor(model.problems, id("reason"));
            const title = (t as Record<string, string>)[`task_${task.kind}`] ?? task.kind;
            return (
              <div class="cl-card cl-section">
                <Heading level={3}>{title}</Heading>
                {task.doneAt ? (
                  <Paragraph>
                    {format(t.taskDone, {
                      date: formatDate(task.doneAt, lang),
                      resolution: (t as Record<string, string>)[`res_${task.resolution}`] ?? "",
                    })}
                  </Paragraph>
                ) : (
                  <>
                    <Paragraph>
                      {format(t.taskDue, { date: formatDate(task.dueAt, lang) })}
                      {task.overdue ? (
                        <>
                          {" "}
                          <StatusTag>{t.taskOverdue}</StatusTag>
                        </>
                      ) : null}
                    </Paragraph>
                    <form
                      method="post"
                      action={`/werkruimte/taken/${task.id}`}
                      class="cl-form-stack"
                      novalidate
                    >
                      <CsrfField token={page.csrfToken} />
                      <input type="hidden" name="version" value={String(model.version)} />
                      <FormField id={id("resolution")} label={t.taskResolutionLabel} error={resolutionError}>
                        <Select
                          id={id("resolution")}
                          name="resolution"
                          value={model.form[id("resolution")]}
                          invalid={Boolean(resolutionError)}
                          describedBy={describedBy(id("resolution"), false, Boolean(resolutionError))}
                          options={[
                            { value: "", label: t.chooseOption },
                            ...task.resolutions.map((resolution) => ({
                              value: resolution,
                              label: (t as Record<string, string>)[`res_${resolution}`] ?? resolution,
                            })),
                          ]}
                        />
                      </FormField>
                      {task.reasons.length ? (
                        <FormField id={id("reason")} label={t.reasonLabel} error={reasonError}>
                          <Select
                            id={id("reason")}
                            name="reason"
                            value={model.form[id("reason")]}
                            invalid={Boolean(reasonError)}
                            describedBy={describedBy(id("reason"), false, Boolean(reasonError))}
                            options={[
                              { value: "", label: t.reasonNone },
                              ...task.reasons.map((reason) => ({
                                value: reason,
                                label: label(lang, reason),
                              })),
                            ]}
                          />
                        </FormField>
                      ) : null}
                      <FormField id={id("note")} label={t.taskNoteLabel}>
                        <Textarea id={id("note")} name="note" value={model.form[id("note")]} rows={2} />
                      </FormField>
                      <Button>{t.taskButton}</Button>
                    </form>
                  </>
                )}
              </div>
            );
          })}
        </section>
      ) : null}
    </>
  );
};

/** /werkruimte/verwijzingen/{id}: one referral, seen by the advisor and by the provider. */
export const ReferralPage = ({ page, model }: { page: PageContext; model: ReferralModel }) => {
  const t = referralsMessages[page.lang];
  const lang = page.lang;
  const reasons = [...new Set(model.moves.flatMap((move) => move.reasons))];
  const title = format(t.referralTitle, { instrument: model.instrumentName });
  return (
    <Layout page={page} title={title} current="workspace">
      <Paragraph>
        <Link href="/werkruimte">{t.workspaceTitle}</Link>
      </Paragraph>
      <ErrorSummary title={t.errorTitle} problems={model.problems} />
      {model.conflict ? (
        <div class="cl-conflict" role="alert">
          <Heading level={2}>{t.conflictTitle}</Heading>
          <Paragraph>{t.conflictBody}</Paragraph>
        </div>
      ) : null}
      <Heading level={1}>{title}</Heading>
      <Paragraph lead>
        {format(t.referralFor, {
          company: model.companyName,
          kvk: model.kvkNumber,
          region: model.regionName,
        })}
      </Paragraph>
      <Paragraph>
        {format(t.contactForProvider, { name: model.contactName, email: model.contactEmail })}
      </Paragraph>
      {model.showDossierLink ? (
        <Paragraph>
          <Link href={`/werkruimte/dossiers/${model.caseId}`}>{t.openDossier}</Link>
        </Paragraph>
      ) : null}
      <dl class="cl-facts">
        <dt>{t.statusNow}</dt>
        <dd>
          <StatusTag>{label(lang, model.status)}</StatusTag>
        </dd>
        <dt>{t.outcome}</dt>
        <dd>
          {model.outcome
            ? `${label(lang, model.outcome)}${model.outcomeReason && model.outcomeReason !== model.status ? ` (${label(lang, model.outcomeReason)})` : ""}`
            : "–"}
        </dd>
        <dt>{t.deadline}</dt>
        <dd>{model.dueAt ? formatDate(model.dueAt, lang) : "–"}</dd>
        <dt>{t.referralMessage}</dt>
        <dd>{model.message}</dd>
      </dl>
      <DeliveryAndTasks page={page} model={model} />
      <section aria-labelledby="status-wijzigen" class="cl-section">
        <Heading level={2} id="status-wijzigen">
          {t.changeStatus}
        </Heading>
        {model.moves.length === 0 ? (
          <Paragraph>{t.noMoves}</Paragraph>
        ) : (
          <form
            method="post"
            action={`/werkruimte/verwijzingen/${model.id}/status`}
            class="cl-form-stack"
            novalidate
          >
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="version" value={String(model.version)} />
            <FormField id="to" label={t.newStatus} error={problemFor(model.problems, "to")}>
              {/* Starts on "Kies…": a status nobody chose is never sent by accident (issue 17 item 6). */}
              <Select
                id="to"
                name="to"
                value={model.form.to ?? ""}
                invalid={Boolean(problemFor(model.problems, "to"))}
                describedBy={problemFor(model.problems, "to") ? "to-error" : undefined}
                options={[
                  { value: "", label: t.chooseStatus },
                  ...model.moves.map((move) => ({ value: move.to, label: label(lang, move.to) })),
                ]}
              />
            </FormField>
            {reasons.length ? (
              <FormField id="reason" label={t.reason} error={problemFor(model.problems, "reason")}>
                <Select
                  id="reason"
                  name="reason"
                  value={model.form.reason}
                  options={[
                    { value: "", label: t.reasonNone },
                    ...reasons.map((reason) => ({ value: reason, label: label(lang, reason) })),
                  ]}
                />
              </FormField>
            ) : null}
            <FormField id="note" label={t.note} error={problemFor(model.problems, "note")}>
              <Textarea id="note" name="note" value={model.form.note} rows={3} />
            </FormField>
            <Button>{t.changeButton}</Button>
          </form>
        )}
      </section>
      <section aria-labelledby="geschiedenis" class="cl-section">
        <Heading level={2} id="geschiedenis">
          {t.historyHeading}
        </Heading>
        <ol class="utrecht-ordered-list">
          {model.events.map((event) => (
            <li class="utrecht-ordered-list__item">
              {formatDate(event.occurredAt, lang)} ·{" "}
              {event.viaLink
                ? linkMessages[lang].viaLink
                : event.forProvider
                  ? format(linkMessages[lang].forProvider, { name: event.actor ?? "–" })
                  : (event.actor ?? "–")}
              : {event.question ? linkMessages[lang].historyQuestion : label(lang, event.toStatus)}
              {event.reasonCode ? ` (${label(lang, event.reasonCode)})` : ""}
              {event.note ? ` — ${event.note}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
};

export type ListingModel = {
  refId: string;
  /** The instrument's public page is /aanbod/{slug}. */
  slug: string;
  name: string;
  version: number;
  status: string;
  opensOn: string;
  closesOn: string;
  terms: string;
  changedAt: Date | null;
  /** Last checked more than twelve months ago: shown with a one-click "nog actueel". */
  stale: boolean;
  lastVerified: string;
  problems: FieldProblem[];
  conflict: boolean;
};

/** /werkruimte/aanbod: the provider keeps its listings current; each save is a new version. */
export const ListingsPage = ({
  page,
  model,
}: {
  page: PageContext;
  model: { listings: ListingModel[]; problems: FieldProblem[]; notice?: string };
}) => {
  const t = referralsMessages[page.lang];
  const [publicBefore, publicAfter] = t.listingPublicNote.split("{link}");
  return (
    <Layout page={page} title={t.listingsTitle} current="workspace">
      <Paragraph>
        <Link href="/werkruimte">{t.workspaceTitle}</Link>
      </Paragraph>
      <ErrorSummary title={t.errorTitle} problems={model.problems} />
      <StatusNotice text={model.notice} />
      <Heading level={1}>{t.listingsTitle}</Heading>
      <Paragraph>{t.listingsIntro}</Paragraph>
      {model.listings.some((listing) => listing.stale) ? (
        <Paragraph>
          {plural(page.lang, model.listings.filter((listing) => listing.stale).length, t.staleCount)}
        </Paragraph>
      ) : null}
      {model.listings.map((listing) => {
        const id = (field: string) => `${listing.refId}-${field}`;
        return (
          <section class="cl-card cl-section" aria-labelledby={id("titel")}>
            <Heading level={2} id={id("titel")}>
              {listing.name}
            </Heading>
            {listing.conflict ? (
              <div class="cl-conflict" role="alert">
                <Paragraph>{t.conflictBody}</Paragraph>
              </div>
            ) : null}
            <Paragraph small>
              {publicBefore}
              <Link href={`/aanbod/${listing.slug}`}>/aanbod/{listing.slug}</Link>
              {publicAfter}
            </Paragraph>
            {/* One sentence on how current the listing is: stale (with "nog actueel"), the last version, or the check. */}
            {listing.stale ? null : (
              <Paragraph small>
                {listing.changedAt
                  ? format(t.versionLine, {
                      version: listing.version,
                      date: formatDate(listing.changedAt, page.lang),
                    })
                  : format(t.noVersion, { date: formatDate(listing.lastVerified, page.lang) })}
              </Paragraph>
            )}
            {listing.stale ? (
              <form method="post" action={`/werkruimte/aanbod/${listing.refId}/actueel`} class="cl-stale">
                <CsrfField token={page.csrfToken} />
                <Paragraph>
                  {format(t.staleListing, { date: formatDate(listing.lastVerified, page.lang) })}
                </Paragraph>
                <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                  {t.confirmCurrent}
                  <span class="cl-visually-hidden">: {listing.name}</span>
                </button>
              </form>
            ) : null}
            <form
              method="post"
              action={`/werkruimte/aanbod/${listing.refId}`}
              class="cl-form-stack"
              novalidate
            >
              <CsrfField token={page.csrfToken} />
              <input type="hidden" name="version" value={String(listing.version)} />
              <FormField
                id={id("status")}
                label={t.listingStatus}
                error={problemFor(listing.problems, id("status"))}
              >
                <Select
                  id={id("status")}
                  name="status"
                  value={listing.status}
                  invalid={Boolean(problemFor(listing.problems, id("status")))}
                  describedBy={describedBy(
                    id("status"),
                    false,
                    Boolean(problemFor(listing.problems, id("status"))),
                  )}
                  options={LISTING_STATUSES.map((value) => ({ value, label: listingStatusLabel(t, value) }))}
                />
              </FormField>
              <FormField
                id={id("opensOn")}
                label={t.opensOn}
                error={problemFor(listing.problems, id("opensOn"))}
              >
                <TextInput
                  type="date"
                  id={id("opensOn")}
                  name="opensOn"
                  value={listing.opensOn}
                  invalid={Boolean(problemFor(listing.problems, id("opensOn")))}
                  describedBy={describedBy(
                    id("opensOn"),
                    false,
                    Boolean(problemFor(listing.problems, id("opensOn"))),
                  )}
                />
              </FormField>
              <FormField
                id={id("closesOn")}
                label={t.closesOn}
                error={problemFor(listing.problems, id("closesOn"))}
              >
                <TextInput
                  type="date"
                  id={id("closesOn")}
                  name="closesOn"
                  value={listing.closesOn}
                  invalid={Boolean(problemFor(listing.problems, id("closesOn")))}
                  describedBy={describedBy(
                    id("closesOn"),
                    false,
                    Boolean(problemFor(listing.problems, id("closesOn"))),
                  )}
                />
              </FormField>
              <FormField
                id={id("terms")}
                label={t.terms}
                hint={t.termsHint}
                error={problemFor(listing.problems, id("terms"))}
              >
                <Textarea
                  id={id("terms")}
                  name="terms"
                  value={listing.terms}
                  rows={5}
                  invalid={Boolean(problemFor(listing.problems, id("terms")))}
                  describedBy={describedBy(
                    id("terms"),
                    true,
                    Boolean(problemFor(listing.problems, id("terms"))),
                  )}
                />
              </FormField>
              <Button>{t.save}</Button>
            </form>
          </section>
        );
      })}
    </Layout>
  );
};
