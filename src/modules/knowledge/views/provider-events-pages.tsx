import { format, formatDate } from "../../../i18n/index.js";
import {
  Button,
  ButtonLink,
  Cell,
  Checkbox,
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
import type { ProviderEventField, ProviderEventFormValues } from "../knowledge.provider-events.form.js";
import { providerEventMessages } from "../knowledge.provider-events.messages.js";

export type ProviderEventRowModel = {
  slug: string;
  title: string;
  when: string;
  where: string;
  cancelled: boolean;
};

/** /werkruimte/agenda: the provider's own events, upcoming first, then the past ones. */
export const ProviderEventsPage = ({
  page,
  model,
}: {
  page: PageContext;
  model: { upcoming: ProviderEventRowModel[]; past: ProviderEventRowModel[]; notice?: string };
}) => {
  const t = providerEventMessages[page.lang];
  const EventTable = ({ caption, rows }: { caption: string; rows: ProviderEventRowModel[] }) => (
    <Table
      caption={caption}
      captionRepeatsHeading
      headers={[t.columnTitle, t.columnWhen, t.columnWhere, t.columnStatus]}
    >
      {rows.map((row) => (
        <Row>
          <Cell>
            <Link href={`/werkruimte/agenda/${row.slug}`}>{row.title}</Link>
          </Cell>
          <Cell>{row.when}</Cell>
          <Cell>{row.where}</Cell>
          <Cell>
            <StatusTag>{row.cancelled ? t.statusCancelled : t.statusPlanned}</StatusTag>
          </Cell>
        </Row>
      ))}
    </Table>
  );
  return (
    <Layout page={page} title={t.listTitle} current="workspace">
      <Paragraph>
        <Link href="/werkruimte">{t.workspaceLink}</Link>
      </Paragraph>
      <StatusNotice text={model.notice} />
      <Heading level={1}>{t.listTitle}</Heading>
      <Paragraph>
        {t.listIntro} <Link href="/agenda">{t.publicAgendaLink}</Link>.
      </Paragraph>
      <Paragraph>
        <ButtonLink href="/werkruimte/agenda/nieuw">{t.newLink}</ButtonLink>
      </Paragraph>
      <section class="cl-section" aria-labelledby="komend">
        <Heading level={2} id="komend">
          {t.upcomingHeading}
        </Heading>
        {model.upcoming.length === 0 ? (
          <Paragraph>{t.noUpcoming}</Paragraph>
        ) : (
          <EventTable caption={t.upcomingCaption} rows={model.upcoming} />
        )}
      </section>
      <section class="cl-section" aria-labelledby="voorbij">
        <Heading level={2} id="voorbij">
          {t.pastHeading}
        </Heading>
        {model.past.length === 0 ? (
          <Paragraph>{t.noPast}</Paragraph>
        ) : (
          <EventTable caption={t.pastCaption} rows={model.past} />
        )}
      </section>
    </Layout>
  );
};

export type ProviderEventFormModel = {
  /** Undefined for a new event. */
  existing?: { slug: string; version: number; updatedAt: Date };
  values: ProviderEventFormValues;
  problems: FieldProblem[];
  conflict: boolean;
  regions: { value: string; label: string }[];
  instruments: { value: string; label: string }[];
  /** A hub's name: its events are in its own region(s) and shown as organised by the hub (ADR 0072). */
  hub?: string;
};

/** The form for a new event, or for changing one the provider keeps. */
export const ProviderEventFormPage = ({
  page,
  model,
}: {
  page: PageContext;
  model: ProviderEventFormModel;
}) => {
  const t = providerEventMessages[page.lang];
  const { values, problems, existing } = model;
  const title = existing ? t.editTitle : t.newTitle;
  const [publicBefore, publicAfter] = t.publicLine.split("{link}");
  const field = (name: ProviderEventField) => {
    const error = problemFor(problems, name);
    return { id: name, name, error, invalid: Boolean(error) };
  };
  const Text = ({
    name,
    label,
    hint,
    type,
  }: {
    name: ProviderEventField;
    label: string;
    hint?: string;
    type?: string;
  }) => {
    const { error, invalid } = field(name);
    return (
      <FormField id={name} label={label} hint={hint} error={error}>
        <TextInput
          id={name}
          name={name}
          type={type}
          value={values[name]}
          invalid={invalid}
          describedBy={describedBy(name, Boolean(hint), invalid)}
        />
      </FormField>
    );
  };
  const LongText = ({ name, label }: { name: ProviderEventField; label: string }) => {
    const { error, invalid } = field(name);
    return (
      <FormField id={name} label={label} hint={t.descriptionHint} error={error}>
        <Textarea
          id={name}
          name={name}
          value={values[name]}
          rows={5}
          invalid={invalid}
          describedBy={describedBy(name, true, invalid)}
        />
      </FormField>
    );
  };
  const Choice = ({
    name,
    label,
    hint,
    options,
  }: {
    name: ProviderEventField;
    label: string;
    hint: string;
    options: { value: string; label: string }[];
  }) => {
    const { error, invalid } = field(name);
    return (
      <FormField id={name} label={label} hint={hint} error={error}>
        <Select
          id={name}
          name={name}
          value={values[name]}
          options={options}
          invalid={invalid}
          describedBy={describedBy(name, true, invalid)}
        />
      </FormField>
    );
  };
  const action = existing ? `/werkruimte/agenda/${existing.slug}` : "/werkruimte/agenda/nieuw";
  return (
    <Layout page={page} title={title} current="workspace">
      <Paragraph>
        <Link href="/werkruimte/agenda">{t.listTitle}</Link>
      </Paragraph>
      <ErrorSummary title={t.errorTitle} problems={problems} />
      <Heading level={1}>{title}</Heading>
      {model.conflict ? (
        <div class="cl-conflict" role="alert">
          <Paragraph>{t.conflict}</Paragraph>
        </div>
      ) : null}
      {existing ? (
        <>
          <Paragraph small>
            {format(t.versionLine, {
              version: existing.version,
              date: formatDate(existing.updatedAt, page.lang),
            })}
          </Paragraph>
          <Paragraph small>
            {publicBefore}
            <Link href={`/agenda#${existing.slug}`}>/agenda#{existing.slug}</Link>
            {publicAfter}
          </Paragraph>
        </>
      ) : null}
      <Paragraph>{t.formIntro}</Paragraph>
      <form method="post" action={action} class="cl-form-stack" novalidate>
        <CsrfField token={page.csrfToken} />
        {existing ? <input type="hidden" name="version" value={String(existing.version)} /> : null}
        <fieldset class="utrecht-form-fieldset cl-form-stack">
          <legend class="utrecht-form-fieldset__legend">{t.textsLegend}</legend>
          <Text name="titleNl" label={t.titleNl} hint={t.titleHint} />
          <Text name="titleEn" label={t.titleEn} hint={t.titleHint} />
          <LongText name="descriptionNl" label={t.descriptionNl} />
          <LongText name="descriptionEn" label={t.descriptionEn} />
        </fieldset>
        <fieldset class="utrecht-form-fieldset cl-form-stack">
          <legend class="utrecht-form-fieldset__legend">{t.whenLegend}</legend>
          <Text name="startDate" label={t.startDate} type="date" />
          <Text name="startTime" label={t.startTime} hint={t.timeHint} type="time" />
          <Text name="endTime" label={t.endTime} hint={t.timeHint} type="time" />
          <Text name="endDate" label={t.endDate} hint={t.endDateHint} type="date" />
        </fieldset>
        <fieldset class="utrecht-form-fieldset cl-form-stack">
          <legend class="utrecht-form-fieldset__legend">{t.whereLegend}</legend>
          <Checkbox id="online" name="online" label={t.online} checked={values.online === "ja"} />
          <Text name="place" label={t.place} hint={t.placeHint} />
          <Choice
            name="regionCode"
            label={t.region}
            hint={model.hub ? t.regionHintHub : t.regionHint}
            options={model.hub ? model.regions : [{ value: "", label: t.regionNational }, ...model.regions]}
          />
        </fieldset>
        <fieldset class="utrecht-form-fieldset cl-form-stack">
          <legend class="utrecht-form-fieldset__legend">{t.detailsLegend}</legend>
          {model.hub ? (
            <p>
              {t.organiser}: {model.hub}
              <input type="hidden" name="organiser" value={model.hub} />
            </p>
          ) : (
            <Text name="organiser" label={t.organiser} hint={t.organiserHint} />
          )}
          {/* A hub has no catalogue instruments of its own: no choice to offer, so no field. */}
          {model.instruments.length ? (
            <Choice
              name="instrumentRefId"
              label={t.instrument}
              hint={t.instrumentHint}
              options={[{ value: "", label: t.instrumentNone }, ...model.instruments]}
            />
          ) : null}
          <Text name="registrationUrl" label={t.registrationUrl} hint={t.registrationUrlHint} type="url" />
        </fieldset>
        {existing ? (
          <fieldset class="utrecht-form-fieldset">
            <legend class="utrecht-form-fieldset__legend">{t.cancelledLegend}</legend>
            <Paragraph small>
              <span id="cancelled-hint">{t.cancelledHint}</span>
            </Paragraph>
            <Checkbox
              id="cancelled"
              name="cancelled"
              label={t.cancelled}
              checked={values.cancelled === "ja"}
              describedBy="cancelled-hint"
            />
          </fieldset>
        ) : null}
        <Button>{t.save}</Button>
        <Paragraph>
          <Link href="/werkruimte/agenda">{t.cancelLink}</Link>
        </Paragraph>
      </form>
    </Layout>
  );
};
