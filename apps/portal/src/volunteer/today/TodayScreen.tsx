import { useTranslation } from 'react-i18next';
import { ForRoles } from '../../shared/routing/SignedIn';
import { useMe } from '../../shared/session/session-context';
import { Page } from '../../shared/ui/Page';

export function TodayScreen() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <ForRoles roles={['volunteer']} role={me.user.role}>
      <Page title={t('nav.today')}>
        <p>{me.user.name}</p>
      </Page>
    </ForRoles>
  );
}
