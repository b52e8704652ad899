import { Heading, Link, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import { knowledgeMessages } from "../knowledge.messages.js";
import type { ExampleDetailModel } from "../knowledge.presenters.js";
import { LinkList } from "./filter-fields.js";
import { SourceList } from "./source-list.js";

/** /voorbeelden/{slug}: one practice example with what they did, the result, support used and sources. */
export const ExamplePage = ({ page, model }: { page: PageContext; model: ExampleDetailModel }) => {
  const t = knowledgeMessages[page.lang];
  return (
    <Layout page={page} title={model.title} current="examples">
      <Paragraph>
        <Link href="/voorbeelden">{t.allExamples}</Link>
      </Paragraph>
      <Heading level={1}>{model.title}</Heading>
      <dl class="cl-facts">
        <dt>{t.company}</dt>
        <dd>{model.company}</dd>
        <dt>{t.sector}</dt>
        <dd>{model.sectorName}</dd>
        {model.areaName ? (
          <>
            <dt>{t.area}</dt>
            <dd>{model.areaName}</dd>
          </>
        ) : null}
        <dt>{t.strategies}</dt>
        <dd>{model.strategies.join(", ")}</dd>
        <dt>{t.theme}</dt>
        <dd>{model.themes.join(", ")}</dd>
        {model.year ? (
          <>
            <dt>{t.since}</dt>
            <dd>{model.year}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="wat-ze-deden" class="cl-section">
        <Heading level={2} id="wat-ze-deden">
          {t.whatTheyDid}
        </Heading>
        <Paragraph>{model.whatTheyDid}</Paragraph>
      </section>
      <section aria-labelledby="resultaat" class="cl-section">
        <Heading level={2} id="resultaat">
          {t.result}
        </Heading>
        <Paragraph>{model.result}</Paragraph>
      </section>
      {model.instruments.length ? (
        <section aria-labelledby="ondersteuning" class="cl-section">
          <Heading level={2} id="ondersteuning">
            {t.instrumentsUsed}
          </Heading>
          <LinkList links={model.instruments} />
        </section>
      ) : null}
      {model.sectorPackage ? (
        <Paragraph>
          <Link href={model.sectorPackage.href}>{model.sectorPackage.text}</Link>
        </Paragraph>
      ) : null}
      <section aria-labelledby="bronnen" class="cl-section">
        <Heading level={2} id="bronnen">
          {t.sources}
        </Heading>
        <Paragraph small>{t.sourcesNote}</Paragraph>
        <SourceList sources={model.sources} pageLang={page.lang} />
      </section>
    </Layout>
  );
};
