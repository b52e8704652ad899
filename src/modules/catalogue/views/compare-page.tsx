import type { Child } from "hono/jsx";
import { format } from "../../../i18n/index.js";
import { Heading, Link, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import type { InstrumentCardView } from "../catalogue.card.js";
import { catalogueMessages } from "../catalogue.messages.js";
import { StatusBadge } from "./status-badge.js";

/** The most instruments the compare view puts side by side (issue 17 item 1). */
export const MAX_COMPARED = 3;

export type ComparePageModel = {
  /** Up to three cards, in the order the visitor chose them. */
  cards: InstrumentCardView[];
  /** How many ids the address held (more than three: the view says only the first three are shown). */
  asked: number;
  /** Ids that name no (public) instrument. */
  unknown: number;
  /** Back to the list the visitor came from, when it is one of ours. */
  backHref: string;
};

type Row = { key: string; header: string; cell: (card: InstrumentCardView) => Child };

/**
 * /aanbod/vergelijk: up to three instruments side by side, from the same card model as the search results and the
 * route. On a wide screen a table with a row header per fact; on a narrow one (and in the DOM order a screen reader
 * reads on a phone) the same facts stacked per instrument. CSS shows one of the two; the other is display: none, so
 * it is hidden from assistive technology too.
 */
export const ComparePage = ({ page, model }: { page: PageContext; model: ComparePageModel }) => {
  const t = catalogueMessages[page.lang];
  const c = t.compare;
  const rows: Row[] = [
    { key: "summary", header: t.card.whatHeading, cell: (card) => card.summary || "—" },
    { key: "offer", header: t.card.offerHeading, cell: (card) => card.offer },
    { key: "audience", header: t.card.audienceHeading, cell: (card) => card.audience },
    {
      key: "when",
      header: t.card.whenHeading,
      cell: (card) => (
        <>
          <StatusBadge status={card.status} label={card.statusLabel} /> {card.when}
          {card.prepare ? ` ${card.prepare}` : ""}
        </>
      ),
    },
    {
      key: "apply",
      header: t.card.applyHeading,
      cell: (card) => (
        <>
          {card.apply.text}
          {card.apply.href ? (
            <>
              {" "}
              <Link href={card.apply.href}>{card.apply.linkText}</Link>
            </>
          ) : null}
        </>
      ),
    },
    { key: "provider", header: c.provider, cell: (card) => card.provider },
    {
      key: "verified",
      header: c.verified,
      cell: (card) => card.verified ?? card.staleNotice ?? "—",
    },
  ];
  return (
    <Layout page={page} title={c.title} current="catalogue">
      <Heading level={1}>{c.title}</Heading>
      {model.asked > MAX_COMPARED ? (
        <div class="utrecht-alert utrecht-alert--warning" role="alert" id="te-veel">
          <div class="utrecht-alert__content">
            <div class="utrecht-alert__message">
              <Paragraph>{format(c.tooMany, { count: model.asked })}</Paragraph>
            </div>
          </div>
        </div>
      ) : null}
      {model.unknown > 0 ? <Paragraph>{format(c.unknown, { count: model.unknown })}</Paragraph> : null}
      {model.cards.length === 0 ? (
        <Paragraph>{c.none}</Paragraph>
      ) : (
        <>
          <Paragraph lead>{model.cards.length === 1 ? c.onlyOne : c.intro}</Paragraph>
          <div class="cl-compare__wide">
            <div class="cl-table-wrap" role="group" aria-label={c.caption} tabindex={0}>
              <table class="utrecht-table utrecht-table--html-table cl-compare__table" data-compare="table">
                <caption class="utrecht-table__caption cl-visually-hidden">{c.caption}</caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <td class="utrecht-table__cell" />
                    {model.cards.map((card) => (
                      <th
                        class="utrecht-table__header-cell cl-compare__cell"
                        scope="col"
                        data-ref-id={card.refId}
                      >
                        <Link href={card.href}>{card.name}</Link>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {rows.map((row) => (
                    <tr class="utrecht-table__row" data-row={row.key}>
                      <th class="utrecht-table__header-cell cl-compare__row-header" scope="row">
                        {row.header}
                      </th>
                      {model.cards.map((card) => (
                        <td class="utrecht-table__cell cl-compare__cell">{row.cell(card)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <ol class="cl-plain-list cl-compare__stack" data-compare="stack">
            {model.cards.map((card, index) => (
              <li class="cl-card">
                <article aria-labelledby={`vergelijk-${index + 1}`}>
                  <Heading level={2} id={`vergelijk-${index + 1}`}>
                    <Link href={card.href}>{card.name}</Link>
                  </Heading>
                  <dl class="cl-facts">
                    {rows.map((row) => (
                      <>
                        <dt>{row.header}</dt>
                        <dd>{row.cell(card)}</dd>
                      </>
                    ))}
                  </dl>
                </article>
              </li>
            ))}
          </ol>
        </>
      )}
      <Paragraph>
        <Link href={model.backHref}>{c.toCatalogue}</Link>
      </Paragraph>
    </Layout>
  );
};
