import { formatNumber } from "../../../i18n/index.js";
import { Heading, Link, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import { monitoringMessages } from "../monitoring.messages.js";
import { DataTable, formatPercent, MonitorNav, type MonitorSection } from "./monitor-parts.js";

export type EffectivenessModel = {
  exact: boolean;
  rows: {
    name: string;
    referrals: number | null;
    outcomes: number | null;
    helpedRate: number | null;
    medianDaysToOutcome: number | null;
    declineReasons: { reason: string; count: number | null }[];
    provenEffective: boolean;
  }[];
};

/** /monitor/effect: per instrument referrals, outcome rate, time to outcome, decline reasons, the label. */
export const EffectivenessPage = ({
  page,
  model,
  sections,
}: {
  page: PageContext;
  model: EffectivenessModel;
  /** The tabs this visitor may open (see `sectionsOpenTo`). */
  sections: MonitorSection[];
}) => {
  const t = monitoringMessages[page.lang];
  const count = (value: number | null) => (value === null ? t.suppressed : formatNumber(value, page.lang));
  return (
    <Layout page={page} title={t.effectivenessTitle} current="monitor">
      <Heading level={1}>{t.effectivenessTitle}</Heading>
      <Paragraph lead>{t.effectivenessIntro}</Paragraph>
      <MonitorNav lang={page.lang} current="effectiveness" open={sections} />
      {model.exact ? null : <Paragraph small>{t.suppressedNote}</Paragraph>}
      {model.rows.length ? (
        <DataTable
          caption={t.effectivenessCaption}
          head={[t.instrument, t.referrals, t.outcomes, t.helpedRate, t.medianDays, t.declineReasons]}
          numeric={[1, 2, 3, 4]}
          rows={model.rows.map((row) => [
            <span>
              {row.name}
              {row.provenEffective ? (
                <>
                  {" "}
                  <span class="utrecht-badge-status utrecht-badge-status--safe">{t.provenEffective}</span>
                </>
              ) : null}
            </span>,
            count(row.referrals),
            count(row.outcomes),
            formatPercent(row.helpedRate, page.lang),
            row.medianDaysToOutcome === null ? "–" : formatNumber(row.medianDaysToOutcome, page.lang),
            row.declineReasons.map((reason) => `${reason.reason}: ${count(reason.count)}`).join("; "),
          ])}
        />
      ) : (
        <Paragraph>{t.noReferrals}</Paragraph>
      )}
      <Paragraph>
        <Link href={`/monitor/effect.csv?lang=${page.lang}`}>{t.downloadCsv}</Link>
      </Paragraph>
    </Layout>
  );
};
