import { raw } from "hono/html";
import { describedBy, FormField, TextInput } from "../../../web/components.js";

export type MunicipalityOption = { code: string; name: string };

/**
 * A text field with a datalist of all municipalities: browsers suggest names as you type, and without JavaScript
 * or datalist support it is still a plain text field that the server resolves by name.
 */
export const MunicipalityPicker = ({
  id,
  name,
  label,
  hint,
  value,
  error,
  options,
}: {
  id: string;
  name: string;
  label: string;
  hint: string;
  value?: string;
  error?: string;
  options: MunicipalityOption[];
}) => (
  <FormField id={id} label={label} hint={hint} error={error}>
    <TextInput
      id={id}
      name={name}
      value={value}
      invalid={Boolean(error)}
      describedBy={describedBy(id, true, Boolean(error))}
      list={`${id}-options`}
      autocomplete="off"
    />
    {datalistHtml(`${id}-options`, options)}
  </FormField>
);

// The 342 options are the same on every request; rendering them as JSX each time was the largest cost of the home
// page under load (see docs/decisions/0052-load-budget.md). They are escaped once and reused as raw HTML.
const datalistCache = new Map<string, ReturnType<typeof raw>>();
const datalistByArray = new WeakMap<MunicipalityOption[], { id: string; html: ReturnType<typeof raw> }>();
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The datalist element for the options, built once per id and option list. */
function datalistHtml(id: string, options: MunicipalityOption[]) {
  const known = datalistByArray.get(options);
  if (known?.id === id) return known.html;
  const key = `${id}\n${options.map((option) => option.name).join("\n")}`;
  let html = datalistCache.get(key);
  if (!html) {
    const items = options.map((option) => `<option value="${escapeHtml(option.name)}"></option>`).join("");
    html = raw(`<datalist id="${escapeHtml(id)}">${items}</datalist>`);
    if (datalistCache.size > 32) datalistCache.clear();
    datalistCache.set(key, html);
  }
  datalistByArray.set(options, { id, html });
  return html;
}
