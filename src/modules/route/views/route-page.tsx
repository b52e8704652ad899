import type { Child } from "hono/jsx";
import { format, plural } from "../../../i18n/index.js";
import { ButtonLink, Heading, Link, Paragraph } from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import { Layout } from "../../../web/layout.js";
import { AlertSubscribeBox } from "../../alerts/index.js";
import { CompareForm, InstrumentCard } from "../../catalogue/index.js";
import { IntakeRouteNote, LoketCard, type LoketViewModel } from "../../regions/index.js";
import { routeMessages } from "../route.messages.js";
import type { RouteView } from "../route.present.js";

export type RoutePageModel = {
  municipalityName: string;
  /** "Scheveningen ligt in de gemeente Den Haag.", when the visitor typed a place name. */
  placeNote?: string;
  sectorName: string;
  regionCode: string;
  regionName: string;
  route: RouteView;
  loket: LoketViewModel;
  /** "Vraag een gesprek aan": the regional intake with this route as context, or the national fallback's page. */
  conversationHref: string;
  /** The barrier form with the route's municipality filled in. */
  barrierHref: string;
  /** Practice examples and measure packages from the knowledge module, when it supplies them. */
  knowledge: Child | null;
  /** "Bewaar als Mijn route": the mijn-route module's form, when the composition root gives it (ADR 0091). */
  saveRoute?: Child | null;
  /** /route only: the scan, prefilled with municipality and sector. */
  tellMoreHref?: string;
  /** /scan/resultaat only: the answers, a link to change them and the result's own address. */
  answers?: { label: string; value: string }[];
  changeHref?: string;
  shareUrl?: string;
  /** The alerts sign-up for this route's criteria (ADR 0092). */
  alertsHref?: string;
};

