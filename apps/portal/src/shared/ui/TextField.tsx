import { FieldError, Input, Label, Text, TextArea, TextField as AriaTextField, TextFieldProps } from 'react-aria-components';

interface Props extends TextFieldProps {
  label: string;
  description?: string;
  errorMessage?: string;
  /** A text of a few lines (a note, a reason) instead of one. */
  multiline?: boolean;
}

/** A labelled text input with its hint and its error read out with it (aria-describedby by React Aria). */
export function TextField({ label, description, errorMessage, multiline = false, ...props }: Props) {
  return (
    <AriaTextField {...props} className="field">
      <Label className="field__label">{label}</Label>
      {multiline ? <TextArea className="field__input field__textarea" rows={3} /> : <Input className="field__input" />}
      {description && (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      )}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}
