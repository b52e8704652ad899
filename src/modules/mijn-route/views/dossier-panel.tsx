import { format, type Lang } from "../../../i18n/index.js";
import { Heading, Paragraph } from "../../../web/components.js";
import { PROGRESS_STATUS_LABELS, type ProgressStatus } from "../../vocabulary/index.js";
import { mijnRouteMessages } from "../mijn-route.messages.js";
import { type FigureView, figuresText } from "./mijn-route-page.js";

export type SavedRoutePanelModel = {
  phase: string;
  nextStep: string | null;
  steps: { name: string; status: ProgressStatus }[];
  measures: { name: string; status: ProgressStatus; figures: FigureView[] }[];
};

/** The dossier's view of the route the entrepreneur shared at intake (ADR 0091): steps, statuses and results. */
export const SavedRoutePanel = ({ model, lang }: { model: SavedRoutePanelModel; lang: Lang }) => {
  const t = mijnRouteMessages[lang];
  const line = (name: string, status: ProgressStatus, figures: FigureView[] = []) =>
    `${name}: ${PROGRESS_STATUS_LABELS[status][lang]}${figures.length ? ` — ${figuresText(figures, lang)}` : ""}`;
  return (
    <section aria-labelledby="mijn-route" class="cl-section">
      <Heading level={2} id="mijn-route">
        {t.dossierHeading}
      </Heading>
      <Paragraph>
        {format(t.dossierIntro, { phase: model.phase, step: model.nextStep ?? t.noNextStep })}
      </Paragraph>
      <Heading level={3}>{t.stepsHeading}</Heading>
      <ul class="utrecht-unordered-list">
        {model.steps.map((step) => (
          <li class="utrecht-unordered-list__item">{line(step.name, step.status)}</li>
        ))}
      </ul>
      {model.measures.length ? (
        <>
          <Heading level={3}>{t.measuresHeading}</Heading>
          <ul class="utrecht-unordered-list">
            {model.measures.map((measure) => (
              <li class="utrecht-unordered-list__item">
                {line(measure.name, measure.status, measure.figures)}
              </li>
            ))}
          </ul>
          {model.measures.every((measure) => !measure.figures.length) ? (
            <Paragraph>{t.dossierNoResults}</Paragraph>
          ) : null}
        </>
      ) : null}
    </section>
  );
};
