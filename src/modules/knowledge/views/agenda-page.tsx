import { plural } from "../../../i18n/index.js";
import { ErrorSummary, Heading, Link, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import { knowledgeMessages } from "../knowledge.messages.js";
import type { EventItemModel } from "../knowledge.presenters.js";
import { FilterForm, SelectField, type SelectGroup, type SelectOption } from "./filter-fields.js";

export type AgendaPageModel = {
  archive: boolean;
  query: { q?: string; regio?: string; maand?: string };
  areaGroups: SelectGroup[];
  monthOptions: SelectOption[];
  events: EventItemModel[];
  total: number;
  problems: FieldProblem[];
  /** The iCal feed with the same filters. */
  icalHref: string;
  /** Upcoming ↔ archive, keeping the filters. */
  switchHref: string;
};

/** /agenda (and ?archief=1): events with region and month filters, example events clearly marked, an iCal link. */
export const AgendaPage = ({ page, model }: { page: PageContext; model: AgendaPageModel }) => {
  const t = knowledgeMessages[page.lang];
  const error = (field: string) => model.problems.find((problem) => problem.field === field)?.message;
  const title = model.archive ? t.agendaArchiveTitle : t.agendaTitle;
  const hasExamples = model.events.some((event) => event.isExample);
  return (
    <Layout page={page} title={title} current="agenda">
      <ErrorSummary title={page.t.errors.errorSummaryTitle} problems={model.problems} />
      <Heading level={1}>{title}</Heading>
      <Paragraph lead>{t.agendaIntro}</Paragraph>
      {hasExamples ? (
        <div class="utrecht-alert utrecht-alert--warning" role="note" aria-labelledby="voorbeeld-melding">
          <div class="utrecht-alert__content">
            <div class="utrecht-alert__message">
              <Heading level={2} id="voorbeeld-melding">
                {t.exampleNoticeTitle}
              </Heading>
              <Paragraph>{t.exampleNotice}</Paragraph>
            </div>
          </div>
        </div>
      ) : null}
      <FilterForm
        action="/agenda"
        lang={page.lang}
        searchHint={t.agendaSearchHint}
        searchValue={model.query.q}
        hidden={model.archive ? { archief: "1" } : {}}
      >
        <SelectField
          id="regio"
          label={t.regionLabel}
          anyLabel={t.anyOption}
          value={model.query.regio}
          groups={model.areaGroups}
          error={error("regio")}
        />
        <SelectField
          id="maand"
          label={t.monthLabel}
          anyLabel={t.anyOption}
          value={model.query.maand}
          options={model.monthOptions}
          error={error("maand")}
        />
      </FilterForm>
      <ul class="cl-plain-list cl-section">
        <li>
          <Link href={model.switchHref}>{model.archive ? t.upcomingLink : t.archiveLink}</Link>
        </li>
        <li>
          <Link href={model.icalHref}>{t.icalLink}</Link> <span class="cl-muted">{t.icalHint}</span>
        </li>
      </ul>
      <section aria-labelledby="bijeenkomsten" class="cl-section">
        <Heading level={2} id="bijeenkomsten">
          {plural(page.lang, model.total, t.eventsCount)}
        </Heading>
        {model.events.length === 0 ? <Paragraph>{t.noEvents}</Paragraph> : null}
        <ul class="cl-plain-list cl-card-list">
          {model.events.map((event) => (
            <li class="cl-card" id={event.slug}>
              <Heading level={3}>
                {event.isExample ? (
                  <>
                    <span class="utrecht-badge-status cl-example-badge">{t.exampleBadge}</span>{" "}
                  </>
                ) : null}
                {event.cancelled ? (
                  <>
                    <span class="utrecht-badge-status cl-cancelled-badge">{t.cancelledBadge}</span>{" "}
                  </>
                ) : null}
                {event.title}
              </Heading>
              {event.cancelled ? (
                <Paragraph>
                  <strong>{t.cancelledNote}</strong>
                </Paragraph>
              ) : null}
              <Paragraph>{event.description}</Paragraph>
              <dl class="cl-facts">
                <dt>{t.when}</dt>
                <dd>
                  <time datetime={event.startIso}>{event.when}</time>
                  {event.isExample ? <span class="cl-muted"> ({t.exampleDateNote})</span> : null}
                </dd>
                <dt>{t.where}</dt>
                <dd>{event.where}</dd>
                <dt>{t.organiser}</dt>
                <dd>{event.organiser}</dd>
                {event.instrument ? (
                  <>
                    <dt>{t.instrument}</dt>
                    <dd>
                      <Link href={event.instrument.href}>{event.instrument.text}</Link>
                    </dd>
                  </>
                ) : null}
                <dt>{t.registration}</dt>
                <dd>
                  {event.cancelled ? (
                    t.registrationClosed
                  ) : event.registrationUrl && !event.isExample ? (
                    <a
                      class="utrecht-link utrecht-link--html-a"
                      href={event.registrationUrl}
                      rel="noopener external"
                    >
                      {t.registrationLink}
                    </a>
                  ) : event.isExample ? (
                    t.noRegistration
                  ) : (
                    t.registrationLater
                  )}
                </dd>
              </dl>
              {event.cancelled || event.isExample ? null : (
                <Paragraph>
                  <a
                    class="utrecht-link utrecht-link--html-a"
                    href={`/agenda/${event.slug}.ics${page.lang === "en" ? "?lang=en" : ""}`}
                    download={`${event.slug}.ics`}
                  >
                    {t.addToCalendar}
                    <span class="cl-visually-hidden">: {event.title}</span>
                  </a>
                </Paragraph>
              )}
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
};
