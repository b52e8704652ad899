import { format, formatDate, formatNumber } from "../../../i18n/index.js";
import { Cell, Heading, Link, Paragraph, Row, StatusTag, Table } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import { linkMessages } from "../referrals.link.messages.js";
import { mailMessages } from "../referrals.mails.messages.js";
import { label, referralsMessages } from "../referrals.messages.js";

export type QueueRow = {
  id: number;
  companyName: string;
  /** The region's name, not its code. */
  regionName: string;
  status: string;
  dueAt: Date;
  assigned: string | null;
  overdue: boolean;
};
/** An open follow-up task on a referral (ADR 0086). */
export type TaskQueueRow = {
  id: number;
  referralId: number;
  kind: string;
  companyName: string;
  instrumentName: string;
  dueAt: Date;
  overdue: boolean;
};
export type InboxRow = {
  id: number;
  instrumentName: string;
  companyName: string;
  regionName: string;
  status: string;
  createdAt: Date;
  dueAt: Date | null;
};
export type FigureRow = {
  region_name: string;
  cases: number;
  open_cases: number;
  referrals: number;
  helped: number;
  not_helped: number;
  open_referrals: number;
  co2e_kg: number | null;
};

export type WorkspaceModel = {
  name: string;
  organisation: string;
  /** `national`: the national queue of a national coordinator (ADR 0081). */
  queue?: {
    filter: string;
    national?: boolean;
    rows: QueueRow[];
    /** The "Taken" filter: open follow-up tasks on referrals (ADR 0086). */
    tasks?: TaskQueueRow[];
    /** How many tasks are open, shown on the "Taken" tab. */
    openTasks?: number;
  };
  inbox?: InboxRow[];
  figures?: FigureRow[];
  admin?: boolean;
  listings?: boolean;
  /** The link to the own events on the agenda: providers, and hubs for their own loket. */
  events?: boolean;
};

const FILTERS = ["nieuw", "mijn", "wachten", "verlopen", "taken"] as const;

