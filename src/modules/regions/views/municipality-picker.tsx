import { raw } from "hono/html";
import { describedBy, FormField, TextInput } from "../../../web/components.js";
import type { PlaceChoiceModel } from "../regions.place-field.js";

/** One entry of the picker's list: the value a browser offers as the person types. */
export type MunicipalityOption = { code: string; name: string };

/**
 * A text field with a datalist of all municipalities: browsers suggest names as you type, and without JavaScript
 * or datalist support it is still a plain text field that the server resolves by name (any municipality or place
 * name, ADR 0077). When a name means several municipalities, or looks like a typo, `choice` puts radio buttons under
 * the field; the next submit carries the one picked, and the text stays as typed so it can be corrected instead.
 */
export const MunicipalityPicker = ({
  id,
  name,
  label,
  hint,
  value,
  error,
  options,
  choice,
}: {
  id: string;
  name: string;
  label: string;
  hint: string;
  value?: string;
  error?: string;
  options: MunicipalityOption[];
  choice?: PlaceChoiceModel;
}) => (
  <>
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
    {choice ? <PlaceChoice choice={choice} /> : null}
  </>
);

/** The municipalities a name can mean, as radio buttons; none is picked in advance. */
export const PlaceChoice = ({ choice }: { choice: PlaceChoiceModel }) => (
  <div class="utrecht-form-fieldset cl-place-choice">
    <fieldset class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset">
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {choice.legend}
      </legend>
      {choice.options.map((option) => {
        const id = `${choice.name}-${option.value}`;
        return (
          <div class="utrecht-form-field utrecht-form-field--radio">
            <div class="utrecht-form-field__input">
              <input
                type="radio"
                class="utrecht-radio-button utrecht-radio-button--html-input"
                id={id}
                name={choice.name}
                value={option.value}
              />
            </div>
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label utrecht-form-label--radio" for={id}>
                {option.label}
              </label>
            </div>
          </div>
        );
      })}
    </fieldset>
  </div>
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
