import { format, formatDate } from "../../../i18n/index.js";
import {
  Button,
  CsrfField,
  describedBy,
  ErrorSummary,
  FormField,
  Heading,
  Paragraph,
  problemFor,
  Select,
  StatusNotice,
  StatusTag,
  Textarea,
} from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import { linkMessages, moveLabel } from "../referrals.link.messages.js";
import { label } from "../referrals.messages.js";

export type LinkPageModel = {
  token: string;
  version: number;
  loketName: string;
  instrumentName: string;
  /** Exactly the fields of REFERRAL_SHARES, and the adviser's message. */
  company: {
    companyName: string;
    kvkNumber: string;
    /** The region in words with its code. */
    region: string;
    contactName: string;
    contactEmail: string;
  };
  message: string;
  status: string;
  dueAt: Date | null;
  expiresAt: Date;
  /** The provider's moves from this status (the same as a provider account's). */
  moves: { to: string; reasons: string[] }[];
  /** After acceptance the moves are about the outcome. */
  outcomeStage: boolean;
  events: {
    kind: "status" | "vraag";
    toStatus: string;
    reasonCode: string | null;
    note: string;
    occurredAt: Date;
    actor: string | null;
    viaLink: boolean;
  }[];
  form: Record<string, string>;
  problems: FieldProblem[];
  conflict: boolean;
  notice?: string;
};

/** /verwijzing/{token}: one referral for a provider without an account, reached through its single-purpose link. */
export const LinkPage = ({ page, model }: { page: PageContext; model: LinkPageModel }) => {
  const t = linkMessages[page.lang];
  const lang = page.lang;
  const title = format(t.pageTitle, { instrument: model.instrumentName });
  const reasons = [...new Set(model.moves.flatMap((move) => move.reasons))];
  const action = `/verwijzing/${model.token}`;
  const toError = problemFor(model.problems, "to");
  const reasonError = problemFor(model.problems, "reason");
  const questionError = problemFor(model.problems, "question");
  return (
    <Layout page={page} title={title}>
      <ErrorSummary
        title={lang === "nl" ? "Er is een probleem" : "There is a problem"}
        problems={model.problems}
      />
      <StatusNotice text={model.notice} />
      {model.conflict ? (
        <div class="cl-conflict" role="alert">
          <Heading level={2}>{t.conflictTitle}</Heading>
          <Paragraph>{t.conflictBody}</Paragraph>
        </div>
      ) : null}
      <Heading level={1}>{title}</Heading>
      <Paragraph lead>{format(t.pageIntro, { loket: model.loketName })}</Paragraph>
      <section aria-labelledby="ondernemer" class="cl-section">
        <Heading level={2} id="ondernemer">
          {t.companyHeading}
        </Heading>
        <dl class="cl-facts">
          <dt>{t.companyName}</dt>
          <dd>{model.company.companyName}</dd>
          <dt>{t.kvkNumber}</dt>
          <dd>{model.company.kvkNumber}</dd>
          <dt>{t.region}</dt>
          <dd>{model.company.region}</dd>
          <dt>{t.contactName}</dt>
          <dd>{model.company.contactName}</dd>
          <dt>{t.contactEmail}</dt>
          <dd>{model.company.contactEmail}</dd>
          <dt>{t.message}</dt>
          <dd>{model.message}</dd>
          <dt>{t.statusNow}</dt>
          <dd>
            <StatusTag>{label(lang, model.status)}</StatusTag>
          </dd>
          {model.dueAt ? (
            <>
              <dt>{t.answerBefore}</dt>
              <dd>{formatDate(model.dueAt, lang)}</dd>
            </>
          ) : null}
          <dt>{t.linkValidUntil}</dt>
          <dd>{formatDate(model.expiresAt, lang)}</dd>
        </dl>
      </section>
      {model.moves.length ? (
        <section aria-labelledby="antwoord" class="cl-section">
          <Heading level={2} id="antwoord">
            {model.outcomeStage ? t.outcomeHeading : t.answerHeading}
          </Heading>
          <form method="post" action={action} class="cl-form-stack" novalidate>
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="version" value={String(model.version)} />
            <FormField id="to" label={model.outcomeStage ? t.outcomeLabel : t.answerLabel} error={toError}>
              <Select
                id="to"
                name="to"
                value={model.form.to}
                invalid={Boolean(toError)}
                describedBy={describedBy("to", false, Boolean(toError))}
                options={[
                  { value: "", label: t.chooseOption },
                  ...model.moves.map((move) => ({
                    value: move.to,
                    label: moveLabel(t, move.to, label(lang, move.to)),
                  })),
                ]}
              />
            </FormField>
            {reasons.length ? (
              <FormField id="reason" label={t.reasonLabel} hint={t.reasonHint} error={reasonError}>
                <Select
                  id="reason"
                  name="reason"
                  value={model.form.reason}
                  invalid={Boolean(reasonError)}
                  describedBy={describedBy("reason", true, Boolean(reasonError))}
                  options={[
                    { value: "", label: t.reasonNone },
                    ...reasons.map((reason) => ({ value: reason, label: label(lang, reason) })),
                  ]}
                />
              </FormField>
            ) : null}
            <FormField id="note" label={t.noteLabel}>
              <Textarea id="note" name="note" value={model.form.note} rows={3} />
            </FormField>
            <Button>{t.saveButton}</Button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="vraag" class="cl-section">
        <Heading level={2} id="vraag">
          {t.questionHeading}
        </Heading>
        <Paragraph>{t.questionIntro}</Paragraph>
        <form method="post" action={`${action}/vraag`} class="cl-form-stack" novalidate>
          <CsrfField token={page.csrfToken} />
          <FormField id="question" label={t.questionLabel} error={questionError}>
            <Textarea
              id="question"
              name="question"
              value={model.form.question}
              rows={4}
              invalid={Boolean(questionError)}
              describedBy={describedBy("question", false, Boolean(questionError))}
            />
          </FormField>
          <Button>{t.questionButton}</Button>
        </form>
      </section>
      <section aria-labelledby="geschiedenis" class="cl-section">
        <Heading level={2} id="geschiedenis">
          {t.historyHeading}
        </Heading>
        <ol class="utrecht-ordered-list">
          {model.events.map((event) => (
            <li class="utrecht-ordered-list__item">
              {formatDate(event.occurredAt, lang)} ·{" "}
              {event.viaLink ? t.viaLink : (event.actor ?? model.loketName)}:{" "}
              {event.kind === "vraag" ? t.historyQuestion : label(lang, event.toStatus)}
              {event.reasonCode ? ` (${label(lang, event.reasonCode)})` : ""}
              {event.note ? ` — ${event.note}` : ""}
            </li>
          ))}
        </ol>
      </section>
      <Paragraph small>{t.privacyNote}</Paragraph>
    </Layout>
  );
};

/** After the answer that closed the referral: thanks, and why the link stops working now. */
export const LinkDonePage = ({
  page,
  model,
}: {
  page: PageContext;
  model: { status: string; loketName: string };
}) => {
  const t = linkMessages[page.lang];
  return (
    <Layout page={page} title={t.doneTitle}>
      <Heading level={1}>{t.doneTitle}</Heading>
      <Paragraph>
        {format(t.doneBody, { status: label(page.lang, model.status), loket: model.loketName })}
      </Paragraph>
    </Layout>
  );
};
