import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QRCodeSVG } from 'qrcode.react';
import { Button } from '../../shared/ui/Button';
import { Notice } from '../../shared/ui/Notice';
import { TextField } from '../../shared/ui/TextField';
import { messageOf } from '../../shared/ui/errors';
import { useCreateCalendarFeed, useRevokeCalendarFeed } from './queries';

type News = { tone: 'success' | 'error'; text: string };

/**
 * The secret calendar address for the phone's agenda app. The API shows an address only once and keeps
 * no way to read it back, so every "make" makes a new one and ends the old one: the page says so first.
 */
export function CalendarFeed() {
  const { t } = useTranslation();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [address, setAddress] = useState<string | null>(null);
  const [news, setNews] = useState<News | null>(null);
  const busy = create.isPending || revoke.isPending;

  const make = () => {
    setNews(null);
    create.mutate(undefined, { onSuccess: ({ url }) => setAddress(url) });
  };
  const stop = () => {
    setNews(null);
    revoke.mutate(undefined, {
      onSuccess: () => {
        setAddress(null);
        setNews({ tone: 'success', text: t('profile.calendar.stopped') });
      },
    });
  };
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setNews({ tone: 'success', text: t('profile.calendar.copied') });
    } catch {
      setNews({ tone: 'error', text: t('profile.calendar.copyFailed') });
    }
  };
  const failure = create.error ?? revoke.error;

  return (
    <section aria-labelledby="calendar-title" className="stack">
      <h2 id="calendar-title">{t('profile.calendar.title')}</h2>
      <p>{t('profile.calendar.intro')}</p>
      {address && (
        <div className="stack card">
          <TextField label={t('profile.calendar.address')} isReadOnly value={address} description={t('profile.calendar.secret')} />
          <Button variant="secondary" onPress={() => void copy(address)}>
            {t('profile.calendar.copy')}
          </Button>
          <figure className="qr">
            <QRCodeSVG value={address} size={192} marginSize={2} role="img" aria-labelledby="calendar-qr" />
            <figcaption id="calendar-qr">{t('profile.calendar.qr')}</figcaption>
          </figure>
        </div>
      )}
      {failure && <Notice tone="error">{messageOf(failure)}</Notice>}
      {news && <Notice tone={news.tone}>{news.text}</Notice>}
      <p className="warning-text" id="calendar-new-warning">
        {t('profile.calendar.replaces')}
      </p>
      <div className="row">
        <Button variant={address ? 'secondary' : 'primary'} isDisabled={busy} onPress={make} aria-describedby="calendar-new-warning">
          {address ? t('profile.calendar.renew') : t('profile.calendar.make')}
        </Button>
        <Button variant="danger" isDisabled={busy} onPress={stop}>
          {t('profile.calendar.stop')}
        </Button>
      </div>
    </section>
  );
}
