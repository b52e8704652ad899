import type { Child, PropsWithChildren } from "hono/jsx";
import type { FieldProblem } from "./errors.js";

/** Thin wrappers around NL Design System (Utrecht) CSS components, so views never spell class names by hand. */

export const Heading = ({
  level,
  children,
  id,
}: PropsWithChildren<{ level: 1 | 2 | 3 | 4; id?: string }>) => {
  const className = `utrecht-heading-${level}`;
  if (level === 1)
    return (
      <h1 class={className} id={id}>
        {children}
      </h1>
    );
  if (level === 2)
    return (
      <h2 class={className} id={id}>
        {children}
      </h2>
    );
  if (level === 3)
    return (
      <h3 class={className} id={id}>
        {children}
      </h3>
    );
  return (
    <h4 class={className} id={id}>
      {children}
    </h4>
  );
};

export const Paragraph = ({
  children,
  lead,
  small,
}: PropsWithChildren<{ lead?: boolean; small?: boolean }>) => (
  <p
    class={`utrecht-paragraph${lead ? " utrecht-paragraph--lead" : ""}${small ? " utrecht-paragraph--small" : ""}`}
  >
    {children}
  </p>
);

export const Link = ({
  href,
  children,
  current,
  lang,
  hreflang,
}: PropsWithChildren<{ href: string; current?: boolean; lang?: string; hreflang?: string }>) => (
  <a
    class={`utrecht-link utrecht-link--html-a${current ? " utrecht-link--current" : ""}`}
    href={href}
    aria-current={current ? "page" : undefined}
    lang={lang}
    hreflang={hreflang}
  >
    {children}
  </a>
);

export const ButtonLink = ({
  href,
  children,
  secondary,
}: PropsWithChildren<{ href: string; secondary?: boolean }>) => (
  <a
    class={`utrecht-button-link utrecht-button-link--html-a ${secondary ? "utrecht-button-link--secondary-action" : "utrecht-button-link--primary-action"}`}
    href={href}
  >
    {children}
  </a>
);

export const Button = ({
  children,
  secondary,
  name,
  value,
}: PropsWithChildren<{ secondary?: boolean; name?: string; value?: string }>) => (
  <button
    type="submit"
    class={`utrecht-button ${secondary ? "utrecht-button--secondary-action" : "utrecht-button--primary-action"}`}
    name={name}
    value={value}
  >
    {children}
  </button>
);

/**
 * The box a data table scrolls in when it is wider than the screen, so the page itself never scrolls sideways
 * (WCAG 1.4.10). Keyboard users can focus it to scroll it (axe: scrollable-region-focusable), and on focus it is
 * announced by the table's caption. A group, not a region: every table a landmark would crowd the landmark list
 * and repeat the names of the sections the tables sit in. `className` is the layout class (default .cl-table-wrap).
 */
export const TableScroll = ({
  label,
  className = "cl-table-wrap",
  children,
}: PropsWithChildren<{ label: string; className?: string }>) => (
  <div class={className} role="group" aria-label={label} tabindex={0}>
    {children}
  </div>
);

export const UnorderedList = ({ children }: PropsWithChildren) => (
  <ul class="utrecht-unordered-list">{children}</ul>
);
export const ListItem = ({ children }: PropsWithChildren) => (
  <li class="utrecht-unordered-list__item">{children}</li>
);