/** /werkruimte: the queue for advisors, incoming referrals for providers, figures for coordinators. */
export const WorkspacePage = ({ page, model }: { page: PageContext; model: WorkspaceModel }) => {
  const t = referralsMessages[page.lang];
  const filterLabel = {
    nieuw: t.filterNieuw,
    mijn: t.filterMijn,
    wachten: t.filterWachten,
    verlopen: t.filterVerlopen,
    taken: linkMessages[page.lang].filterTaken,
  };
  const lt = linkMessages[page.lang];
  return (
    <Layout page={page} title={t.workspaceTitle} current="workspace">
      <Heading level={1}>{t.workspaceTitle}</Heading>
      <Paragraph>{format(t.signedInAs, { name: model.name, organisation: model.organisation })}</Paragraph>
      {model.queue ? (
        <section aria-labelledby="wachtrij" class="cl-section">
          <Heading level={2} id="wachtrij">
            {model.queue.national ? t.nationalQueueHeading : t.queueHeading}
          </Heading>
          {model.queue.national ? <Paragraph>{t.nationalQueueIntro}</Paragraph> : null}
          <nav aria-label={model.queue.national ? t.nationalQueueHeading : t.queueHeading}>
            <ul class="cl-tabs">
              {FILTERS.map((filter) => (
                <li>
                  <Link href={`/werkruimte?filter=${filter}`} current={model.queue?.filter === filter}>
                    {filterLabel[filter]}
                    {filter === "taken" && model.queue?.openTasks ? ` (${model.queue.openTasks})` : ""}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {model.queue.tasks ? (
            model.queue.tasks.length === 0 ? (
              <Paragraph>{lt.tasksEmpty}</Paragraph>
            ) : (
              <Table
                caption={lt.tasksCaption}
                headers={[lt.colTask, lt.colCompany, lt.colReferral, lt.colDue]}
              >
                {model.queue.tasks.map((task) => (
                  <Row>
                    <Cell>
                      <Link href={`/werkruimte/verwijzingen/${task.referralId}#taken`}>
                        {(lt as Record<string, string>)[`task_${task.kind}`] ?? task.kind}
                      </Link>
                    </Cell>
                    <Cell>{task.companyName}</Cell>
                    <Cell>{task.instrumentName}</Cell>
                    <Cell>
                      {formatDate(task.dueAt, page.lang)}
                      {task.overdue ? (
                        <>
                          {" "}
                          <StatusTag>{lt.taskOverdue}</StatusTag>
                        </>
                      ) : null}
                    </Cell>
                  </Row>
                ))}
              </Table>
            )
          ) : model.queue.rows.length === 0 ? (
            <Paragraph>{t.emptyQueue}</Paragraph>
          ) : (
            <Table
              caption={filterLabel[model.queue.filter as keyof typeof filterLabel]}
              headers={[t.colCompany, t.colRegion, t.colStatus, t.colDue, t.colAssigned]}
            >
              {model.queue.rows.map((row) => (
                <Row>
                  <Cell>
                    <Link href={`/werkruimte/dossiers/${row.id}`}>{row.companyName}</Link>
                  </Cell>
                  <Cell>{row.regionName}</Cell>
                  <Cell>
                    <StatusTag>{label(page.lang, row.status)}</StatusTag>
                  </Cell>
                  <Cell>
                    {formatDate(row.dueAt, page.lang)}
                    {row.overdue ? ` (${t.overdue})` : ""}
                  </Cell>
                  <Cell>{row.assigned ?? "–"}</Cell>
                </Row>
              ))}
            </Table>
          )}
        </section>
      ) : null}
      {model.inbox ? (
        <section aria-labelledby="inbox" class="cl-section">
          <Heading level={2} id="inbox">
            {t.inboxHeading}
          </Heading>
          {model.inbox.length === 0 ? (
            <Paragraph>{t.emptyInbox}</Paragraph>
          ) : (
            <Table
              caption={t.inboxHeading}
              captionRepeatsHeading
              headers={[t.colInstrument, t.colCompany, t.colRegion, t.colStatus, t.colReceived, t.colDue]}
            >
              {model.inbox.map((row) => (
                <Row>
                  <Cell>
                    <Link href={`/werkruimte/verwijzingen/${row.id}`}>{row.instrumentName}</Link>
                  </Cell>
                  <Cell>{row.companyName}</Cell>
                  <Cell>{row.regionName}</Cell>
                  <Cell>
                    <StatusTag>{label(page.lang, row.status)}</StatusTag>
                  </Cell>
                  <Cell>{formatDate(row.createdAt, page.lang)}</Cell>
                  <Cell>{row.dueAt ? formatDate(row.dueAt, page.lang) : "–"}</Cell>
                </Row>
              ))}
            </Table>
          )}
        </section>
      ) : null}
      {model.figures ? (
        <section aria-labelledby="cijfers" class="cl-section">
          <Heading level={2} id="cijfers">
            {t.figuresHeading}
          </Heading>
          <Paragraph>{t.figuresIntro}</Paragraph>
          {model.figures.length === 0 ? (
            <Paragraph>{t.figuresEmpty}</Paragraph>
          ) : (
            <Table
              caption={t.figuresHeading}
              captionRepeatsHeading
              headers={[
                t.colRegion,
                t.colCases,
                t.colOpenCases,
                t.colReferrals,
                t.colHelped,
                t.colNotHelped,
                t.colOpenReferrals,
                t.colCo2,
              ]}
            >
              {model.figures.map((row) => (
                <Row>
                  <Cell>{row.region_name}</Cell>
                  <Cell>{row.cases}</Cell>
                  <Cell>{row.open_cases}</Cell>
                  <Cell>{row.referrals}</Cell>
                  <Cell>{row.helped}</Cell>
                  <Cell>{row.not_helped}</Cell>
                  <Cell>{row.open_referrals}</Cell>
                  <Cell>{row.co2e_kg === null ? "–" : formatNumber(row.co2e_kg, page.lang)}</Cell>
                </Row>
              ))}
            </Table>
          )}
        </section>
      ) : null}
      <section aria-labelledby="meer" class="cl-section">
        <Heading level={2} id="meer">
          {model.admin ? t.adminLinks : t.moreHeading}
        </Heading>
        <ul class="utrecht-link-list utrecht-link-list--html-ul">
          {model.listings ? (
            <li class="utrecht-link-list__item">
              <Link href="/werkruimte/aanbod">{t.listingsLink}</Link>
            </li>
          ) : null}
          {model.events ? (
            <li class="utrecht-link-list__item">
              <Link href="/werkruimte/agenda">{t.providerEventsLink}</Link>
            </li>
          ) : null}
          {model.admin ? (
            <li class="utrecht-link-list__item">
              <Link href="/beheer">{t.adminIndex}</Link>
            </li>
          ) : null}
          {model.admin ? (
            <li class="utrecht-link-list__item">
              <Link href="/beheer/betrokkenen">{t.adminSubjects}</Link>
            </li>
          ) : null}
          {model.admin ? (
            <li class="utrecht-link-list__item">
              <Link href="/beheer/audit">{t.adminAudit}</Link>
            </li>
          ) : null}
          {model.admin ? null : (
            <li class="utrecht-link-list__item">
              <Link href="/werkruimte/gaten">{t.gapsLink}</Link>
            </li>
          )}
          {model.admin ? null : (
            <li class="utrecht-link-list__item">
              <Link href="/werkruimte/belemmeringen">{t.barrierForwardingsLink}</Link>
            </li>
          )}
          <li class="utrecht-link-list__item">
            <Link href="/werkruimte/outbox">{t.outboxLink}</Link>
          </li>
        </ul>
      </section>
    </Layout>
  );
};

export type OutboxRow = {
  id: number;
  to: string;
  subject: string;
  body: string;
  /** Whether the message has an HTML part (every new one does). */
  hasHtml: boolean;
  createdAt: Date;
  sentAt: Date | null;
  transport: string | null;
};

/** /werkruimte/outbox: stored e-mails (in demo mode nothing leaves the machine). */
export const OutboxPage = ({ page, model }: { page: PageContext; model: { rows: OutboxRow[] } }) => {
  const t = referralsMessages[page.lang];
  return (
    <Layout page={page} title={t.outboxTitle} current="workspace">
      <Paragraph>
        <Link href="/werkruimte">{t.workspaceTitle}</Link>
      </Paragraph>
      <Heading level={1}>{t.outboxTitle}</Heading>
      <Paragraph>{t.outboxIntro}</Paragraph>
      {model.rows.length === 0 ? <Paragraph>{t.outboxEmpty}</Paragraph> : null}
      {model.rows.map((row) => (
        <article class="cl-card cl-section" aria-labelledby={`mail-${row.id}`}>
          <Heading level={2} id={`mail-${row.id}`}>
            {row.subject}
          </Heading>
          <Paragraph small>
            {t.to}: {row.to} · {formatDate(row.createdAt, page.lang)} ·{" "}
            {row.sentAt ? format(t.sentVia, { transport: row.transport ?? "" }) : t.notSent}
          </Paragraph>
          <Heading level={3}>{mailMessages[page.lang].outboxText}</Heading>
          <p class="utrecht-paragraph cl-outbox-body">{row.body}</p>
          {row.hasHtml ? (
            <Paragraph>
              <Link href={`/werkruimte/outbox/${row.id}/html`}>{mailMessages[page.lang].outboxHtml}</Link>
            </Paragraph>
          ) : null}
        </article>
      ))}
    </Layout>
  );
};
