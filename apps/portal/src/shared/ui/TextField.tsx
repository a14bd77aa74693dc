import { FieldError, Input, Label, Text, TextField as AriaTextField, TextFieldProps } from 'react-aria-components';

/** A labelled text input with its hint and its error read out with it (aria-describedby by React Aria). */
export function TextField({ label, description, errorMessage, ...props }: TextFieldProps & { label: string; description?: string; errorMessage?: string }) {
  return (
    <AriaTextField {...props} className="field">
      <Label className="field__label">{label}</Label>
      <Input className="field__input" />
      {description && (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      )}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}
