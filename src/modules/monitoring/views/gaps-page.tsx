import { format, formatDate } from "../../../i18n/index.js";
import {
  Button,
  Cell,
  CsrfField,
  describedBy,
  ErrorSummary,
  FormField,
  Heading,
  Link,
  Paragraph,
  problemFor,
  Row,
  Select,
  StatusNotice,
  StatusTag,
  Table,
  Textarea,
  TextInput,
} from "../../../web/components.js";
import type { PageContext } from "../../../web/context.js";
import type { FieldProblem } from "../../../web/errors.js";
import { Layout } from "../../../web/layout.js";
import { gapsMessages } from "../gaps.messages.js";
import { MonitorNav, type MonitorSection } from "./monitor-parts.js";

/** A cell of the gap view in words: demand already suppressed ("<5") where the visitor may not see exact counts. */
export type GapRowModel = {
  region: string;
  step: string;
  sector: string;
  demand: string;
  supply: number;
  gap: boolean;
  owner?: string;
  status?: string;
  overdue?: boolean;
  /** The form that puts this gap in the register, when the visitor may. */
  assignHref?: string;
};

/** A register entry in words. */
export type GapEntryModel = {
  id: number;
  region: string;
  step: string;
  sector: string;
  owner: string;
  decision: string;
  deadline: string;
  status: string;
  overdue: boolean;
  /** Only for whom the policy lets read the entry (its area's coordinators, the owner's staff). */
  note?: string;
  changeHref?: string;
};

export type GapsPageModel = {
  from: string;
  to: string;
  gaps: GapRowModel[];
  demand: GapRowModel[];
  entries: GapEntryModel[];
  overlaps: { region: string; step: string; kind: string; count: number }[];
  notice?: string;
};

const EntryTable = ({
  lang,
  entries,
  caption,
}: {
  lang: "nl" | "en";
  entries: GapEntryModel[];
  caption: string;
}) => {
  const t = gapsMessages[lang];
  return (
    <Table
      caption={caption}
      captionRepeatsHeading
      headers={[t.region, t.step, t.sector, t.owner, t.decision, t.deadline, t.status, t.note]}
    >
      {entries.map((entry) => (
        <Row>
          <Cell>{entry.region}</Cell>
          <Cell>{entry.step}</Cell>
          <Cell>{entry.sector}</Cell>
          <Cell>{entry.owner}</Cell>
          <Cell>{entry.decision}</Cell>
          <Cell>
            {entry.deadline}
            {entry.overdue ? (
              <>
                {" "}
                <StatusTag>{t.overdue}</StatusTag>
              </>
            ) : null}
          </Cell>
          <Cell>{entry.status}</Cell>
          <Cell>
            {entry.note ?? ""}
            {entry.changeHref ? (
              <>
                {entry.note ? " " : ""}
                <Link href={entry.changeHref}>
                  {t.change}
                  <span class="cl-visually-hidden">
                    {" "}
                    {format(t.cellName, { region: entry.region, step: entry.step, sector: entry.sector })}
                  </span>
                </Link>
              </>
            ) : null}
          </Cell>
        </Row>
      ))}
    </Table>
  );
};

const GapTable = ({ lang, rows, caption }: { lang: "nl" | "en"; rows: GapRowModel[]; caption: string }) => {
  const t = gapsMessages[lang];
  return (
    <Table
      caption={caption}
      captionRepeatsHeading
      headers={[t.region, t.step, t.sector, t.demand, t.supply, t.owner]}
    >
      {rows.map((row) => (
        <Row>
          <Cell>{row.region}</Cell>
          <Cell>{row.step}</Cell>
          <Cell>{row.sector}</Cell>
          <Cell>{row.demand}</Cell>
          <Cell>{row.supply}</Cell>
          <Cell>
            {row.owner ? (
              <>
                {row.owner} ({row.status})
                {row.overdue ? (
                  <>
                    {" "}
                    <StatusTag>{t.overdue}</StatusTag>
                  </>
                ) : null}
              </>
            ) : row.assignHref ? (
              <Link href={row.assignHref}>
                {t.assign}
                <span class="cl-visually-hidden">
                  {" "}
                  {format(t.cellName, { region: row.region, step: row.step, sector: row.sector })}
                </span>
              </Link>
            ) : row.gap ? (
              t.nobody
            ) : (
              ""
            )}
          </Cell>
        </Row>
      ))}
    </Table>
  );
};

