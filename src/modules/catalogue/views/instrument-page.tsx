import { format } from "../../../i18n/index.js";
import { Heading, Link, ListItem, Paragraph, UnorderedList } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import { AlertSubscribeBox } from "../../alerts/index.js";
import { catalogueMessages } from "../catalogue.messages.js";
import { StatusBadge } from "./status-badge.js";

export type InstrumentPageModel = {
  name: string;
  summary: string;
  description: string;
  audience: string;
  sizeClasses: string[];
  phases: string[];
  consortiumRules?: string;
  benefit: string;
  money: { label: string; value: string }[];
  conditions: string;
  status: string;
  statusLabel: string;
  statusNote?: string;
  windowOpen?: string;
  windowClose?: string;
  certainty?: string;
  lastVerified: string;
  /** Checked more than twelve months ago: "Gecontroleerd op … — controleer de actuele stand bij de aanbieder". */
  staleNotice?: string;
  /** For verwacht: the expected window and the advice to prepare now. */
  expected?: { window: string; advice: string };
  pastWindows: string[];
  reach?: { text: string; source: string };
  generalFinance: boolean;
  howToApply: string;
  website?: string;
  provider: { name: string; description: string; website?: string; email?: string; phone?: string };
  partners: string[];
  coverageText: string;
  places: string[];
  journeySteps: string[];
  themes: string[];
  rStrategies: string[];
  evidence?: { text: string; source: string };
  related: { slug: string; name: string; statusLabel: string; status: string }[];
  /** The alerts sign-up for this scheme (ADR 0092), when it has rounds to be told about. */
  alertsHref?: string;
};

