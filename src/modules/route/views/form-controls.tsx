import type { Child } from "hono/jsx";
import { describedBy, FormField } from "../../../web/components.js";

export type Choice = { value: string; label: string };

/**
 * One question as a fieldset whose legend is the page heading (GOV.UK one-question-a-page): radios for one
 * answer, checkboxes for several.
 */
export const ChoiceQuestion = ({
  name,
  type,
  legend,
  hint,
  error,
  choices,
  selected,
}: {
  name: string;
  type: "radio" | "checkbox";
  legend: string;
  hint?: string;
  error?: string;
  choices: Choice[];
  selected: string[];
}) => {
  const describedBy = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class={`utrecht-form-fieldset${error ? " utrecht-form-fieldset--invalid" : ""}`}>
      <fieldset
        class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? "true" : undefined}
      >
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          <h1 class="utrecht-heading-1">{legend}</h1>
        </legend>
        {hint ? (
          <div class="utrecht-form-field-description" id={`${name}-hint`}>
            {hint}
          </div>
        ) : null}
        {error ? (
          <div class="utrecht-form-field-error-message" id={`${name}-error`}>
            {error}
          </div>
        ) : null}
        {choices.map((choice, index) => {
          // The first option carries the field's id, so the error summary's link lands on the question.
          const id = index === 0 ? name : `${name}-${choice.value}`;
          return (
            <div class={`utrecht-form-field utrecht-form-field--${type}`}>
              <div class="utrecht-form-field__input">
                <input
                  type={type}
                  class={
                    type === "radio"
                      ? "utrecht-radio-button utrecht-radio-button--html-input"
                      : "utrecht-checkbox utrecht-checkbox--html-input"
                  }
                  id={id}
                  name={name}
                  value={choice.value}
                  checked={selected.includes(choice.value)}
                />
              </div>
              <div class="utrecht-form-field__label">
                <label class={`utrecht-form-label utrecht-form-label--${type}`} for={id}>
                  {choice.label}
                </label>
              </div>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
};

/** A select with a label, hint and error; the label may be a page heading. */
export const SelectField = ({
  id,
  label,
  hint,
  error,
  choices,
  selected,
  placeholder,
}: {
  id: string;
  label: Child;
  hint?: string;
  error?: string;
  choices: Choice[];
  selected?: string;
  placeholder: string;
}) => {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      <select
        class={`utrecht-select utrecht-select--html-select${error ? " utrecht-select--invalid" : ""}`}
        id={id}
        name={id}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
        aria-invalid={error ? "true" : undefined}
      >
        <option value="">{placeholder}</option>
        {choices.map((choice) => (
          <option value={choice.value} selected={choice.value === selected}>
            {choice.label}
          </option>
        ))}
      </select>
    </FormField>
  );
};

/** Hidden fields that carry the answers of the other questions to the next page. */
export const HiddenAnswers = ({ pairs }: { pairs: [string, string][] }) => (
  <>
    {pairs.map(([name, value]) => (
      <input type="hidden" name={name} value={value} />
    ))}
  </>
);
