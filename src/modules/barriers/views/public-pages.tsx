import { format, formatDate, plural } from "../../../i18n/index.js";
import {
  Button,
  FormField,
  Heading,
  Link,
  Paragraph,
  Select,
  TableScroll,
  TextInput,
} from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import { BARRIER_BODY_KIND_LABELS } from "../../vocabulary/index.js";
import type { PublicBarrier } from "../barriers.loop.js";
import { loopMessages } from "../barriers.loop.messages.js";
import { barriersMessages } from "../barriers.messages.js";
import { BARRIER_THEMES, type BarrierTheme } from "../barriers.service.js";

export type PublicListModel = {
  filter: { q: string; theme: string; year: string };
  years: number[];
  items: PublicBarrier[];
  /** The "rode draden" of one year: counts per theme and the published answers. */
  threads: {
    year: number;
    rows: {
      theme: BarrierTheme;
      reported: number;
      forwarded: number;
      answered: number;
      items: PublicBarrier[];
    }[];
  };
};

const AnsweredBy = ({ item, lang }: { item: PublicBarrier; lang: "nl" | "en" }) =>
  item.bodyName ? (
    <>
      {`${item.bodyName}${item.bodyKind ? ` · ${BARRIER_BODY_KIND_LABELS[item.bodyKind][lang]}` : ""}`}
      {item.answeredAt ? `, ${formatDate(item.answeredAt, lang)}` : ""}
    </>
  ) : null;

