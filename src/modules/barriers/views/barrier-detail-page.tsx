import { format, formatDate } from "../../../i18n/index.js";
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
import {
  BARRIER_BODY_KIND_LABELS,
  BARRIER_BODY_KINDS,
  BARRIER_STATUS_LABELS,
  type BarrierStatus,
} from "../../vocabulary/index.js";
import type { Forwarding } from "../barriers.loop.js";
import { loopMessages } from "../barriers.loop.messages.js";
import { barriersMessages } from "../barriers.messages.js";
import type { BarrierTheme } from "../barriers.service.js";

export type BarrierDetailModel = {
  id: number;
  reference: string;
  description: string;
  theme: BarrierTheme;
  rule: string | null;
  regionName: string;
  municipalityName: string;
  reporterKind: "company" | "advisor";
  status: BarrierStatus;
  createdAt: Date;
  hasContact: boolean;
  reporterToldAt: Date | null;
  publishedAt: Date | null;
  version: number;
  forwardings: Forwarding[];
  organisations: { id: string; name: string }[];
  /** Which form the problems belong to, with its values kept. */
  form?: "forward" | "answer" | "publish";
  values: Record<string, string>;
  problems: FieldProblem[];
  notice?: string;
  conflict?: boolean;
  publicSummary: string;
  publicAnswer: string;
};

