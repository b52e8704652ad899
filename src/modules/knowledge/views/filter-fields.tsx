import type { PropsWithChildren } from "hono/jsx";
import type { Lang } from "../../../i18n/index.js";
import {
  Button,
  describedBy,
  FormField,
  Heading,
  Link,
  Paragraph,
  TextInput,
} from "../../../web/components.js";
import { knowledgeMessages } from "../knowledge.messages.js";

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

/**
 * The filter form of a knowledge list page: a GET form (it works without JavaScript and every result has its own
 * address) with a search box, the page's selects as children, a submit button and, once filtered, a link that clears
 * every filter.
 */
export const FilterForm = ({
  action,
  lang,
  heading,
  searchHint,
  searchValue,
  hidden = {},
  clearHref,
  children,
}: PropsWithChildren<{
  action: string;
  lang: Lang;
  heading?: string;
  searchHint: string;
  searchValue?: string;
  /** Fields that ride along unchanged (the agenda's archive switch). */
  hidden?: Record<string, string>;
  /** Shown as "clear all filters" when set. */
  clearHref?: string;
}>) => {
  const t = knowledgeMessages[lang];
  return (
    <form method="get" action={action} class="cl-filter-form" novalidate>
      <Heading level={2}>{heading ?? t.filtersHeading}</Heading>
      {Object.entries(hidden).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <FormField id="q" label={t.searchLabel} hint={searchHint}>
        <TextInput id="q" name="q" type="search" value={searchValue} describedBy="q-hint" />
      </FormField>
      {children}
      <Button>{t.applyFilters}</Button>
      {clearHref ? (
        <Paragraph>
          <Link href={clearHref}>{t.clearFilters}</Link>
        </Paragraph>
      ) : null}
    </form>
  );
};