/** /belemmeringen: the published answers, searchable by words, theme and year, and the year's common threads. */
export const PublicListPage = ({ page, model }: { page: PageContext; model: PublicListModel }) => {
  const t = loopMessages[page.lang];
  const b = barriersMessages[page.lang];
  const lang = page.lang;
  const year = model.threads.year;
  return (
    <Layout page={page} title={t.publicTitle}>
      <Heading level={1}>{t.publicTitle}</Heading>
      <Paragraph lead>{t.publicIntro}</Paragraph>
      <Paragraph>
        <Link href="/belemmering-melden">{t.reportOne}</Link>
      </Paragraph>
      <form
        method="get"
        action="/belemmeringen"
        class="cl-filter-form"
        role="search"
        aria-label={t.searchLabel}
      >
        {lang === "en" ? <input type="hidden" name="lang" value="en" /> : null}
        <FormField id="q" label={t.searchLabel}>
          <TextInput id="q" name="q" type="search" value={model.filter.q} />
        </FormField>
        <FormField id="thema" label={t.themeFilter}>
          <Select
            id="thema"
            name="thema"
            value={model.filter.theme}
            options={[
              { value: "", label: t.allThemes },
              ...BARRIER_THEMES.map((theme) => ({ value: theme, label: b.themes[theme] })),
            ]}
          />
        </FormField>
        <FormField id="jaar" label={t.yearFilter}>
          <Select
            id="jaar"
            name="jaar"
            value={model.filter.year}
            options={[
              { value: "", label: t.allYears },
              ...model.years.map((y) => ({ value: String(y), label: String(y) })),
            ]}
          />
        </FormField>
        <Button>{t.filter}</Button>
      </form>
      <section class="cl-section" aria-labelledby="antwoorden">
        <Heading level={2} id="antwoorden">
          {plural(lang, model.items.length, t.results)}
        </Heading>
        {model.items.length === 0 ? <Paragraph>{t.noResults}</Paragraph> : null}
        {model.items.map((item) => (
          <article class="cl-card cl-section" aria-labelledby={`belemmering-${item.id}`}>
            <Heading level={3} id={`belemmering-${item.id}`}>
              <Link href={`/belemmeringen/${item.id}`}>{`${b.themes[item.theme]} · ${item.year}`}</Link>
            </Heading>
            <Paragraph>{item.summary}</Paragraph>
            <Paragraph>
              <strong>{`${t.answer}: `}</strong>
              {item.answer}
            </Paragraph>
            {item.bodyName ? (
              <Paragraph small>
                {`${t.answeredBy}: `}
                <AnsweredBy item={item} lang={lang} />
              </Paragraph>
            ) : null}
          </article>
        ))}
      </section>
      <section class="cl-section" aria-labelledby="rode-draden">
        <Heading level={2} id="rode-draden">
          {format(t.threadsHeading, { year })}
        </Heading>
        <Paragraph>{format(t.threadsIntro, { year })}</Paragraph>
        {model.threads.rows.length === 0 ? (
          <Paragraph>{format(t.noThreads, { year })}</Paragraph>
        ) : (
          <>
            <TableScroll label={format(t.threadsCaption, { year })} className="cl-table-scroll">
              <table class="utrecht-table utrecht-table--html-table">
                {/* The heading above names the table for sighted readers; the caption names it for screen readers. */}
                <caption class="utrecht-table__caption cl-visually-hidden">
                  {format(t.threadsCaption, { year })}
                </caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">
                      {t.themeFilter}
                    </th>
                    <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                      {t.reportedCount}
                    </th>
                    <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                      {t.forwardedCount}
                    </th>
                    <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                      {t.answeredCount}
                    </th>
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {model.threads.rows.map((row) => (
                    <tr class="utrecht-table__row">
                      <th class="utrecht-table__header-cell" scope="row">
                        {b.themes[row.theme] ?? row.theme}
                      </th>
                      <td class="utrecht-table__cell utrecht-table__cell--numeric">{row.reported}</td>
                      <td class="utrecht-table__cell utrecht-table__cell--numeric">{row.forwarded}</td>
                      <td class="utrecht-table__cell utrecht-table__cell--numeric">{row.answered}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            {model.threads.rows
              .filter((row) => row.items.length > 0)
              .map((row) => (
                <section class="cl-section" aria-labelledby={`draad-${row.theme}`}>
                  <Heading level={3} id={`draad-${row.theme}`}>
                    {b.themes[row.theme] ?? row.theme}
                  </Heading>
                  <ul class="utrecht-unordered-list">
                    {row.items.map((item) => (
                      <li class="utrecht-unordered-list__item">
                        <Link href={`/belemmeringen/${item.id}`}>{item.summary}</Link>
                        {` — ${item.answer}`}
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
          </>
        )}
      </section>
    </Layout>
  );
};

/** /belemmeringen/{id}: one published barrier with its answer. */
export const PublicItemPage = ({ page, item }: { page: PageContext; item: PublicBarrier }) => {
  const t = loopMessages[page.lang];
  const b = barriersMessages[page.lang];
  const title = `${b.themes[item.theme]} · ${item.year}`;
  return (
    <Layout page={page} title={title}>
      <Paragraph>
        <Link href="/belemmeringen">{t.allAnswers}</Link>
      </Paragraph>
      <Heading level={1}>{title}</Heading>
      <section class="cl-section" aria-labelledby="probleem">
        <Heading level={2} id="probleem">
          {t.problem}
        </Heading>
        <Paragraph>{item.summary}</Paragraph>
      </section>
      <section class="cl-section" aria-labelledby="antwoord">
        <Heading level={2} id="antwoord">
          {t.answer}
        </Heading>
        <Paragraph>{item.answer}</Paragraph>
        <dl class="cl-facts">
          {item.bodyName ? (
            <>
              <dt>{t.answeredBy}</dt>
              <dd>
                <AnsweredBy item={item} lang={page.lang} />
              </dd>
            </>
          ) : null}
          <dt>{t.reportedIn}</dt>
          <dd>{item.year}</dd>
          <dt>{t.publishedOn}</dt>
          <dd>{formatDate(item.publishedAt, page.lang)}</dd>
        </dl>
      </section>
      <Paragraph>
        <Link href="/belemmering-melden">{t.reportOne}</Link>
      </Paragraph>
    </Layout>
  );
};