/** /monitor/belemmeringen/{id}: a coordinator forwards a report, records an answer and publishes it. */
export const BarrierDetailPage = ({ page, model }: { page: PageContext; model: BarrierDetailModel }) => {
  const t = loopMessages[page.lang];
  const b = barriersMessages[page.lang];
  const lang = page.lang;
  const own = (form: BarrierDetailModel["form"]) => (model.form === form ? model.problems : []);
  const value = (form: BarrierDetailModel["form"], key: string, fallback = "") =>
    model.form === form ? (model.values[key] ?? fallback) : fallback;
  const open = model.forwardings.filter((f) => !f.answeredAt);
  const answered = model.forwardings.filter((f) => f.answeredAt);
  /** A field of one of the forms: its problem (only when that form was posted) and its control's attributes. */
  const field = (form: BarrierDetailModel["form"], name: string, hint = false) => {
    const error = problemFor(own(form), name);
    return {
      error,
      control: { invalid: Boolean(error), describedBy: describedBy(name, hint, Boolean(error)) },
    };
  };
  const fields = {
    forward: {
      soort: field("forward", "soort"),
      organisatie: field("forward", "organisatie"),
      naam: field("forward", "naam", true),
      email: field("forward", "email"),
      termijn: field("forward", "termijn", true),
    },
    answer: { doorsturing: field("answer", "doorsturing"), antwoord: field("answer", "antwoord") },
    publish: {
      samenvatting: field("publish", "samenvatting"),
      publicAnswer: field("publish", "publiek-antwoord", true),
    },
  };
  return (
    <Layout page={page} title={format(t.detailTitle, { reference: model.reference })} current="monitor">
      <ErrorSummary title={page.t.errors.errorSummaryTitle} problems={model.problems} />
      <Paragraph>
        <Link href="/monitor/belemmeringen">{t.backToRegister}</Link>
      </Paragraph>
      <Heading level={1}>{format(t.detailTitle, { reference: model.reference })}</Heading>
      <StatusNotice text={model.notice} />
      {model.conflict ? (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <Paragraph>{t.conflict}</Paragraph>
        </div>
      ) : null}
      <Paragraph>{model.description}</Paragraph>
      <dl class="cl-facts">
        <dt>{b.theme}</dt>
        <dd>{b.themes[model.theme]}</dd>
        <dt>{b.status}</dt>
        <dd>{BARRIER_STATUS_LABELS[model.status][lang]}</dd>
        <dt>{b.reported}</dt>
        <dd>{formatDate(model.createdAt, lang)}</dd>
        <dt>{b.region}</dt>
        <dd>{`${model.municipalityName}, ${model.regionName}`}</dd>
        <dt>{b.reporter}</dt>
        <dd>{b.reporterKinds[model.reporterKind]}</dd>
        {model.rule ? (
          <>
            <dt>{t.rule}</dt>
            <dd>{model.rule}</dd>
          </>
        ) : null}
      </dl>

      <section class="cl-section" aria-labelledby="doorgestuurd">
        <Heading level={2} id="doorgestuurd">
          {t.forwardingsHeading}
        </Heading>
        {model.forwardings.length === 0 ? <Paragraph>{t.noForwardings}</Paragraph> : null}
        {model.forwardings.map((f) => (
          <article class="cl-card cl-section" aria-labelledby={`doorsturing-${f.id}`}>
            <Heading level={3} id={`doorsturing-${f.id}`}>
              {`${f.bodyName} (${BARRIER_BODY_KIND_LABELS[f.bodyKind][lang]}) `}
              <StatusTag>{f.answeredAt ? t.answered : f.overdue ? t.overdue : t.waiting}</StatusTag>
            </Heading>
            <dl class="cl-facts">
              <dt>{t.dueLabel}</dt>
              <dd>{formatDate(f.dueAt, lang)}</dd>
              <dt>{t.mailedTo}</dt>
              <dd>{f.mailed ? t.yes : t.no}</dd>
              {f.answeredAt ? (
                <>
                  <dt>{t.answeredOn}</dt>
                  <dd>{`${formatDate(f.answeredAt, lang)}, ${f.answeredVia === "link" ? t.viaLink : t.viaCoordinator}`}</dd>
                </>
              ) : null}
            </dl>
            {f.answer ? <Paragraph>{f.answer}</Paragraph> : null}
          </article>
        ))}
      </section>

      <section class="cl-section" aria-labelledby="doorsturen">
        <Heading level={2} id="doorsturen">
          {t.forwardHeading}
        </Heading>
        <Paragraph>{t.forwardIntro}</Paragraph>
        <form method="post" action={`/monitor/belemmeringen/${model.id}/doorsturen`} novalidate>
          <CsrfField token={page.csrfToken} />
          <FormField id="soort" label={t.bodyKindLabel} error={fields.forward.soort.error}>
            <Select
              id="soort"
              name="soort"
              value={value("forward", "soort")}
              {...fields.forward.soort.control}
              options={[
                { value: "", label: t.chooseKind },
                ...BARRIER_BODY_KINDS.map((kind) => ({
                  value: kind,
                  label: BARRIER_BODY_KIND_LABELS[kind][lang],
                })),
              ]}
            />
          </FormField>
          <FormField id="organisatie" label={t.organisationLabel} error={fields.forward.organisatie.error}>
            <Select
              id="organisatie"
              name="organisatie"
              value={value("forward", "organisatie")}
              {...fields.forward.organisatie.control}
              options={[
                { value: "", label: t.noOrganisation },
                ...model.organisations.map((o) => ({ value: o.id, label: o.name })),
              ]}
            />
          </FormField>
          <FormField
            id="naam"
            label={t.bodyNameLabel}
            hint={t.bodyNameHint}
            error={fields.forward.naam.error}
          >
            <TextInput
              id="naam"
              name="naam"
              value={value("forward", "naam")}
              {...fields.forward.naam.control}
            />
          </FormField>
          <FormField id="email" label={t.emailLabel} error={fields.forward.email.error}>
            <TextInput
              id="email"
              name="email"
              type="email"
              value={value("forward", "email")}
              {...fields.forward.email.control}
            />
          </FormField>
          <FormField id="termijn" label={t.dueLabel} hint={t.dueHint} error={fields.forward.termijn.error}>
            <TextInput
              id="termijn"
              name="termijn"
              type="date"
              value={value("forward", "termijn")}
              {...fields.forward.termijn.control}
            />
          </FormField>
          <Button>{t.forward}</Button>
        </form>
      </section>

      {open.length ? (
        <section class="cl-section" aria-labelledby="antwoord-vastleggen">
          <Heading level={2} id="antwoord-vastleggen">
            {t.answerHeading}
          </Heading>
          <Paragraph>{t.answerIntro}</Paragraph>
          <form method="post" action={`/monitor/belemmeringen/${model.id}/antwoord`} novalidate>
            <CsrfField token={page.csrfToken} />
            <FormField id="doorsturing" label={t.forwardingLabel} error={fields.answer.doorsturing.error}>
              <Select
                id="doorsturing"
                name="doorsturing"
                value={value("answer", "doorsturing", String(open[0]!.id))}
                {...fields.answer.doorsturing.control}
                options={open.map((f) => ({ value: String(f.id), label: f.bodyName }))}
              />
            </FormField>
            <FormField id="antwoord" label={t.coordinatorAnswerLabel} error={fields.answer.antwoord.error}>
              <Textarea
                id="antwoord"
                name="antwoord"
                rows={5}
                value={value("answer", "antwoord")}
                {...fields.answer.antwoord.control}
              />
            </FormField>
            <Button secondary>{t.saveAnswer}</Button>
          </form>
        </section>
      ) : null}

      <section class="cl-section" aria-labelledby="publiceren">
        <Heading level={2} id="publiceren">
          {t.publishHeading}
        </Heading>
        {model.publishedAt ? (
          <Paragraph>
            {`${t.publishedOn} ${formatDate(model.publishedAt, lang)}. `}
            <Link href={`/belemmeringen/${model.id}`}>{t.publicPage}</Link>
          </Paragraph>
        ) : null}
        {model.reporterToldAt ? (
          <Paragraph>{format(t.reporterTold, { date: formatDate(model.reporterToldAt, lang) })}</Paragraph>
        ) : model.hasContact ? (
          <Paragraph>{t.reporterWillBeTold}</Paragraph>
        ) : null}
        {answered.length === 0 ? (
          <Paragraph>{t.publishNotYet}</Paragraph>
        ) : (
          <>
            <Paragraph>{t.publishIntro}</Paragraph>
            <form method="post" action={`/monitor/belemmeringen/${model.id}/publiceren`} novalidate>
              <CsrfField token={page.csrfToken} />
              <input type="hidden" name="versie" value={String(model.version)} />
              <FormField id="samenvatting" label={t.summaryLabel} error={fields.publish.samenvatting.error}>
                <Textarea
                  id="samenvatting"
                  name="samenvatting"
                  rows={4}
                  value={value("publish", "samenvatting", model.publicSummary)}
                  {...fields.publish.samenvatting.control}
                />
              </FormField>
              <FormField
                id="publiek-antwoord"
                label={t.publicAnswerLabel}
                hint={t.publicAnswerHint}
                error={fields.publish.publicAnswer.error}
              >
                <Textarea
                  id="publiek-antwoord"
                  name="publiek-antwoord"
                  rows={5}
                  value={value("publish", "publiek-antwoord", model.publicAnswer)}
                  {...fields.publish.publicAnswer.control}
                />
              </FormField>
              <Button>{model.publishedAt ? t.republish : t.publish}</Button>
            </form>
          </>
        )}
      </section>
    </Layout>
  );
};
