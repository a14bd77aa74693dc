import { FieldError, Label, Text, TextArea, TextField as AriaTextField, TextFieldProps } from 'react-aria-components';

/** A labelled text of a few lines (a note, a reason), with its hint read out with it. */
export function TextAreaField({ label, description, errorMessage, ...props }: TextFieldProps & { label: string; description?: string; errorMessage?: string }) {
  return (
    <AriaTextField {...props} className="field">
      <Label className="field__label">{label}</Label>
      <TextArea className="field__input field__textarea" rows={3} />
      {description && (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      )}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}