/** /monitor/gaten: the gaps (demand without usable offer), the register of who is to act, and overlaps. */
export const GapsPage = ({
  page,
  model,
  sections,
}: {
  page: PageContext;
  model: GapsPageModel;
  sections: MonitorSection[];
}) => {
  const t = gapsMessages[page.lang];
  return (
    <Layout page={page} title={t.title} current="monitor">
      <Heading level={1}>{t.title}</Heading>
      <Paragraph lead>{t.intro}</Paragraph>
      <MonitorNav lang={page.lang} current="gaps" open={sections} />
      <StatusNotice text={model.notice} />
      <Paragraph>
        {format(t.periodLine, {
          from: formatDate(model.from, page.lang),
          to: formatDate(model.to, page.lang),
        })}
      </Paragraph>
      <section aria-labelledby="gaten" class="cl-section">
        <Heading level={2} id="gaten">
          {t.gapsHeading}
        </Heading>
        {model.gaps.length ? (
          <GapTable lang={page.lang} rows={model.gaps} caption={t.gapsCaption} />
        ) : (
          <Paragraph>{t.noGaps}</Paragraph>
        )}
      </section>
      <section aria-labelledby="register" class="cl-section">
        <Heading level={2} id="register">
          {t.registerHeading}
        </Heading>
        {model.entries.length ? (
          <EntryTable lang={page.lang} entries={model.entries} caption={t.registerCaption} />
        ) : (
          <Paragraph>{t.noEntries}</Paragraph>
        )}
      </section>
      <section aria-labelledby="vraag" class="cl-section">
        <Heading level={2} id="vraag">
          {t.demandHeading}
        </Heading>
        {model.demand.length ? (
          <GapTable lang={page.lang} rows={model.demand} caption={t.demandCaption} />
        ) : (
          <Paragraph>{t.noDemand}</Paragraph>
        )}
      </section>
      <section aria-labelledby="overlap" class="cl-section">
        <Heading level={2} id="overlap">
          {t.overlapHeading}
        </Heading>
        <Paragraph>{t.overlapIntro}</Paragraph>
        {model.overlaps.length ? (
          <details class="cl-section">
            <summary>{format(t.overlapSummary, { count: model.overlaps.length })}</summary>
            <Table
              caption={t.overlapCaption}
              captionRepeatsHeading
              headers={[t.region, t.step, t.kind, t.instruments]}
            >
              {model.overlaps.map((overlap) => (
                <Row>
                  <Cell>{overlap.region}</Cell>
                  <Cell>{overlap.step}</Cell>
                  <Cell>{overlap.kind}</Cell>
                  <Cell>{overlap.count}</Cell>
                </Row>
              ))}
            </Table>
          </details>
        ) : (
          <Paragraph>{t.noOverlap}</Paragraph>
        )}
      </section>
    </Layout>
  );
};

type Option = { value: string; label: string };

export type GapFormModel = {
  /** Undefined: a new entry. */
  existing?: { id: number; version: number; updatedAt: string; cell: string };
  values: Record<string, string>;
  problems: FieldProblem[];
  conflict?: boolean;
  /** The coordinator's fields (cell, organisation, decision, deadline); without them only status and note. */
  assignment?: {
    regions: Option[];
    steps: Option[];
    sectors: Option[];
    organisations: Option[];
    decisions: Option[];
  };
  statuses: Option[];
  action: string;
  back: string;
};

