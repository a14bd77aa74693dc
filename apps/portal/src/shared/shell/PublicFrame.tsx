import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES, switchLanguage } from '../i18n/i18n';

/**
 * The frame of the screens before login (login, invitation, password reset): the service's name and
 * a language choice, since nobody's profile says their language yet.
 */
export function PublicFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const current = currentLanguage();
  return (
    <div className="shell">
      <header className="shell__header">
        <span className="shell__brand">{t('app.name')}</span>
        <span className="shell__organisation" />
        <div role="group" aria-label={t('common.language')} className="row">
          {LANGUAGES.map((language) => (
            <button
              key={language}
              type="button"
              lang={language}
              className="shell__logout"
              aria-pressed={language === current}
              onClick={() => void switchLanguage(language)}
            >
              {t(`common.languages.${language}`)}
            </button>
          ))}
        </div>
      </header>
      <main id="main" className="narrow" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
