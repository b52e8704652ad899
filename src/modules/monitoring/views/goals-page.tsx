import { format, formatDate, formatNumber } from "../../../i18n/index.js";
import {
  Button,
  CsrfField,
  ErrorSummary,
  FormField,
  Heading,
  Link,
  Paragraph,
  TextInput,
} from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import { type GoalStatus, INDICATORS, type Indicator } from "../goals.js";
import { monitoringMessages } from "../monitoring.messages.js";
import { DataTable, MonitorNav, type MonitorSection } from "./monitor-parts.js";

export type GoalsModel = {
  goals: {
    indicator: Indicator;
    scopeName: string;
    baseline: number;
    target: number;
    deadline: string;
    current: number;
    status: GoalStatus;
    history: { day: string; value: number }[];
  }[];
  /** Present when the viewer is a coordinator: the form and the scopes they may choose. */
  form?: {
    scopes: { value: string; label: string }[];
    values: Record<string, string>;
    problems: FieldProblem[];
  };
};

/** The share of the way from baseline to target, 0 to 1 (up or down), for the bar beside the current value. */
export const goalShare = (baseline: number, target: number, current: number) =>
  target === baseline
    ? current === target
      ? 1
      : 0
    : Math.min(1, Math.max(0, (current - baseline) / (target - baseline)));

/**
 * The current value with a bar of the way from baseline to target, readable at a glance (ADR 0089): the number and
 * the percentage are text, the bar (SVG attributes, no inline style: the CSP allows none) is decoration beside them.
 */
const GoalProgress = ({
  lang,
  baseline,
  target,
  current,
}: {
  lang: PageContext["lang"];
  baseline: number;
  target: number;
  current: number;
}) => {
  const percent = Math.round(goalShare(baseline, target, current) * 100);
  return (
    <span class="cl-goal-progress">
      {formatNumber(current, lang)}{" "}
      <svg viewBox="0 0 100 10" class="cl-goal-progress__bar" aria-hidden="true" focusable="false">
        <rect x="0" y="0" width="100" height="10" class="cl-goal-progress__track" />
        <rect x="0" y="0" width={percent} height="10" class="cl-goal-progress__done" />
      </svg>{" "}
      <span class="cl-goal-progress__percent">
        {format(monitoringMessages[lang].goalProgress, { percent })}
      </span>
    </span>
  );
};

/** /monitor/doelen: SMART goals with progress from live data; coordinators add goals here. */
export const GoalsPage = ({
  page,
  model,
  sections,
}: {
  page: PageContext;
  model: GoalsModel;
  /** The tabs this visitor may open (see `sectionsOpenTo`). */
  sections: MonitorSection[];
}) => {
  const t = monitoringMessages[page.lang];
  const form = model.form;
  const error = (field: string) => form?.problems.find((problem) => problem.field === field)?.message;
  const number = (value: number) => formatNumber(value, page.lang);
  return (
    <Layout page={page} title={t.goalsTitle} current="monitor">
      {form ? <ErrorSummary title={page.t.errors.errorSummaryTitle} problems={form.problems} /> : null}
      <Heading level={1}>{t.goalsTitle}</Heading>
      <Paragraph lead>{t.goalsIntro}</Paragraph>
      <MonitorNav lang={page.lang} current="goals" open={sections} />
      {model.goals.length ? (
        <DataTable
          caption={t.goalsCaption}
          head={[
            t.indicator,
            t.scope,
            t.baseline,
            t.target,
            t.deadline,
            t.current,
            t.status,
            t.valuesHistory,
          ]}
          numeric={[2, 3, 5]}
          rows={model.goals.map((goal) => [
            t.indicatorName[goal.indicator],
            goal.scopeName,
            number(goal.baseline),
            number(goal.target),
            formatDate(goal.deadline, page.lang),
            <GoalProgress
              lang={page.lang}
              baseline={goal.baseline}
              target={goal.target}
              current={goal.current}
            />,
            t.goalStatus[goal.status],
            goal.history.map((point) => `${point.day}: ${number(point.value)}`).join("; "),
          ])}
        />
      ) : (
        <Paragraph>{t.noGoals}</Paragraph>
      )}
      <Paragraph>
        <Link href={`/monitor/doelen.csv?lang=${page.lang}`}>{t.downloadCsv}</Link>
      </Paragraph>
      {form ? (
        <section aria-labelledby="nieuw-doel" class="cl-section">
          <Heading level={2} id="nieuw-doel">
            {t.newGoal}
          </Heading>
          <form method="post" action="/monitor/doelen" novalidate>
            <CsrfField token={page.csrfToken} />
            <SelectField
              id="indicator"
              label={t.indicator}
              error={error("indicator")}
              value={form.values.indicator ?? ""}
              options={INDICATORS.map((indicator) => ({
                value: indicator,
                label: t.indicatorName[indicator],
              }))}
            />
            <SelectField
              id="gebied"
              label={t.scope}
              error={error("gebied")}
              value={form.values.gebied ?? ""}
              options={form.scopes}
            />
            {(["beginwaarde", "streefwaarde", "datum"] as const).map((field) => (
              <FormField
                id={field}
                label={
                  field === "beginwaarde"
                    ? t.baseline
                    : field === "streefwaarde"
                      ? t.target
                      : t.filterTo.replace(/^.*\(/, `${t.deadline} (`)
                }
                error={error(field)}
              >
                <TextInput
                  id={field}
                  name={field}
                  value={form.values[field]}
                  invalid={Boolean(error(field))}
                  describedBy={error(field) ? `${field}-error` : undefined}
                  inputmode={field === "datum" ? "text" : "numeric"}
                />
              </FormField>
            ))}
            <Button>{t.save}</Button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
};

/** A labelled native select in NLDS classes. */
export const SelectField = ({
  id,
  label,
  error,
  value,
  options,
}: {
  id: string;
  label: string;
  error?: string;
  value: string;
  options: { value: string; label: string }[];
}) => (
  <div class={`utrecht-form-field utrecht-form-field--select${error ? " utrecht-form-field--invalid" : ""}`}>
    <div class="utrecht-form-field__label">
      <label class="utrecht-form-label" for={id}>
        {label}
      </label>
    </div>
    {error ? (
      <div class="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-error`}>
        {error}
      </div>
    ) : null}
    <div class="utrecht-form-field__input">
      <select
        class={`utrecht-select utrecht-select--html-select${error ? " utrecht-select--invalid" : ""}`}
        id={id}
        name={id}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="" selected={value === ""}>
          —
        </option>
        {options.map((option) => (
          <option value={option.value} selected={option.value === value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  </div>
);
