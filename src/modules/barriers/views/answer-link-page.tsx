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
  Textarea,
} from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import { loopMessages } from "../barriers.loop.messages.js";
import { barriersMessages } from "../barriers.messages.js";
import type { BarrierTheme } from "../barriers.service.js";

export type AnswerLinkModel = {
  token: string;
  reference: string;
  description: string;
  theme: BarrierTheme;
  rule: string | null;
  municipality: string;
  bodyName: string;
  dueAt: Date;
  expiresAt: Date;
  answer: string;
  problems: FieldProblem[];
  /** Where the form posts: the answer link by default; the workspace page for a user of the body. */
  action?: string;
};

/** /belemmering/antwoord/{token}: the competent body reads one report (no contact details) and answers it once. */
export const AnswerLinkPage = ({ page, model }: { page: PageContext; model: AnswerLinkModel }) => {
  const t = loopMessages[page.lang];
  const b = barriersMessages[page.lang];
  const error = problemFor(model.problems, "antwoord");
  return (
    <Layout page={page} title={t.linkTitle}>
      <ErrorSummary title={page.t.errors.errorSummaryTitle} problems={model.problems} />
      <Heading level={1}>{t.linkTitle}</Heading>
      <Paragraph lead>{format(t.linkIntro, { body: model.bodyName })}</Paragraph>
      <dl class="cl-facts">
        <dt>{t.reference}</dt>
        <dd>{model.reference}</dd>
        <dt>{t.theme}</dt>
        <dd>{b.themes[model.theme]}</dd>
        <dt>{t.municipality}</dt>
        <dd>{model.municipality}</dd>
        {model.rule ? (
          <>
            <dt>{t.rule}</dt>
            <dd>{model.rule}</dd>
          </>
        ) : null}
        <dt>{t.linkDue}</dt>
        <dd>{formatDate(model.dueAt, page.lang)}</dd>
        <dt>{t.linkExpires}</dt>
        <dd>{formatDate(model.expiresAt, page.lang)}</dd>
      </dl>
      <section class="cl-section" aria-labelledby="melding">
        <Heading level={2} id="melding">
          {t.report}
        </Heading>
        <Paragraph>{model.description}</Paragraph>
      </section>
      <form method="post" action={model.action ?? `/belemmering/antwoord/${model.token}`} novalidate>
        <CsrfField token={page.csrfToken} />
        <FormField id="antwoord" label={t.answerLabel} hint={t.answerHint} error={error}>
          <Textarea
            id="antwoord"
            name="antwoord"
            rows={8}
            value={model.answer}
            invalid={Boolean(error)}
            describedBy={describedBy("antwoord", true, Boolean(error))}
          />
        </FormField>
        <Button>{t.sendAnswer}</Button>
      </form>
    </Layout>
  );
};

/** After the answer: thanks, on the response itself (the link now answers 410). */
export const AnswerDonePage = ({ page }: { page: PageContext }) => {
  const t = loopMessages[page.lang];
  return (
    <Layout page={page} title={t.linkDoneTitle}>
      <Heading level={1}>{t.linkDoneTitle}</Heading>
      <Paragraph lead>{t.linkDoneBody}</Paragraph>
    </Layout>
  );
};
