import { useTranslation } from 'react-i18next';
import { ForRoles } from '../../shared/routing/SignedIn';
import { useMe } from '../../shared/session/session-context';
import { AriaLocale } from '../../shared/i18n/AriaLocale';
import { QueryView } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { Absences } from './Absences';
import { Limits } from './Limits';
import { WeekForm } from './WeekForm';
import { useVolunteer } from './queries';

/** When the volunteer can help: the weekly parts of days, absences, and how far and how much. */
export function AvailabilityScreen() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <ForRoles roles={['volunteer']} role={me.user.role}>
      <Page title={t('availability.title')}>
        {me.user.volunteerId ? <AvailabilityOf volunteerId={me.user.volunteerId} /> : <Notice tone="info">{t('availability.noProfile')}</Notice>}
      </Page>
    </ForRoles>
  );
}

function AvailabilityOf({ volunteerId }: { volunteerId: string }) {
  const query = useVolunteer(volunteerId);
  // React Aria's date and number fields read and write in the page's language.
  return (
    <AriaLocale>
      <QueryView query={query}>
        {(volunteer) => (
          <>
            <WeekForm volunteer={volunteer} />
            <Absences volunteer={volunteer} />
            <Limits volunteer={volunteer} />
          </>
        )}
      </QueryView>
    </AriaLocale>
  );
}
