import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, Group, Input, Label, Text, TextField, ToggleButton } from 'react-aria-components';

interface Props {
  label: string;
  name: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
  /** The API's words about this field, shown under it and read out with it. */
  errorMessage?: string;
  /** New passwords show the policy's length rule as the hint. */
  showRule?: boolean;
}

/** A password field with a show/hide toggle: on a phone, seeing what you typed prevents many mistakes. */
export function PasswordField({ label, name, autoComplete, value, onChange, errorMessage, showRule = false }: Props) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <TextField
      className="field"
      name={name}
      type={shown ? 'text' : 'password'}
      autoComplete={autoComplete}
      value={value}
      onChange={onChange}
      isRequired
      isInvalid={errorMessage !== undefined}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      <Group className="password">
        <Input className="field__input password__input" spellCheck={false} autoCapitalize="none" />
        <ToggleButton className="button button--secondary password__toggle" isSelected={shown} onChange={setShown} aria-label={t('account.password.showLabel', { field: label.toLocaleLowerCase(i18n.language) })}>
          {t('account.password.show')}
        </ToggleButton>
      </Group>
      {showRule && (
        <Text slot="description" className="field__hint">
          {t('account.password.rule')}
        </Text>
      )}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </TextField>
  );
}
