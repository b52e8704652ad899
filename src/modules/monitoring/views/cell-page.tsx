import { format, plural } from "../../../i18n/index.js";
import { Heading, Link, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import { label } from "../../catalogue/index.js";
import type { JourneyStep, Phase } from "../../vocabulary/index.js";
import { monitoringMessages } from "../monitoring.messages.js";
import { DataTable } from "./monitor-parts.js";

export type CellModel = {
  regionCode: string;
  regionName: string;
  step: JourneyStep;
  phase: Phase;
  instruments: { slug: string; name: string; kind: string }[];
};

/** /monitor/regio/{code}/cel: the instruments behind one cell of the matrix. */
export const CellPage = ({ page, model }: { page: PageContext; model: CellModel }) => {
  const t = monitoringMessages[page.lang];
  const title = format(t.cellTitle, {
    step: t.step[model.step],
    phase: t.phase[model.phase],
    name: model.regionName,
  });
  return (
    <Layout page={page} title={title} current="monitor">
      <Paragraph>
        <Link href={`/monitor/regio/${model.regionCode}`}>
          {format(t.backToRegion, { name: model.regionName })}
        </Link>
      </Paragraph>
      <Heading level={1}>{title}</Heading>
      {model.instruments.length ? (
        <>
          <Paragraph lead>{plural(page.lang, model.instruments.length, t.cellIntro)}</Paragraph>
          <DataTable
            caption={title}
            captionRepeatsHeading
            head={[t.instrument, t.kindLabel]}
            rows={model.instruments.map((instrument) => [
              <Link href={`/aanbod/${instrument.slug}`}>{instrument.name}</Link>,
              label("kind", instrument.kind, page.lang),
            ])}
          />
        </>
      ) : (
        <Paragraph lead>{t.cellEmpty}</Paragraph>
      )}
    </Layout>
  );
};
