import type { CalendarDate } from '@internationalized/date';
import { useTranslation } from 'react-i18next';
import { DateInput, DatePicker, DateSegment, FieldError, Group, Label, Text } from 'react-aria-components';
import { AriaLocale } from '../i18n/AriaLocale';
import { CalendarButton, CalendarPopover } from './CalendarPopover';

interface Props {
  label: string;
  value: CalendarDate | null;
  onChange: (value: CalendarDate | null) => void;
  minValue?: CalendarDate;
  description?: string;
  errorMessage?: string;
  isRequired?: boolean;
  isInvalid?: boolean;
}

/**
 * A date typed in its parts (day, month, year: each a spin button) or picked from a calendar; both by
 * keyboard and by touch. The calendar opens from the button beside the field.
 */
export function DateField({ label, description, errorMessage, ...props }: Props) {
  const { t } = useTranslation();
  return (
    <AriaLocale>
      <DatePicker {...props} className="field" shouldForceLeadingZeros>
        <Label className="field__label">{label}</Label>
        <Group className="field__input date-input">
          <DateInput className="date-input__segments">{(segment) => <DateSegment segment={segment} className="date-input__segment" />}</DateInput>
          <CalendarButton className="date-input__button" label={t('fields.openCalendar')} />
        </Group>
        {description && (
          <Text slot="description" className="field__hint">
            {description}
          </Text>
        )}
        <FieldError className="field__error">{errorMessage}</FieldError>
        <CalendarPopover />
      </DatePicker>
    </AriaLocale>
  );
}
