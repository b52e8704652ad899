import type { Child, PropsWithChildren } from "hono/jsx";
import { TableScroll } from "../../../web/components.js";
import type { FieldProblem } from "../../../web/errors.js";

/** The message for one field, if it has a problem. */
export const problemFor = (problems: FieldProblem[], field: string) =>
  problems.find((problem) => problem.field === field)?.message;

/** A native select with NLDS classes. */
export const Select = ({
  id,
  name,
  value,
  options,
  invalid,
  describedBy,
}: {
  id: string;
  name: string;
  value?: string;
  options: { value: string; label: string }[];
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

/** A data table with a caption; header cells are scoped to their column. */
export const Table = ({
  caption,
  headers,
  children,
}: PropsWithChildren<{ caption: string; headers: Child[] }>) => (
  <TableScroll label={caption}>
    <table class="utrecht-table utrecht-table--html-table">
      <caption class="utrecht-table__caption">{caption}</caption>
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
