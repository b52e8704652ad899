import { describedBy, FormField } from "../../../web/components.js";

export type SelectOption = { value: string; label: string };
export type SelectGroup = { label: string; options: SelectOption[] };

/** A labelled NLDS select with an "all" choice first; options may be grouped. */
export const SelectField = ({
  id,
  label,
  value,
  anyLabel,
  options,
  groups,
  error,
}: {
  id: string;
  label: string;
  value?: string;
  anyLabel: string;
  options?: SelectOption[];
  groups?: SelectGroup[];
  error?: string;
}) => (
  <FormField id={id} label={label} error={error}>
    <select
      class={`utrecht-select utrecht-select--html-select${error ? " utrecht-select--invalid" : ""}`}
      id={id}
      name={id}
      aria-invalid={error ? "true" : undefined}
      aria-describedby={describedBy(id, false, Boolean(error))}
    >
      <option value="">{anyLabel}</option>
      {(options ?? []).map((option) => (
        <option value={option.value} selected={option.value === value}>
          {option.label}
        </option>
      ))}
      {(groups ?? []).map((group) => (
        <optgroup label={group.label}>
          {group.options.map((option) => (
            <option value={option.value} selected={option.value === value}>
              {option.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  </FormField>
);

/** A row of linked instruments, or nothing. */
export const LinkList = ({ links }: { links: { href: string; text: string }[] }) =>
  links.length === 0 ? null : (
    <ul class="cl-inline-list">
      {links.map((link) => (
        <li>
          <a class="utrecht-link utrecht-link--html-a" href={link.href}>
            {link.text}
          </a>
        </li>
      ))}
    </ul>
  );