/** /route and /scan/resultaat/{id}: phase, next step, ranked support with reasons, the loket and what to do next. */
export const RoutePage = ({ page, model }: { page: PageContext; model: RoutePageModel }) => {
  const t = routeMessages[page.lang].route;
  const { route } = model;
  const title = model.answers ? t.resultTitle : t.title;
  return (
    <Layout page={page} title={title} description={page.t.meta.descriptions.route}>
      <Heading level={1}>{title}</Heading>
      <Paragraph lead>
        {model.placeNote ? `${model.placeNote} ` : ""}
        {format(t.lead, { municipality: model.municipalityName, sector: model.sectorName.toLowerCase() })}
      </Paragraph>

      <div class="cl-columns cl-route-summary">
        <section aria-labelledby="fase" class="cl-card">
          <Heading level={2} id="fase">
            {format(t.phaseHeading, { phase: route.phase })}
          </Heading>
          <Paragraph>{route.phaseMeaning}</Paragraph>
          {route.phaseAssumed && !model.tellMoreHref ? <Paragraph>{t.phaseAssumed}</Paragraph> : null}
        </section>
        <section aria-labelledby="volgende-stap" class="cl-card">
          <Heading level={2} id="volgende-stap">
            {format(t.nextStepHeading, { step: route.nextStep.toLowerCase() })}
          </Heading>
          <Paragraph>{route.nextStepMeaning}</Paragraph>
        </section>
      </div>

      {model.tellMoreHref ? (
        <div class="cl-section cl-no-print" id="snelle-route">
          {route.phaseAssumed ? (
            <Paragraph>
              {format(t.quickRouteAssumed, { phase: route.phase })}{" "}
              <Link href={model.tellMoreHref}>{t.quickRouteLink}</Link>
            </Paragraph>
          ) : (
            <Paragraph>{t.tellMoreIntro}</Paragraph>
          )}
          <ButtonLink href={model.tellMoreHref} secondary>
            {t.tellMore}
          </ButtonLink>
        </div>
      ) : null}

      <section aria-labelledby="aanbod" class="cl-section">
        <Heading level={2} id="aanbod">
          {t.recommendationsHeading}
        </Heading>
        {route.recommendations.length ? (
          <>
            <Paragraph>
              {plural(page.lang, route.eligibleCount, t.recommendationsIntro, {
                shown: route.recommendations.length,
              })}
            </Paragraph>
            {route.commonReasons.length ? (
              <>
                <p class="utrecht-paragraph" id="gemeenschappelijk">
                  {t.commonReasonsLead}
                </p>
                <ul
                  class="utrecht-unordered-list"
                  aria-labelledby="gemeenschappelijk"
                  data-route="common-reasons"
                >
                  {route.commonReasons.map((reason) => (
                    <li class="utrecht-unordered-list__item">{reason}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <CompareForm lang={page.lang} id="vergelijk">
              <ol class="cl-recommendations">
                {route.recommendations.map((recommendation, index) => (
                  <li class="cl-card">
                    <InstrumentCard
                      card={recommendation}
                      lang={page.lang}
                      id={`aanbeveling-${index + 1}`}
                      compare
                    />
                  </li>
                ))}
              </ol>
            </CompareForm>
          </>
        ) : (
          <Paragraph>{t.noRecommendations}</Paragraph>
        )}
      </section>

      {route.strategies.length ? (
        <section aria-labelledby="strategieen" class="cl-section">
          <Heading level={2} id="strategieen">
            {t.strategiesHeading}
          </Heading>
          {route.strategiesReason ? <Paragraph>{route.strategiesReason}</Paragraph> : null}
          <ul class="utrecht-unordered-list">
            {route.strategies.map((strategy) => (
              <li class="utrecht-unordered-list__item">
                {strategy.code} {strategy.name}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="loket" class="cl-section cl-card">
        <Heading level={2} id="loket">
          {t.loketHeading}
        </Heading>
        <Paragraph>
          {format(model.loket.isNationalFallback ? t.loketIntroFallback : t.loketIntro, {
            region: model.regionName,
          })}
        </Paragraph>
        {/* The first (staffed desks first) with its contact; the region page lists them all. */}
        {model.loket.cards.slice(0, 1).map((card) => (
          <LoketCard card={card} lang={page.lang} />
        ))}
        <Paragraph>
          <Link href={`/regio/${model.regionCode}#loket`}>
            {format(t.loketMore, { region: model.regionName })}
          </Link>
        </Paragraph>
        <Heading level={3}>{t.conversationHeading}</Heading>
        <Paragraph>{t.conversationBody}</Paragraph>
        <IntakeRouteNote intake={model.loket.intake} lang={page.lang} />
        <ButtonLink href={model.conversationHref}>{t.conversationButton}</ButtonLink>
      </section>

      {/* Slot for the knowledge module: practice examples and measure packages for the sector. */}
      {/* The knowledge module's panels carry their own headings and landmarks. */}
      {model.knowledge}

      {model.answers ? (
        <section aria-labelledby="antwoorden" class="cl-section">
          <Heading level={2} id="antwoorden">
            {t.answersHeading}
          </Heading>
          <dl class="cl-facts">
            {model.answers.map((answer) => (
              <>
                <dt>{answer.label}</dt>
                <dd>{answer.value}</dd>
              </>
            ))}
          </dl>
          {model.changeHref ? (
            <Paragraph>
              <Link href={model.changeHref}>{t.changeAnswers}</Link>
            </Paragraph>
          ) : null}
        </section>
      ) : null}

      {model.shareUrl ? (
        <section aria-labelledby="bewaren" class="cl-section">
          <Heading level={2} id="bewaren">
            {t.shareHeading}
          </Heading>
          <Paragraph>{t.shareBody}</Paragraph>
          <Paragraph>
            <span class="cl-code">{model.shareUrl}</span>
          </Paragraph>
        </section>
      ) : null}

      {model.alertsHref ? <AlertSubscribeBox lang={page.lang} href={model.alertsHref} /> : null}
      {model.saveRoute ?? null}

      <section aria-labelledby="belemmering" class="cl-section">
        <Heading level={2} id="belemmering">
          {t.barrierHeading}
        </Heading>
        <Paragraph>{t.barrierBody}</Paragraph>
        <Paragraph>
          <Link href={model.barrierHref}>{t.barrierLink}</Link>
        </Paragraph>
      </section>
      <Paragraph small>{t.print}</Paragraph>
    </Layout>
  );
};
