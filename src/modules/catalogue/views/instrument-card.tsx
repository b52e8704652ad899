import type { PropsWithChildren } from "hono/jsx";
import { format, type Lang } from "../../../i18n/index.js";
import { Button, Heading, Link, Paragraph } from "../../../web/components.js";
import { alertMessages, alertSubscribeHref } from "../../alerts/index.js";
import type { InstrumentCardView } from "../catalogue.card.js";
import { catalogueMessages } from "../catalogue.messages.js";
import { StatusBadge } from "./status-badge.js";

/**
 * One instrument as a card: what it is, what you get, for whom, when and how to apply, and the reasons that set it
 * apart. The route, the scan result and the search results all use this one component (ADR 0088). The caller gives
 * the list item; `id` makes the headings unique on the page.
 */
export const InstrumentCard = ({
  card,
  lang,
  id,
  compare,
}: {
  card: InstrumentCardView;
  lang: Lang;
  id: string;
  /** Inside a CompareForm: a "Vergelijk" checkbox that sends this card's ref_id to /aanbod/vergelijk. */
  compare?: boolean;
}) => {
  const t = catalogueMessages[lang].card;
  return (
    <article class="cl-instrument-card" aria-labelledby={`${id}-titel`} data-ref-id={card.refId}>
      <Heading level={3} id={`${id}-titel`}>
        <Link href={card.href}>{card.name}</Link>
      </Heading>
      <Paragraph small>
        <StatusBadge status={card.status} label={card.statusLabel} /> {card.kindLabel} ·{" "}
        {format(t.provider, { provider: card.provider })}
      </Paragraph>
      <dl class="cl-facts cl-instrument-card__facts">
        {card.summary ? (
          <>
            <dt>{t.whatHeading}</dt>
            <dd data-card="summary">{card.summary}</dd>
          </>
        ) : null}
        <dt>{t.offerHeading}</dt>
        <dd data-card="offer">{card.offer}</dd>
        <dt>{t.audienceHeading}</dt>
        <dd data-card="audience">{card.audience}</dd>
        <dt>{t.whenHeading}</dt>
        <dd data-card="when">
          {card.status === "verwacht" ? <strong>{t.expectedLabel}.</strong> : null}
          {card.status === "verwacht" ? " " : ""}
          {card.when}
          {card.prepare ? ` ${card.prepare}` : ""}
          {card.verified ? (
            <>
              <br />
              <span class="cl-muted">{card.verified}</span>
            </>
          ) : null}
        </dd>
        <dt>{t.applyHeading}</dt>
        <dd data-card="apply">
          {card.apply.text}
          {card.apply.href ? (
            <>
              {" "}
              <Link href={card.apply.href}>{card.apply.linkText}</Link>
            </>
          ) : null}
        </dd>
      </dl>
      {card.status === "verwacht" ? (
        <Paragraph small>
          <a
            class="utrecht-link utrecht-link--html-a"
            href={alertSubscribeHref({ instrument: card.refId }, lang)}
          >
            {alertMessages[lang].boxHeading}
            <span class="cl-visually-hidden">: {card.name}</span>
          </a>
        </Paragraph>
      ) : null}
      {card.staleNotice ? <Paragraph small>{card.staleNotice}</Paragraph> : null}
      {compare ? (
        <div class="utrecht-form-field utrecht-form-field--checkbox cl-compare-choice">
          <input
            class="utrecht-checkbox utrecht-checkbox--html-input"
            type="checkbox"
            id={`${id}-vergelijk`}
            name="id"
            value={card.refId}
          />{" "}
          <label class="utrecht-form-label utrecht-form-label--checkbox" for={`${id}-vergelijk`}>
            {catalogueMessages[lang].compare.checkbox}
            <span class="cl-visually-hidden">: {card.name}</span>
          </label>
        </div>
      ) : null}
      {card.reasons.length ? (
        <>
          <p class="utrecht-paragraph cl-instrument-card__why" id={`${id}-waarom`}>
            <strong>{t.whyHeading}</strong>
          </p>
          <ul class="utrecht-unordered-list" aria-labelledby={`${id}-waarom`} data-card="reasons">
            {card.reasons.map((reason) => (
              <li class="utrecht-unordered-list__item">{reason}</li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
};

/**
 * A list of cards with "Vergelijk" checkboxes: a plain GET form to /aanbod/vergelijk, so comparing works without
 * JavaScript. The hint says how; the button sends the ticked ref_ids as `id=…&id=…`.
 */
export const CompareForm = ({ lang, id, children }: PropsWithChildren<{ lang: Lang; id: string }>) => {
  const t = catalogueMessages[lang].compare;
  return (
    <form method="get" action="/aanbod/vergelijk" class="cl-compare-form" aria-describedby={`${id}-uitleg`}>
      <Paragraph small>
        <span id={`${id}-uitleg`}>{t.hint}</span>
      </Paragraph>
      {lang === "en" ? <input type="hidden" name="lang" value="en" /> : null}
      {children}
      <Button secondary>{t.button}</Button>
    </form>
  );
};
