import { format, formatDate, formatNumber } from "../../../i18n/index.js";
import {
  Button,
  CsrfField,
  describedBy,
  ErrorSummary,
  FormField,
  Heading,
  Link,
  Paragraph,
  Select,
  TextInput,
} from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import { type GoalStatus, INDICATORS, type Indicator } from "../goals.js";
import { monitoringMessages } from "../monitoring.messages.js";
import { DataTable, MonitorNav, type MonitorSection } from "./monitor-parts.js";

/** A goal as a row of the goals page or the report: current null is a hidden small number (ADR 0095). */
export type GoalView = {
  id: number;
  indicator: Indicator;
  scopeName: string;
  baseline: number;
  target: number;
  deadline: string;
  current: number | null;
  /** An outcome goal's estimated and measured parts (null: hidden); absent for a process indicator. */
  split?: { estimated: number | null; measured: number | null };
  status: GoalStatus;
  history: { day: string; value: number }[];
};

export type GoalsModel = {
  /** National goals, each with how many province and region targets break it down. */
  national: (GoalView & { parts: number })[];
  /** Indicators without a national goal: "nog geen doel gesteld", with today's figure. */
  unset: { indicator: Indicator; current: number | null; split?: GoalView["split"] }[];
  /** Goals for a province or region without a national goal above them (set before the cascade). */
  standalone: GoalView[];
  /** Present when the viewer may set national goals. */
  form?: { values: Record<string, string>; problems: FieldProblem[] };
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
  current: number | null;
}) => {
  if (current === null) return <span>{monitoringMessages[lang].suppressed}</span>;
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

/** Estimated and measured apart, or a dash for a process indicator. */
const splitCells = (lang: PageContext["lang"], split: GoalView["split"]) => {
  const t = monitoringMessages[lang];
  const shown = (value: number | null) => (value === null ? t.suppressed : formatNumber(value, lang));
  return split ? [shown(split.estimated), shown(split.measured)] : [t.notAvailable, t.notAvailable];
};

/** The head and cells of a goal row: indicator, area, baseline, target, date, now (bar), estimated, measured, status. */
export const goalHead = (t: (typeof monitoringMessages)["nl"]) => [
  t.indicator,
  t.scope,
  t.baseline,
  t.target,
  t.deadline,
  t.current,
  t.estimated,
  t.measured,
  t.status,
];
export const goalCells = (lang: PageContext["lang"], goal: GoalView) => {
  const t = monitoringMessages[lang];
  return [
    t.indicatorName[goal.indicator],
    goal.scopeName,
    formatNumber(goal.baseline, lang),
    formatNumber(goal.target, lang),
    formatDate(goal.deadline, lang),
    <GoalProgress lang={lang} baseline={goal.baseline} target={goal.target} current={goal.current} />,
    ...splitCells(lang, goal.split),
    t.goalStatus[goal.status],
  ];
};

/** /monitor/doelen: national goals with progress from live data, indicators without a goal, the form to add one. */
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
  return (
    <Layout page={page} title={t.goalsTitle} current="monitor">
      {form ? <ErrorSummary title={page.t.errors.errorSummaryTitle} problems={form.problems} /> : null}
      <Heading level={1}>{t.goalsTitle}</Heading>
      <Paragraph lead>{t.goalsIntro}</Paragraph>
      <MonitorNav lang={page.lang} current="goals" open={sections} />
      <Heading level={2}>{t.nationalGoalsHeading}</Heading>
      {model.national.length ? (
        <DataTable
          caption={t.goalsCaption}
          head={goalHead(t)}
          numeric={[2, 3, 6, 7]}
          rows={model.national.map((goal) => {
            // The indicator is the link to the goal's breakdown: no extra column, so the table fits 1,280 px.
            const [indicator, ...rest] = goalCells(page.lang, goal);
            return [
              <Link href={`/monitor/doelen/${goal.id}?lang=${page.lang}`}>
                {indicator}
                <span class="cl-visually-hidden"> ({format(t.goalLink, { id: goal.id })})</span>
              </Link>,
              ...rest,
            ];
          })}
        />
      ) : (
        <Paragraph>{t.noGoals}</Paragraph>
      )}
      {model.unset.length ? (
        <section aria-labelledby="zonder-doel" class="cl-section">
          <Heading level={2} id="zonder-doel">
            {t.unsetHeading}
          </Heading>
          <Paragraph>{t.unsetIntro}</Paragraph>
          <DataTable
            caption={t.unsetCaption}
            captionRepeatsHeading
            head={[t.indicator, t.target, t.current, t.estimated, t.measured]}
            numeric={[2, 3, 4]}
            rows={model.unset.map((row) => [
              t.indicatorName[row.indicator],
              t.noTargetYet,
              row.current === null ? t.suppressed : formatNumber(row.current, page.lang),
              ...splitCells(page.lang, row.split),
            ])}
          />
        </section>
      ) : null}
      {model.standalone.length ? (
        <section aria-labelledby="eigen-doelen" class="cl-section">
          <Heading level={2} id="eigen-doelen">
            {t.standaloneHeading}
          </Heading>
          <DataTable
            caption={t.standaloneCaption}
            captionRepeatsHeading
            head={[...goalHead(t), t.valuesHistory]}
            numeric={[2, 3, 6, 7]}
            rows={model.standalone.map((goal) => [
              ...goalCells(page.lang, goal),
              goal.history.map((point) => `${point.day}: ${formatNumber(point.value, page.lang)}`).join("; "),
            ])}
          />
        </section>
      ) : null}
      <Paragraph>{t.outcomeNote}</Paragraph>
      <Paragraph>
        <Link href={`/monitor/doelen.csv?lang=${page.lang}`}>{t.downloadCsv}</Link>
      </Paragraph>
      {form ? (
        <section aria-labelledby="nieuw-doel" class="cl-section">
          <Heading level={2} id="nieuw-doel">
            {t.newGoal}
          </Heading>
          <form method="post" action={`/monitor/doelen?lang=${page.lang}`} novalidate>
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
            <GoalFields lang={page.lang} values={form.values} error={error} />
            <Button>{t.save}</Button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
};

/** Baseline (optional), target and date: the fields of a new goal and of a change. */
const GoalFields = ({
  lang,
  values,
  error,
}: {
  lang: PageContext["lang"];
  values: Record<string, string>;
  error: (field: string) => string | undefined;
}) => {
  const t = monitoringMessages[lang];
  const labels = { beginwaarde: t.baselineOptional, streefwaarde: t.target, datum: t.deadlineField };
  return (
    <>
      {(["beginwaarde", "streefwaarde", "datum"] as const).map((field) => (
        <FormField id={field} label={labels[field]} error={error(field)}>
          <TextInput
            id={field}
            name={field}
            value={values[field]}
            invalid={Boolean(error(field))}
            describedBy={describedBy(field, false, Boolean(error(field)))}
            inputmode={field === "datum" ? "text" : "numeric"}
          />
        </FormField>
      ))}
    </>
  );
};

export type GoalPageModel = {
  goal: GoalView & { version: number; provinceTargetSum: number | null; difference: number | null };
  parts: (GoalView & { share: number | null })[];
  /** The national coordinator's form to change the goal. */
  edit?: { values: Record<string, string>; problems: FieldProblem[]; conflict: boolean };
  /** A province coordinator's form: one target field per area of theirs. */
  breakdown?: {
    areas: { code: string; label: string; value: string; version: string }[];
    problems: FieldProblem[];
    conflict: boolean;
  };
};

/** /monitor/doelen/{id}: a national goal, its breakdown rolled up under it, and the forms of who may change them. */
export const GoalPage = ({
  page,
  model,
  sections,
}: {
  page: PageContext;
  model: GoalPageModel;
  sections: MonitorSection[];
}) => {
  const t = monitoringMessages[page.lang];
  const { goal } = model;
  const number = (value: number) => formatNumber(value, page.lang);
  const problems = [...(model.edit?.problems ?? []), ...(model.breakdown?.problems ?? [])];
  const editError = (field: string) =>
    model.edit?.problems.find((problem) => problem.field === field)?.message;
  const breakdownError = (field: string) =>
    model.breakdown?.problems.find((problem) => problem.field === field)?.message;
  const title = format(t.goalTitle, { id: goal.id, indicator: t.indicatorName[goal.indicator] });
  return (
    <Layout page={page} title={title} current="monitor">
      <ErrorSummary title={page.t.errors.errorSummaryTitle} problems={problems} />
      <Heading level={1}>{title}</Heading>
      <MonitorNav lang={page.lang} current="goals" open={sections} />
      {model.edit?.conflict || model.breakdown?.conflict ? (
        <div class="utrecht-alert utrecht-alert--warning" role="alert">
          <div class="utrecht-alert__content">
            <Paragraph>{t.goalConflict}</Paragraph>
          </div>
        </div>
      ) : null}
      <DataTable
        caption={t.goalSummaryCaption}
        head={goalHead(t)}
        numeric={[2, 3, 6, 7]}
        rows={[goalCells(page.lang, goal)]}
      />
      <section aria-labelledby="verdeling" class="cl-section">
        <Heading level={2} id="verdeling">
          {t.partsHeading}
        </Heading>
        <Paragraph>{t.partsIntro}</Paragraph>
        {model.parts.length ? (
          <DataTable
            caption={t.partsCaption}
            captionRepeatsHeading
            head={[...goalHead(t), t.shareOfNational]}
            numeric={[2, 3, 6, 7, 9]}
            rows={model.parts.map((part) => [
              ...goalCells(page.lang, part),
              part.share === null ? t.notAvailable : `${number(part.share)}%`,
            ])}
          />
        ) : (
          <Paragraph>{t.noParts}</Paragraph>
        )}
        {goal.provinceTargetSum !== null && goal.difference !== null ? (
          <Paragraph>
            {format(t.partsSum, {
              sum: number(goal.provinceTargetSum),
              target: number(goal.target),
              difference: `${goal.difference > 0 ? "+" : ""}${number(goal.difference)}`,
            })}
          </Paragraph>
        ) : null}
      </section>
      {model.edit ? (
        <section aria-labelledby="wijzigen" class="cl-section">
          <Heading level={2} id="wijzigen">
            {t.editGoalHeading}
          </Heading>
          <form method="post" action={`/monitor/doelen/${goal.id}?lang=${page.lang}`} novalidate>
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="versie" value={String(goal.version)} />
            <GoalFields lang={page.lang} values={model.edit.values} error={editError} />
            <Button>{t.save}</Button>
          </form>
        </section>
      ) : null}
      {model.breakdown ? (
        <section aria-labelledby="verdelen" class="cl-section">
          <Heading level={2} id="verdelen">
            {t.breakdownHeading}
          </Heading>
          <Paragraph>{t.breakdownIntro}</Paragraph>
          <form method="post" action={`/monitor/doelen/${goal.id}/verdeling?lang=${page.lang}`} novalidate>
            <CsrfField token={page.csrfToken} />
            {model.breakdown.areas.map((area) => (
              <>
                <input type="hidden" name={`versie_${area.code}`} value={area.version} />
                <FormField
                  id={`doel_${area.code}`}
                  label={format(t.targetFor, { area: area.label })}
                  error={breakdownError(`doel_${area.code}`)}
                >
                  <TextInput
                    id={`doel_${area.code}`}
                    name={`doel_${area.code}`}
                    value={area.value}
                    invalid={Boolean(breakdownError(`doel_${area.code}`))}
                    describedBy={breakdownError(`doel_${area.code}`) ? `doel_${area.code}-error` : undefined}
                    inputmode="numeric"
                  />
                </FormField>
              </>
            ))}
            <Button>{t.save}</Button>
          </form>
        </section>
      ) : null}
      <Paragraph>{t.outcomeNote}</Paragraph>
      <Paragraph>
        <Link href={`/monitor/doelen?lang=${page.lang}`}>{t.backToGoals}</Link>
      </Paragraph>
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
      <Select
        id={id}
        name={id}
        value={value}
        options={[{ value: "", label: "—" }, ...options]}
        invalid={Boolean(error)}
        describedBy={describedBy(id, false, Boolean(error))}
      />
    </div>
  </div>
);