/** The form's error summary (GOV.UK pattern): a list of links to each wrong field; focused by the enhancement script. */
export const ErrorSummary = ({ title, problems }: { title: string; problems: FieldProblem[] }) =>
  problems.length === 0 ? null : (
    <div
      class="cl-error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabindex={-1}
      data-module="error-summary"
    >
      <h2 class="utrecht-heading-2" id="error-summary-title">
        {title}
      </h2>
      <ul class="utrecht-unordered-list">
        {problems.map((problem) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link utrecht-link--html-a" href={`#${problem.field}`}>
              {problem.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );

type FieldProps = {
  id: string;
  label: Child;
  hint?: Child;
  error?: string;
};

/** A labelled form field with optional hint and error, wired up with aria-describedby. */
export const FormField = ({ id, label, hint, error, children }: PropsWithChildren<FieldProps>) => (
  <div class={`utrecht-form-field utrecht-form-field--text${error ? " utrecht-form-field--invalid" : ""}`}>
    <div class="utrecht-form-field__label">
      <label class="utrecht-form-label" for={id}>
        {label}
      </label>
    </div>
    {hint ? (
      <div class="utrecht-form-field__description utrecht-form-field-description" id={`${id}-hint`}>
        {hint}
      </div>
    ) : null}
    {error ? (
      <div class="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-error`}>
        {error}
      </div>
    ) : null}
    <div class="utrecht-form-field__input">{children}</div>
  </div>
);

/** aria-describedby value for a field's hint and error. */
export function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return ids || undefined;
}

export const TextInput = ({
  id,
  name,
  value,
  invalid,
  describedBy: described,
  list,
  autocomplete,
  type = "text",
  inputmode,
  required,
}: {
  id: string;
  name: string;
  value?: string;
  invalid?: boolean;
  describedBy?: string;
  list?: string;
  autocomplete?: string;
  type?: string;
  inputmode?: "numeric" | "email" | "tel" | "text" | "search";
  required?: boolean;
}) => (
  <input
    class={`utrecht-textbox utrecht-textbox--html-input${invalid ? " utrecht-textbox--invalid" : ""}`}
    id={id}
    name={name}
    type={type}
    value={value ?? ""}
    aria-invalid={invalid ? "true" : undefined}
    aria-describedby={described}
    list={list}
    autocomplete={autocomplete}
    inputmode={inputmode}
    required={required}
  />
);

export const CsrfField = ({ token }: { token: string }) => <input type="hidden" name="_csrf" value={token} />;

/** A native select with NLDS classes. */
export const Select = ({
  id,
  name,
  value,
  options,
  groups,
  invalid,
  describedBy,
}: {
  id: string;
  name: string;
  value?: string;
  options: { value: string; label: string }[];
  /** Further options in labelled groups (optgroup), after the plain ones. */
  groups?: { label: string; options: { value: string; label: string }[] }[];
  invalid?: boolean;
  describedBy?: string;
}) => (
  <select
    class={`utrecht-select utrecht-select--html-select${invalid ? " utrecht-select--invalid" : ""}`}
    id={id}
    name={name}
    aria-invalid={invalid ? "true" : undefined}
    aria-describedby={describedBy}
  >
    {options.map((option) => (
      <option value={option.value} selected={option.value === value}>
        {option.label}
      </option>
    ))}
    {(groups ?? [])
      .filter((group) => group.options.length > 0)
      .map((group) => (
        <optgroup label={group.label}>
          {group.options.map((option) => (
            <option value={option.value} selected={option.value === value}>
              {option.label}
            </option>
          ))}
        </optgroup>
      ))}
  </select>
);

/** A textarea with NLDS classes. */
export const Textarea = ({
  id,
  name,
  value,
  invalid,
  describedBy,
  rows = 4,
}: {
  id: string;
  name: string;
  value?: string;
  invalid?: boolean;
  describedBy?: string;
  rows?: number;
}) => (
  <textarea
    class={`utrecht-textarea utrecht-textarea--html-textarea${invalid ? " utrecht-textarea--invalid" : ""}`}
    id={id}
    name={name}
    rows={rows}
    aria-invalid={invalid ? "true" : undefined}
    aria-describedby={describedBy}
  >
    {value ?? ""}
  </textarea>
);

/** A checkbox with its label after it (NLDS checkbox pattern); the value sent when ticked is "ja". */
export const Checkbox = ({
  id,
  name,
  label,
  checked,
  describedBy: described,
}: {
  id: string;
  name: string;
  label: Child;
  checked?: boolean;
  describedBy?: string;
}) => (
  <div class="utrecht-form-field utrecht-form-field--checkbox">
    <input
      class="utrecht-checkbox utrecht-checkbox--html-input"
      type="checkbox"
      id={id}
      name={name}
      value="ja"
      checked={checked}
      aria-describedby={described}
    />{" "}
    <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>
      {label}
    </label>
  </div>
);

/** The message for one field, if it has a problem. */
export const problemFor = (problems: FieldProblem[], field: string) =>
  problems.find((problem) => problem.field === field)?.message;

/** A data table with a caption; header cells are scoped to their column. */
export const Table = ({
  caption,
  captionRepeatsHeading = false,
  headers,
  children,
}: PropsWithChildren<{
  caption: string;
  /** The heading just above says the same: the caption is then for screen readers only, not shown twice. */
  captionRepeatsHeading?: boolean;
  headers: Child[];
}>) => (
  <TableScroll label={caption}>
    <table class="utrecht-table utrecht-table--html-table">
      <caption class={`utrecht-table__caption${captionRepeatsHeading ? " cl-visually-hidden" : ""}`}>
        {caption}
      </caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          {headers.map((header) => (
            <th class="utrecht-table__header-cell" scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="utrecht-table__body">{children}</tbody>
    </table>
  </TableScroll>
);

export const Row = ({ children }: PropsWithChildren) => <tr class="utrecht-table__row">{children}</tr>;
export const Cell = ({ children }: PropsWithChildren) => <td class="utrecht-table__cell">{children}</td>;

/** A status as a small tag. */
export const StatusTag = ({ children }: PropsWithChildren) => <span class="cl-tag">{children}</span>;

/** A short confirmation after a save or a sent message, read out by screen readers (role status); nothing when empty. */
export const StatusNotice = ({ text }: { text?: string }) =>
  text ? (
    <div class="utrecht-alert utrecht-alert--ok" role="status">
      <Paragraph>{text}</Paragraph>
    </div>
  ) : null;
