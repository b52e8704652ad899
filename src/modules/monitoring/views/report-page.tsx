import type { Child } from "hono/jsx";
import { format, formatDate, formatNumber } from "../../../i18n/index.js";
import {
  Button,
  describedBy,
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
import type { FunnelStage } from "../funnel.js";
import { monitoringMessages } from "../monitoring.messages.js";
import { type GoalView, goalCells, goalHead, SelectField } from "./goals-page.js";
import { DataTable, formatPercent, MonitorNav, type MonitorSection } from "./monitor-parts.js";

/** The report as the page shows it: the figures of `buildReport`, with names resolved by the route. */
export type ReportModel = {
  query: { periode: string; gebied: string };
  areas: { value: string; label: string }[];
  problems: FieldProblem[];
  report?: {
    areaName: string;
    periodName: string;
    periodDays: { from: string; to: string };
    csvHref: string;
    stars: {
      code: string;
      name: string;
      start: number | null;
      end: number | null;
      change: number | null;
    }[];
    gaps: { code: string; name: string; cells: string[] }[];
    gapEntries: {
      regionName: string;
      cell: string;
      owner: string;
      decision: string;
      deadline: string | null;
      status: string;
    }[];
    funnel: { stage: FunnelStage; count: number | null; conversion: number | null }[];
    goals: GoalView[];
    unset: { indicator: GoalView["indicator"]; current: number | null }[];
    effectiveness: {
      name: string;
      referrals: number | null;
      outcomes: number | null;
      helpedRate: number | null;
    }[];
    barriers: { theme: string; status: string; count: number; bodies: string }[];
  };
};

/** One section of the report: a heading of its own, and on paper a new page (the print stylesheet, app.css). */
const ReportSection = ({ id, heading, children }: { id: string; heading: string; children: Child }) => (
  <section aria-labelledby={id} class="cl-section cl-report-section">
    <Heading level={2} id={id}>
      {heading}
    </Heading>
    {children}
  </section>
);

/** A table of the report, or the sentence that says there is nothing to show. */
const ReportTable = ({ empty, ...table }: Parameters<typeof DataTable>[0] & { empty: string }) =>
  table.rows.length ? <DataTable {...table} /> : <Paragraph>{empty}</Paragraph>;

/** /monitor/rapport: the coordinator's printable report of an area over a quarter or a year (ADR 0095). */
export const ReportPage = ({
  page,
  model,
  sections,
}: {
  page: PageContext;
  model: ReportModel;
  sections: MonitorSection[];
}) => {
  const t = monitoringMessages[page.lang];
  const error = (field: string) => model.problems.find((problem) => problem.field === field)?.message;
  const number = (value: number | null) => (value === null ? t.suppressed : formatNumber(value, page.lang));
  const known = (value: number | null) => (value === null ? t.notKnown : formatNumber(value, page.lang));
  const report = model.report;
  const title = report
    ? format(t.reportHeading, { area: report.areaName, period: report.periodName })
    : t.reportTitle;
  return (
    <Layout page={page} title={title} current="monitor">
      <ErrorSummary title={page.t.errors.errorSummaryTitle} problems={model.problems} />
      <div class="cl-report">
        <Heading level={1}>{title}</Heading>
        {report ? (
          <Paragraph lead>
            {format(t.periodDays, {
              from: formatDate(report.periodDays.from, page.lang),
              to: formatDate(report.periodDays.to, page.lang),
            })}
          </Paragraph>
        ) : null}
        <MonitorNav lang={page.lang} current="report" open={sections} />
        <div class="cl-report-tools">
          <Paragraph>{t.reportIntro}</Paragraph>
          <form method="get" action="/monitor/rapport" novalidate>
            <input type="hidden" name="lang" value={page.lang} />
            <FormField id="periode" label={t.reportPeriod} error={error("periode")}>
              <TextInput
                id="periode"
                name="periode"
                value={model.query.periode}
                invalid={Boolean(error("periode"))}
                describedBy={describedBy("periode", false, Boolean(error("periode")))}
              />
            </FormField>
            <SelectField
              id="gebied"
              label={t.reportArea}
              error={error("gebied")}
              value={model.query.gebied}
              options={model.areas}
            />
            <Button>{t.reportShow}</Button>
          </form>
          {report ? (
            <>
              <Paragraph>{t.reportPrint}</Paragraph>
              <Paragraph>
                <Link href={report.csvHref}>{t.reportCsv}</Link>
              </Paragraph>
            </>
          ) : null}
        </div>
        {report ? (
          <>
            <ReportSection id="rapport-sterren" heading={t.reportStarsHeading}>
              <DataTable
                caption={t.reportStarsCaption}
                captionRepeatsHeading
                head={[t.region, t.starsAtStart, t.starsAtEnd, t.starsChange]}
                numeric={[1, 2, 3]}
                rows={report.stars.map((row) => [
                  `${row.name} (${row.code})`,
                  known(row.start),
                  known(row.end),
                  row.change === null ? t.notKnown : `${row.change > 0 ? "+" : ""}${row.change}`,
                ])}
              />
              <Paragraph>{t.starsHistoryNote}</Paragraph>
            </ReportSection>
            <ReportSection id="rapport-dekking" heading={t.reportCoverageHeading}>
              <DataTable
                caption={t.reportGapsCaption}
                head={[t.region, t.gaps, t.reportGapCells]}
                numeric={[1]}
                rows={report.gaps.map((row) => [
                  `${row.name} (${row.code})`,
                  formatNumber(row.cells.length, page.lang),
                  row.cells.join("; ") || t.notAvailable,
                ])}
              />
              <Heading level={3}>{t.reportGapEntriesHeading}</Heading>
              <ReportTable
                caption={t.reportGapEntriesCaption}
                captionRepeatsHeading
                head={[t.region, t.reportGapCells, t.gapOwner, t.gapDecision, t.gapDeadline, t.status]}
                rows={report.gapEntries.map((entry) => [
                  entry.regionName,
                  entry.cell,
                  entry.owner,
                  entry.decision,
                  entry.deadline ? formatDate(entry.deadline, page.lang) : t.notAvailable,
                  entry.status,
                ])}
                empty={t.reportNoGapEntries}
              />
            </ReportSection>
            <ReportSection id="rapport-klantreis" heading={t.reportFunnelHeading}>
              <DataTable
                caption={format(t.funnelCaption, {
                  scope: report.areaName,
                  from: formatDate(report.periodDays.from, page.lang),
                  to: formatDate(report.periodDays.to, page.lang),
                })}
                head={[t.funnelStage, t.funnelCount, t.funnelConversion]}
                numeric={[1, 2]}
                rows={report.funnel.map((row) => [
                  t.stage[row.stage],
                  number(row.count),
                  formatPercent(row.conversion, page.lang),
                ])}
              />
            </ReportSection>
            <ReportSection id="rapport-doelen" heading={t.reportGoalsHeading}>
              <ReportTable
                caption={t.reportGoalsCaption}
                captionRepeatsHeading
                head={goalHead(t)}
                numeric={[2, 3, 6, 7]}
                rows={report.goals.map((goal) => goalCells(page.lang, goal))}
                empty={t.reportNoGoals}
              />
              {report.unset.length ? (
                <DataTable
                  caption={t.unsetCaption}
                  head={[t.indicator, t.target, t.current]}
                  numeric={[2]}
                  rows={report.unset.map((row) => [
                    t.indicatorName[row.indicator],
                    t.noTargetYet,
                    number(row.current),
                  ])}
                />
              ) : null}
            </ReportSection>
            <ReportSection id="rapport-effect" heading={t.reportEffectHeading}>
              <ReportTable
                caption={t.reportEffectCaption}
                captionRepeatsHeading
                head={[t.instrument, t.referrals, t.outcomes, t.helpedRate]}
                numeric={[1, 2, 3]}
                rows={report.effectiveness.map((row) => [
                  row.name,
                  number(row.referrals),
                  number(row.outcomes),
                  formatPercent(row.helpedRate, page.lang),
                ])}
                empty={t.noReferrals}
              />
            </ReportSection>
            <ReportSection id="rapport-belemmeringen" heading={t.reportBarriersHeading}>
              <ReportTable
                caption={t.reportBarriersCaption}
                captionRepeatsHeading
                head={[t.barrierTheme, t.barrierStatus, t.count, t.barrierBodies]}
                numeric={[2]}
                rows={report.barriers.map((row) => [
                  row.theme,
                  row.status,
                  formatNumber(row.count, page.lang),
                  row.bodies || t.notAvailable,
                ])}
                empty={t.reportNoBarriers}
              />
            </ReportSection>
          </>
        ) : null}
      </div>
    </Layout>
  );
};