/** /aanbod/{slug}: everything needed to decide and act. */
export const InstrumentPage = ({ page, model }: { page: PageContext; model: InstrumentPageModel }) => {
  const t = catalogueMessages[page.lang];
  return (
    <Layout page={page} title={model.name} current="catalogue">
      <Paragraph>
        <Link href="/aanbod">{t.backToSearch}</Link>
      </Paragraph>
      <Heading level={1}>{model.name}</Heading>
      <Paragraph lead>{model.summary}</Paragraph>
      <Paragraph>
        <StatusBadge status={model.status} label={model.statusLabel} />
        {/* A stale listing says its date in the notice below; once is enough. */}
        {model.staleNotice ? null : (
          <>
            {" "}
            <span class="cl-muted">{format(t.lastVerified, { date: model.lastVerified })}</span>
          </>
        )}
      </Paragraph>
      {model.expected ? (
        <Paragraph>
          <strong>{model.expected.window}</strong> {model.expected.advice}
        </Paragraph>
      ) : null}
      {model.staleNotice ? <Paragraph>{model.staleNotice}</Paragraph> : null}
      {model.generalFinance ? <Paragraph>{t.generalFinance}</Paragraph> : null}
      <div class="cl-instrument cl-section">
        <div class="cl-instrument__main">
          <section aria-labelledby="wat">
            <Heading level={2} id="wat">
              {t.whatIsIt}
            </Heading>
            <Paragraph>{model.description}</Paragraph>
          </section>
          <section aria-labelledby="voor-wie">
            <Heading level={2} id="voor-wie">
              {t.forWhom}
            </Heading>
            <Paragraph>{model.audience}</Paragraph>
            <dl class="cl-facts">
              <dt>{t.sizeClasses}</dt>
              <dd>{model.sizeClasses.join(", ")}</dd>
              <dt>{t.phases}</dt>
              <dd>{model.phases.join(", ")}</dd>
              {model.consortiumRules ? (
                <>
                  <dt>{t.consortium}</dt>
                  <dd>{model.consortiumRules}</dd>
                </>
              ) : null}
            </dl>
          </section>
          <section aria-labelledby="wat-krijgt-u">
            <Heading level={2} id="wat-krijgt-u">
              {t.whatYouGet}
            </Heading>
            <Paragraph>{model.benefit}</Paragraph>
            {model.money.length ? (
              <dl class="cl-facts">
                {model.money.map((fact) => (
                  <>
                    <dt>{fact.label}</dt>
                    <dd>{fact.value}</dd>
                  </>
                ))}
              </dl>
            ) : null}
          </section>
          <section aria-labelledby="voorwaarden">
            <Heading level={2} id="voorwaarden">
              {t.conditions}
            </Heading>
            <Paragraph>{model.conditions}</Paragraph>
          </section>
          <section aria-labelledby="status">
            <Heading level={2} id="status">
              {t.statusAndWindow}
            </Heading>
            <dl class="cl-facts">
              <dt>{t.status}</dt>
              <dd>
                <StatusBadge status={model.status} label={model.statusLabel} />
              </dd>
              {model.windowOpen ? (
                <>
                  <dt>{t.windowOpen}</dt>
                  <dd>{model.windowOpen}</dd>
                </>
              ) : null}
              {model.windowClose ? (
                <>
                  <dt>{t.windowClose}</dt>
                  <dd>{model.windowClose}</dd>
                </>
              ) : null}
            </dl>
            {model.statusNote ? <Paragraph>{model.statusNote}</Paragraph> : null}
            {model.pastWindows.length ? (
              <>
                <Heading level={3}>{t.pastWindows}</Heading>
                <ul class="utrecht-unordered-list">
                  {model.pastWindows.map((window) => (
                    <li class="utrecht-unordered-list__item">{window}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {model.certainty ? (
              <>
                <Heading level={3}>{t.certainty}</Heading>
                <Paragraph>{model.certainty}</Paragraph>
              </>
            ) : null}
            <Paragraph small>{format(t.lastVerified, { date: model.lastVerified })}</Paragraph>
          </section>
          <section aria-labelledby="aanvragen">
            <Heading level={2} id="aanvragen">
              {t.howToApply}
            </Heading>
            <Paragraph>{model.howToApply}</Paragraph>
            {model.website ? (
              <Paragraph>
                <a class="utrecht-link utrecht-link--html-a" href={model.website} rel="noopener">
                  {t.website} <span class="cl-muted">{t.externalSite}</span>
                </a>
              </Paragraph>
            ) : null}
          </section>
          {model.alertsHref ? <AlertSubscribeBox lang={page.lang} href={model.alertsHref} /> : null}
          <section aria-labelledby="effect">
            <Heading level={2} id="effect">
              {t.evidence}
            </Heading>
            {model.evidence ? (
              <>
                <Paragraph>{model.evidence.text}</Paragraph>
                <Paragraph small>
                  {t.evidenceSource}: {model.evidence.source}
                </Paragraph>
              </>
            ) : (
              <Paragraph>{t.noEvidence}</Paragraph>
            )}
            {model.reach ? (
              <>
                <Paragraph>{format(t.reach, { text: model.reach.text })}</Paragraph>
                <Paragraph small>
                  {t.evidenceSource}: {model.reach.source}
                </Paragraph>
              </>
            ) : null}
          </section>
        </div>
        <div class="cl-instrument__aside">
          <section aria-labelledby="aanbieder">
            <Heading level={2} id="aanbieder">
              {t.provider}
            </Heading>
            <Paragraph>
              <strong>{model.provider.name}</strong>
            </Paragraph>
            <Paragraph>{model.provider.description}</Paragraph>
            {model.partners.length ? (
              <Paragraph>
                {t.partners}: {model.partners.join(", ")}
              </Paragraph>
            ) : null}
            <Heading level={3}>{t.contact}</Heading>
            {model.provider.email || model.provider.phone ? (
              <UnorderedList>
                {model.provider.email ? (
                  <ListItem>
                    <Link href={`mailto:${model.provider.email}`}>{model.provider.email}</Link>
                  </ListItem>
                ) : null}
                {model.provider.phone ? <ListItem>{model.provider.phone}</ListItem> : null}
              </UnorderedList>
            ) : (
              <Paragraph>{t.noContact}</Paragraph>
            )}
            {model.provider.website ? (
              <Paragraph>
                <a class="utrecht-link utrecht-link--html-a" href={model.provider.website} rel="noopener">
                  {model.provider.website.replace(/^https?:\/\//, "")}
                </a>
              </Paragraph>
            ) : null}
          </section>
          <section aria-labelledby="waar">
            <Heading level={2} id="waar">
              {t.whereItApplies}
            </Heading>
            <Paragraph>{model.coverageText}</Paragraph>
            {model.places.length ? (
              <UnorderedList>
                {model.places.map((place) => (
                  <ListItem>{place}</ListItem>
                ))}
              </UnorderedList>
            ) : null}
          </section>
          <section aria-labelledby="past-bij">
            <Heading level={2} id="past-bij">
              {t.fitsWith}
            </Heading>
            <dl class="cl-facts">
              <dt>{t.journeySteps}</dt>
              <dd>{model.journeySteps.join(", ")}</dd>
              {model.themes.length ? (
                <>
                  <dt>{t.themes}</dt>
                  <dd>{model.themes.join(", ")}</dd>
                </>
              ) : null}
              {model.rStrategies.length ? (
                <>
                  <dt>{t.rStrategies}</dt>
                  <dd>{model.rStrategies.join(", ")}</dd>
                </>
              ) : null}
            </dl>
          </section>
          {model.related.length ? (
            <section aria-labelledby="vergelijkbaar">
              <Heading level={2} id="vergelijkbaar">
                {t.related}
              </Heading>
              <ul class="cl-plain-list">
                {model.related.map((item) => (
                  <li>
                    <Link href={`/aanbod/${item.slug}`}>{item.name}</Link>{" "}
                    <StatusBadge status={item.status} label={item.statusLabel} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </div>
    </Layout>
  );
};
