import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../shared/session/session-context';
import { Page } from '../../shared/ui/Page';
import { CalendarFeed } from './CalendarFeed';
import { Credentials } from './Credentials';
import { Details } from './Details';
import { LanguageChoice } from './LanguageChoice';

/** The signed-in person's own details; the parts about volunteering only for a volunteer. */
export function ProfileScreen() {
  const { t } = useTranslation();
  const me = useMe();
  const volunteerId = me.user.role === 'volunteer' ? me.user.volunteerId : null;
  return (
    <Page title={t('profile.title')}>
      <Details />
      {volunteerId && <Credentials volunteerId={volunteerId} />}
      {me.user.role === 'volunteer' && <CalendarFeed />}
      <LanguageChoice />
      <section aria-labelledby="account-title" className="stack">
        <h2 id="account-title">{t('profile.account.title')}</h2>
        <ul className="links">
          <li>
            <Link to="/account/password">{t('profile.account.password')}</Link>
          </li>
          <li>
            <Link to="/profile/notifications">{t('profile.account.notifications')}</Link>
          </li>
        </ul>
      </section>
    </Page>
  );
}
