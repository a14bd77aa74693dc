import type { Time } from '@internationalized/date';
import { DateInput, DateSegment, FieldError, Label, Text, TimeField as AriaTimeField } from 'react-aria-components';
import { AriaLocale } from '../i18n/AriaLocale';

interface Props {
  label: string;
  value: Time | null;
  onChange: (value: Time | null) => void;
  description?: string;
  errorMessage?: string;
  isRequired?: boolean;
  isInvalid?: boolean;
}

/** A time of day in hours and minutes (24-hour clock, as in the Netherlands), each part a spin button. */
export function TimeField({ label, description, errorMessage, ...props }: Props) {
  return (
    <AriaLocale>
      <AriaTimeField {...props} className="field" hourCycle={24} shouldForceLeadingZeros>
        <Label className="field__label">{label}</Label>
        <DateInput className="field__input date-input date-input__segments">
          {(segment) => <DateSegment segment={segment} className="date-input__segment" />}
        </DateInput>
        {description && (
          <Text slot="description" className="field__hint">
            {description}
          </Text>
        )}
        <FieldError className="field__error">{errorMessage}</FieldError>
      </AriaTimeField>
    </AriaLocale>
  );
}
