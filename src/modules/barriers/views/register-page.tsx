import { format, formatDate } from "../../../i18n/index.js";
import {
  Button,
  CsrfField,
  Heading,
  Link,
  Paragraph,
  StatusTag,
  TextInput,
} from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import { BARRIER_STATUS_LABELS, BARRIER_STATUSES, type BarrierStatus } from "../../vocabulary/index.js";
import { loopMessages } from "../barriers.loop.messages.js";
import { barriersMessages } from "../barriers.messages.js";
import { BARRIER_THEMES, type BarrierTheme } from "../barriers.service.js";

export type RegisterModel = {
  year: number;
  barriers: {
    id: number;
    description: string;
    theme: BarrierTheme;
    category: BarrierTheme;
    rule: string | null;
    regionName: string;
    reporterKind: "company" | "advisor";
    status: BarrierStatus;
    responsibleBody: string | null;
    note: string | null;
    createdAt: Date;
    /** A forwarding of it waits for an answer past its deadline. */
    overdue: boolean;
    published: boolean;
  }[];
};

/** /monitor/belemmeringen: the coordinator's register, one small form per report (works without JavaScript). */
export const RegisterPage = ({ page, model }: { page: PageContext; model: RegisterModel }) => {
  const t = barriersMessages[page.lang];
  const loop = loopMessages[page.lang];
  const overdue = model.barriers.filter((barrier) => barrier.overdue).length;
  return (
    <Layout page={page} title={t.registerTitle} current="monitor">
      <Heading level={1}>{t.registerTitle}</Heading>
      <Paragraph lead>{t.registerIntro}</Paragraph>
      <Paragraph>
        <Link href={`/monitor/belemmeringen/jaaroverzicht.csv?jaar=${model.year}&lang=${page.lang}`}>
          {t.summaryLink} {model.year}
        </Link>
      </Paragraph>
      <Paragraph>
        <Link href={`/belemmeringen${page.lang === "en" ? "?lang=en" : ""}`}>{loop.publicTitle}</Link>
      </Paragraph>
      {overdue ? (
        <div class="utrecht-alert utrecht-alert--warning" role="status">
          <Paragraph>{format(loop.overdueCount, { count: overdue })}</Paragraph>
        </div>
      ) : null}
      {model.barriers.length === 0 ? <Paragraph>{t.noBarriers}</Paragraph> : null}
      {model.barriers.map((barrier) => (
        <article class="cl-card cl-section" aria-labelledby={`melding-${barrier.id}`}>
          <Heading level={2} id={`melding-${barrier.id}`}>
            {`#${barrier.id} · ${t.themes[barrier.theme]} `}
            {barrier.overdue ? <StatusTag>{loop.overdue}</StatusTag> : null}
          </Heading>
          <Paragraph>
            <Link href={`/monitor/belemmeringen/${barrier.id}`}>{loop.open}</Link>
          </Paragraph>
          <Paragraph>{barrier.description}</Paragraph>
          <dl class="cl-facts">
            <dt>{t.reported}</dt>
            <dd>{formatDate(barrier.createdAt, page.lang)}</dd>
            <dt>{t.region}</dt>
            <dd>{barrier.regionName}</dd>
            <dt>{t.reporter}</dt>
            <dd>{t.reporterKinds[barrier.reporterKind]}</dd>
            {barrier.rule ? (
              <>
                <dt>{t.rule}</dt>
                <dd>{barrier.rule}</dd>
              </>
            ) : null}
          </dl>
          <form method="post" action={`/monitor/belemmeringen/${barrier.id}`}>
            <CsrfField token={page.csrfToken} />
            <Select
              id={`categorie-${barrier.id}`}
              name="categorie"
              label={t.category}
              value={barrier.category}
              options={BARRIER_THEMES.map((theme) => ({ value: theme, label: t.themes[theme] }))}
            />
            <Select
              id={`status-${barrier.id}`}
              name="status"
              label={t.status}
              value={barrier.status}
              options={BARRIER_STATUSES.map((status) => ({
                value: status,
                label: BARRIER_STATUS_LABELS[status][page.lang],
              }))}
            />
            <div class="utrecht-form-field utrecht-form-field--text">
              <div class="utrecht-form-field__label">
                <label class="utrecht-form-label" for={`instantie-${barrier.id}`}>
                  {t.responsibleBody}
                </label>
              </div>
              <div class="utrecht-form-field__input">
                <TextInput
                  id={`instantie-${barrier.id}`}
                  name="instantie"
                  value={barrier.responsibleBody ?? ""}
                />
              </div>
            </div>
            <div class="utrecht-form-field utrecht-form-field--text">
              <div class="utrecht-form-field__label">
                <label class="utrecht-form-label" for={`notitie-${barrier.id}`}>
                  {t.note}
                </label>
              </div>
              <div class="utrecht-form-field__input">
                <TextInput id={`notitie-${barrier.id}`} name="notitie" value={barrier.note ?? ""} />
              </div>
            </div>
            <Button secondary>{t.update}</Button>
          </form>
        </article>
      ))}
    </Layout>
  );
};

const Select = ({
  id,
  name,
  label,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}) => (
  <div class="utrecht-form-field utrecht-form-field--select">
    <div class="utrecht-form-field__label">
      <label class="utrecht-form-label" for={id}>
        {label}
      </label>
    </div>
    <div class="utrecht-form-field__input">
      <select class="utrecht-select utrecht-select--html-select" id={id} name={name}>
        {options.map((option) => (
          <option value={option.value} selected={option.value === value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  </div>
);
