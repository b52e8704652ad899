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
    <datalist id={`${id}-options`}>
      {options.map((option) => (
        <option value={option.name} />
      ))}
    </datalist>
  </FormField>
);
