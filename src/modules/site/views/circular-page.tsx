import { type Lang, pick } from "../../../i18n/index.js";
import { Heading, Link, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import type { RLadderStep } from "../../reference/index.js";
import { siteMessages } from "../site.messages.js";

/** A practice example as the page shows it: from data/knowledge/examples.json, never written here. */
export type CircularExample = {
  href: string;
  title: string;
  company: string;
  strategies: string[];
  whatTheyDid: string;
};

export type CircularPageModel = { ladder: RLadderStep[]; examples: CircularExample[] };

/** The R-ladder's rungs under their three groups, in ladder order. */
function groups(ladder: RLadderStep[], lang: Lang) {
  const byGroup = new Map<string, RLadderStep[]>();
  for (const step of ladder) {
    const name = pick(step.group, lang);
    byGroup.set(name, [...(byGroup.get(name) ?? []), step]);
  }
  return [...byGroup.entries()];
}

/** /circulair-ondernemen: what circular business is, in plain words, with the R-ladder and three real examples. */
export const CircularPage = ({ page, model }: { page: PageContext; model: CircularPageModel }) => {
  const t = siteMessages[page.lang].circular;
  return (
    <Layout page={page} title={t.title}>
      <article class="cl-stack">
        <Heading level={1}>{t.title}</Heading>
        <Paragraph lead>{t.lead}</Paragraph>
        <Heading level={2}>{t.plainHeading}</Heading>
        <Paragraph>{t.plain1}</Paragraph>
        <Paragraph>{t.plain2}</Paragraph>
        <Paragraph>{t.plain3}</Paragraph>

        <section aria-labelledby="r-ladder" class="cl-section">
          <Heading level={2} id="r-ladder">
            {t.ladderHeading}
          </Heading>
          <Paragraph>{t.ladderIntro}</Paragraph>
          {groups(model.ladder, page.lang).map(([group, steps]) => (
            <>
              <Heading level={3}>{group}</Heading>
              <dl class="cl-facts" data-r-ladder={steps.map((step) => step.code).join(" ")}>
                {steps.map((step) => (
                  <>
                    <dt>
                      {step.code} {pick(step.name, page.lang)}
                    </dt>
                    <dd>{pick(step.description, page.lang)}</dd>
                  </>
                ))}
              </dl>
            </>
          ))}
          <Paragraph small>{t.ladderSource}</Paragraph>
        </section>

        {model.examples.length ? (
          <section aria-labelledby="voorbeelden" class="cl-section">
            <Heading level={2} id="voorbeelden">
              {t.examplesHeading}
            </Heading>
            <Paragraph>{t.examplesIntro}</Paragraph>
            <ul class="cl-plain-list cl-card-list">
              {model.examples.map((example) => (
                <li class="cl-card" data-example={example.href}>
                  <Heading level={3}>
                    <Link href={example.href}>{example.title}</Link>
                  </Heading>
                  <dl class="cl-facts">
                    <dt>{t.company}</dt>
                    <dd>{example.company}</dd>
                    <dt>{t.strategies}</dt>
                    <dd>{example.strategies.join(", ")}</dd>
                    <dt>{t.whatTheyDid}</dt>
                    <dd>{example.whatTheyDid}</dd>
                  </dl>
                </li>
              ))}
            </ul>
            <Paragraph>
              <Link href="/voorbeelden">{t.moreExamples}</Link>
            </Paragraph>
          </section>
        ) : null}

        <section aria-labelledby="beginnen" class="cl-section">
          <Heading level={2} id="beginnen">
            {t.nextHeading}
          </Heading>
          <Paragraph>{t.next}</Paragraph>
          <Paragraph>
            <Link href="/">{t.nextLink}</Link>
          </Paragraph>
        </section>
      </article>
    </Layout>
  );
};
