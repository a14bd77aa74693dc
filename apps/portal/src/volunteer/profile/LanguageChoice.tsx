import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { LANGUAGES, isLanguage, switchLanguage } from '../../shared/i18n/i18n';
import { useMe } from '../../shared/session/session-context';
import { Notice } from '../../shared/ui/Notice';
import { messageOf } from '../../shared/ui/errors';
import { useUpdateMe } from './queries';

/** The language of the portal and of every message; stored in the profile, so it follows the user. */
export function LanguageChoice() {
  const { t } = useTranslation();
  const { user } = useMe();
  const update = useUpdateMe();
  const [changed, setChanged] = useState(false);

  const choose = (value: string) => {
    if (!isLanguage(value) || value === user.locale) return;
    setChanged(false);
    update.mutate({ locale: value }, { onSuccess: () => void switchLanguage(value).then(() => setChanged(true)) });
  };

  return (
    <section aria-labelledby="language-title" className="stack">
      <h2 id="language-title">{t('profile.language.title')}</h2>
      <RadioGroup className="choice" value={update.isPending ? (update.variables.locale ?? user.locale) : user.locale} onChange={choose} isDisabled={update.isPending}>
        <Label className="field__label">{t('profile.language.label')}</Label>
        {LANGUAGES.map((language) => (
          // Each language is named in itself, so it can be found whatever the page's language.
          <Radio key={language} value={language} className="choice__option" lang={language}>
            {t(`common.languages.${language}`)}
          </Radio>
        ))}
      </RadioGroup>
      {update.isError && <Notice tone="error">{messageOf(update.error)}</Notice>}
      {changed && <Notice tone="success">{t('profile.language.changed')}</Notice>}
    </section>
  );
}
