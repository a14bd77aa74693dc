import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';

/**
 * What a screen that failed to open shows (its code could not be fetched: offline, or a newer version
 * of the portal replaced it), instead of the router's message for developers.
 */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <main id="main" className="narrow">
      <Notice tone="error" title={t('app.screenFailed')}>
        <p>{navigator.onLine ? t('app.screenFailedHint') : t('app.offline')}</p>
        <Button onPress={() => window.location.reload()}>{t('app.reload')}</Button>
      </Notice>
    </main>
  );
}
