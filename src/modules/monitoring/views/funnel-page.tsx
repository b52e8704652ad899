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
import { BarChart } from "./bar-chart.js";
import { DataTable, formatPercent, MonitorNav, type MonitorSection } from "./monitor-parts.js";

export type FunnelModel = {
  regions: { code: string; name: string }[];
  query: { region: string; from: string; to: string };
  scopeName: string;
  exact: boolean;
  problems: FieldProblem[];
  stages: {
    stage: FunnelStage;
    count: number | null;
    conversion: number | null;
    leadTimeDays: number | null;
  }[];
  bySource: {
    source: string | null;
    routes: number | null;
    intakes: number | null;
    conversion: number | null;
  }[];
  /** Referrals per delivery route (ADR 0086); null where a count under 5 is suppressed. */
  byDelivery?: { delivery: string; sent: number | null; answered: number | null; helped: number | null }[];
  csvHref: string;
};

/** /monitor/klantreis: the journey funnel per region and period, as a chart with its table, and by source. */
export const FunnelPage = ({
  page,
  model,
  sections,
}: {
  page: PageContext;
  model: FunnelModel;
  /** The tabs this visitor may open (see `sectionsOpenTo`). */
  sections: MonitorSection[];
}) => {
  const t = monitoringMessages[page.lang];
  const count = (value: number | null) => (value === null ? t.suppressed : formatNumber(value, page.lang));
  const error = (field: string) => model.problems.find((problem) => problem.field === field)?.message;
  const caption = format(t.funnelCaption, {
    scope: model.scopeName,
    from: model.problems.length ? model.query.from : formatDate(model.query.from, page.lang),
    to: model.problems.length ? model.query.to : formatDate(model.query.to, page.lang),
  });
  return (
    <Layout page={page} title={t.funnelTitle} current="monitor">
      <ErrorSummary title={page.t.errors.errorSummaryTitle} problems={model.problems} />
      <Heading level={1}>{t.funnelTitle}</Heading>
      <Paragraph lead>{t.funnelIntro}</Paragraph>
      <MonitorNav lang={page.lang} current="funnel" open={sections} />
      <form method="get" action="/monitor/klantreis" class="cl-filter-form" novalidate>
        <input type="hidden" name="lang" value={page.lang} />
        <div class="utrecht-form-field utrecht-form-field--select">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="regio">
              {t.filterRegion}
            </label>
          </div>
          {error("regio") ? (
            <div class="utrecht-form-field__error-message utrecht-form-field-error-message" id="regio-error">
              {error("regio")}
            </div>
          ) : null}
          <div class="utrecht-form-field__input">
            <select
              class="utrecht-select utrecht-select--html-select"
              id="regio"
              name="regio"
              aria-describedby={error("regio") ? "regio-error" : undefined}
            >
              <option value="" selected={model.query.region === ""}>
                {t.allRegions}
              </option>
              {model.regions.map((region) => (
                <option value={region.code} selected={model.query.region === region.code}>
                  {region.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <FormField id="van" label={t.filterFrom} error={error("van")}>
          <TextInput
            id="van"
            name="van"
            value={model.query.from}
            invalid={Boolean(error("van"))}
            describedBy={describedBy("van", false, Boolean(error("van")))}
          />
        </FormField>
        <FormField id="tot" label={t.filterTo} error={error("tot")}>
          <TextInput
            id="tot"
            name="tot"
            value={model.query.to}
            invalid={Boolean(error("tot"))}
            describedBy={describedBy("tot", false, Boolean(error("tot")))}
          />
        </FormField>
        <Button>{t.filterButton}</Button>
      </form>
      {model.problems.length ? null : (
        <>
          <section aria-labelledby="trechter" class="cl-section">
            <Heading level={2} id="trechter">
              {caption}
            </Heading>
            {model.exact ? null : <Paragraph small>{t.suppressedNote}</Paragraph>}
            <div class="cl-map-layout">
              <BarChart
                id="trechter-grafiek"
                title={`${t.funnelChartTitle}: ${caption}`}
                bars={model.stages.map((stage) => ({
                  label: t.stage[stage.stage],
                  value: stage.count,
                  display: count(stage.count),
                }))}
              />
              <DataTable
                caption={caption}
                head={[t.funnelStage, t.funnelCount, t.funnelConversion, t.funnelLeadTime]}
                numeric={[1, 2, 3]}
                rows={model.stages.map((stage) => [
                  t.stage[stage.stage],
                  count(stage.count),
                  formatPercent(stage.conversion, page.lang),
                  stage.leadTimeDays === null ? "–" : formatNumber(stage.leadTimeDays, page.lang),
                ])}
              />
            </div>
          </section>
          <section aria-labelledby="bronnen" class="cl-section">
            <Heading level={2} id="bronnen">
              {t.funnelBySource}
            </Heading>
            <DataTable
              caption={t.funnelSourceCaption}
              head={[t.source, t.stage.route_shown, t.stage.intake_requested, t.funnelConversion]}
              numeric={[1, 2, 3]}
              rows={model.bySource.map((row) => [
                row.source ?? t.noSource,
                count(row.routes),
                count(row.intakes),
                formatPercent(row.conversion, page.lang),
              ])}
            />
          </section>
          {model.byDelivery?.length ? (
            <section aria-labelledby="bezorgroutes" class="cl-section">
              <Heading level={2} id="bezorgroutes">
                {t.funnelByDelivery}
              </Heading>
              <Paragraph>{t.funnelByDeliveryIntro}</Paragraph>
              <DataTable
                caption={t.funnelDeliveryCaption}
                head={[t.deliveryRoute, t.deliverySent, t.deliveryAnswered, t.deliveryHelped]}
                numeric={[1, 2, 3]}
                rows={model.byDelivery.map((row) => [
                  (t.delivery as Record<string, string>)[row.delivery] ?? row.delivery,
                  count(row.sent),
                  count(row.answered),
                  count(row.helped),
                ])}
              />
            </section>
          ) : null}
          <Paragraph>
            <Link href={model.csvHref}>{t.downloadCsv}</Link>
          </Paragraph>
        </>
      )}
    </Layout>
  );
};
