import type { CalendarDate } from '@internationalized/date';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  I18nProvider,
  Label,
  Popover,
  Text,
} from 'react-aria-components';

/** The React Aria locale of the page's language (order of day and month, names of the segments). */
export const ariaLocale = (language: string) => (language === 'en' ? 'en-GB' : 'nl-NL');

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
  const { t, i18n } = useTranslation();
  return (
    <I18nProvider locale={ariaLocale(i18n.language)}>
      <DatePicker {...props} className="field" shouldForceLeadingZeros>
        <Label className="field__label">{label}</Label>
        <Group className="field__input date-input">
          <DateInput className="date-input__segments">{(segment) => <DateSegment segment={segment} className="date-input__segment" />}</DateInput>
          <Button className="date-input__button" aria-label={t('fields.openCalendar')}>
            {/* Drawn, not a glyph: not every phone has a font with one. */}
            <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
              <rect x="3" y="5" width="18" height="16" rx="2" />
              <path d="M3 10h18M8 3v4M16 3v4" />
            </svg>
          </Button>
        </Group>
        {description && (
          <Text slot="description" className="field__hint">
            {description}
          </Text>
        )}
        <FieldError className="field__error">{errorMessage}</FieldError>
        {/* The calendar looks like the absences' range calendar (styles.css: .popover, .calendar). */}
        <Popover className="popover">
          <Dialog className="popover__dialog">
            <Calendar className="calendar calendar--single">
              <header className="calendar__header">
                <Button slot="previous" className="button button--quiet">
                  ‹
                </Button>
                <Heading className="calendar__heading" />
                <Button slot="next" className="button button--quiet">
                  ›
                </Button>
              </header>
              <CalendarGrid>{(date) => <CalendarCell date={date} className="calendar__cell" />}</CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
    </I18nProvider>
  );
}
