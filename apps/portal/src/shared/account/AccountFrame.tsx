import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Key, ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { isLanguage, LANGUAGES, switchLanguage } from '../i18n/i18n';
import { Page } from '../ui/Page';

/** The frame of the screens before login: narrow, with a choice of language (no profile to take it from yet). */
export function AccountFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="narrow">
      <LanguageChoice />
      <Page title={title}>{children}</Page>
    </main>
  );
}

function LanguageChoice() {
  const { t, i18n } = useTranslation();
  const choose = (keys: Set<Key>) => {
    const [language] = [...keys];
    if (isLanguage(language)) void switchLanguage(language);
  };
  return (
    <ToggleButtonGroup
      className="language-choice"
      aria-label={t('common.language')}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[i18n.language]}
      onSelectionChange={choose}
    >
      {LANGUAGES.map((language) => (
        // Each name in its own language, marked so a screen reader pronounces it right.
        <ToggleButton key={language} id={language} lang={language} className="language-choice__option">
          {t(`common.languages.${language}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