/** The register form: a new entry (coordinator), or a change (coordinator: everything; owner: status and note). */
export const GapFormPage = ({ page, model }: { page: PageContext; model: GapFormModel }) => {
  const t = gapsMessages[page.lang];
  const title = model.existing ? t.changeTitle : t.newTitle;
  const { values, problems } = model;
  const Choice = ({
    name,
    label,
    hint,
    options,
  }: {
    name: string;
    label: string;
    hint?: string;
    options: Option[];
  }) => {
    const error = problemFor(problems, name);
    return (
      <FormField id={name} label={label} hint={hint} error={error}>
        <Select
          id={name}
          name={name}
          value={values[name]}
          options={options}
          invalid={Boolean(error)}
          describedBy={describedBy(name, Boolean(hint), Boolean(error))}
        />
      </FormField>
    );
  };
  const deadlineError = problemFor(problems, "deadline");
  const noteError = problemFor(problems, "note");
  return (
    <Layout page={page} title={title} current="monitor">
      <Paragraph>
        <Link href={model.back}>{t.backToGaps}</Link>
      </Paragraph>
      <ErrorSummary title={t.errorTitle} problems={problems} />
      <Heading level={1}>{title}</Heading>
      {model.conflict ? (
        <div class="cl-conflict" role="alert">
          <Paragraph>{t.conflict}</Paragraph>
        </div>
      ) : null}
      {model.existing ? (
        <>
          <Paragraph>{model.existing.cell}</Paragraph>
          <Paragraph small>
            {format(t.versionLine, { version: model.existing.version, date: model.existing.updatedAt })}
          </Paragraph>
        </>
      ) : (
        <Paragraph>{t.newIntro}</Paragraph>
      )}
      <form method="post" action={model.action} class="cl-form-stack" novalidate>
        <CsrfField token={page.csrfToken} />
        {model.existing ? (
          <input type="hidden" name="version" value={String(model.existing.version)} />
        ) : null}
        {model.assignment ? (
          <>
            {model.existing ? null : (
              <>
                <Choice name="region" label={t.region} options={model.assignment.regions} />
                <Choice name="step" label={t.step} options={model.assignment.steps} />
                <Choice name="sector" label={t.sector} options={model.assignment.sectors} />
              </>
            )}
            <Choice
              name="organisation"
              label={t.organisation}
              hint={t.organisationHint}
              options={model.assignment.organisations}
            />
            <Choice
              name="decision"
              label={t.decision}
              hint={t.decisionHint}
              options={model.assignment.decisions}
            />
            <FormField id="deadline" label={t.deadline} hint={t.deadlineHint} error={deadlineError}>
              <TextInput
                id="deadline"
                name="deadline"
                type="date"
                value={values.deadline}
                invalid={Boolean(deadlineError)}
                describedBy={describedBy("deadline", true, Boolean(deadlineError))}
              />
            </FormField>
          </>
        ) : null}
        {model.existing ? <Choice name="status" label={t.status} options={model.statuses} /> : null}
        <FormField id="note" label={t.note} hint={t.noteHint} error={noteError}>
          <Textarea
            id="note"
            name="note"
            value={values.note}
            invalid={Boolean(noteError)}
            describedBy={describedBy("note", true, Boolean(noteError))}
          />
        </FormField>
        <Button>{t.save}</Button>
      </form>
    </Layout>
  );
};

/** /werkruimte/gaten: the gaps the user's organisation is to act on, each with its status and note to keep. */
export const WorkspaceGapsPage = ({
  page,
  model,
}: {
  page: PageContext;
  model: { entries: GapEntryModel[]; notice?: string };
}) => {
  const t = gapsMessages[page.lang];
  return (
    <Layout page={page} title={t.workspaceTitle} current="workspace">
      <Heading level={1}>{t.workspaceTitle}</Heading>
      <StatusNotice text={model.notice} />
      <Paragraph>{t.workspaceIntro}</Paragraph>
      {model.entries.length ? (
        <EntryTable lang={page.lang} entries={model.entries} caption={t.workspaceTitle} />
      ) : (
        <Paragraph>{t.workspaceNone}</Paragraph>
      )}
    </Layout>
  );
};

/** The coverage page's panel (ADR 0094): the largest gaps, where companies asked and nothing usable fits. */
export const CoverageDemandPanel = ({ lang, gaps }: { lang: "nl" | "en"; gaps: GapRowModel[] }) => {
  const t = gapsMessages[lang];
  return (
    <section aria-labelledby="vraag-zonder-aanbod" class="cl-section">
      <Heading level={2} id="vraag-zonder-aanbod">
        {t.coverageDemandHeading}
      </Heading>
      <Paragraph>{t.coverageDemandIntro}</Paragraph>
      {gaps.length ? (
        <GapTable lang={lang} rows={gaps} caption={t.gapsCaption} />
      ) : (
        <Paragraph>{t.noGaps}</Paragraph>
      )}
      <Paragraph>
        <Link href="/monitor/gaten">{t.coverageDemandLink}</Link>
      </Paragraph>
    </section>
  );
};
