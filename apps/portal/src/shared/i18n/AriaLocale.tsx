import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { I18nProvider } from 'react-aria-components';

/** React Aria's date, time and number fields read and write in the page's language (order of day and month, names of the segments). */
export function AriaLocale({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <I18nProvider locale={i18n.language === 'en' ? 'en-GB' : 'nl-NL'}>{children}</I18nProvider>;
}
