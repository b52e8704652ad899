import { Heading, Link, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import { knowledgeMessages } from "../knowledge.messages.js";
import type { RoadmapModel } from "../knowledge.presenters.js";
import { LinkList } from "./filter-fields.js";
import { SourceList } from "./source-list.js";

/** /routekaarten: the roadmaps per sector and product group. */
export const RoadmapsPage = ({ page, roadmaps }: { page: PageContext; roadmaps: RoadmapModel[] }) => {
  const t = knowledgeMessages[page.lang];
  return (
    <Layout page={page} title={t.roadmapsTitle} current="sectors">
      <Heading level={1}>{t.roadmapsTitle}</Heading>
      <Paragraph lead>{t.roadmapsIntro}</Paragraph>
      <ul class="cl-plain-list cl-card-list">
        {roadmaps.map((roadmap) => (
          <li class="cl-card">
            <Heading level={2}>
              <Link href={roadmap.href}>{roadmap.title}</Link>
            </Heading>
            <Paragraph>{roadmap.intro}</Paragraph>
            {roadmap.measurePackage ? (
              <Paragraph small>
                <Link href={roadmap.measurePackage.href}>{roadmap.measurePackage.text}</Link>
              </Paragraph>
            ) : null}
          </li>
        ))}
      </ul>
    </Layout>
  );
};

/** /routekaarten/{slug}: goals and actions per decision horizon, actions per scale level with their links. */
export const RoadmapPage = ({ page, model }: { page: PageContext; model: RoadmapModel }) => {
  const t = knowledgeMessages[page.lang];
  return (
    <Layout page={page} title={model.title} current="sectors">
      <Paragraph>
        <Link href="/routekaarten">{t.allRoadmaps}</Link>
      </Paragraph>
      <Heading level={1}>{model.title}</Heading>
      <Paragraph lead>{model.intro}</Paragraph>
      {model.measurePackage ? (
        <Paragraph>
          <Link href={model.measurePackage.href}>{model.measurePackage.text}</Link>
        </Paragraph>
      ) : null}
      {model.horizons.map((horizon) => (
        <section aria-labelledby={`termijn-${horizon.horizon}`} class="cl-section cl-card">
          <Heading level={2} id={`termijn-${horizon.horizon}`}>
            {horizon.label}
          </Heading>
          <Heading level={3}>{t.goals}</Heading>
          <ul class="utrecht-unordered-list">
            {horizon.goals.map((goal) => (
              <li class="utrecht-unordered-list__item">{goal}</li>
            ))}
          </ul>
          <Heading level={3}>{t.actions}</Heading>
          <ul class="cl-plain-list">
            {horizon.actions.map((action) => (
              <li class="cl-roadmap-action">
                <Paragraph>
                  <strong>{action.scale}:</strong> {action.text}
                </Paragraph>
                <dl class="cl-facts">
                  {action.measures.length ? (
                    <>
                      <dt>{t.linkedMeasures}</dt>
                      <dd>
                        <LinkList links={action.measures} />
                      </dd>
                    </>
                  ) : null}
                  {action.instruments.length ? (
                    <>
                      <dt>{t.instruments}</dt>
                      <dd>
                        <LinkList links={action.instruments} />
                      </dd>
                    </>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="bronnen" class="cl-section">
        <Heading level={2} id="bronnen">
          {t.sources}
        </Heading>
        <SourceList sources={model.sources} pageLang={page.lang} />
      </section>
    </Layout>
  );
};
