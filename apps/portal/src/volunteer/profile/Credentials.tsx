import { useTranslation } from 'react-i18next';
import { QueryView } from '../../shared/ui/Loading';
import { useVolunteer } from '../availability/queries';
import { credentialState, formatDay } from './credentials';

/** VOG and trainings with their validity in words (coordinators record them; read only here). */
export function Credentials({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const query = useVolunteer(volunteerId);
  return (
    <section aria-labelledby="credentials-title" className="stack">
      <h2 id="credentials-title">{t('profile.credentials.title')}</h2>
      <QueryView query={query}>
        {(volunteer) =>
          volunteer.credentials.length === 0 ? (
            <p>{t('profile.credentials.none')}</p>
          ) : (
            <ul className="list">
              {volunteer.credentials.map((credential) => {
                const state = credentialState(credential);
                const dates = { expiresOn: credential.expiresOn ? formatDay(credential.expiresOn) : '', issuedOn: formatDay(credential.issuedOn) };
                return (
                  <li key={credential.id} className={`card credential credential--${state}`}>
                    <h3>{t(`profile.credentials.types.${credential.type}`)}</h3>
                    <p className="credential__state">{t(`profile.credentials.state.${state}`, dates)}</p>
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryView>
      <p className="field__hint">{t('profile.credentials.hint')}</p>
    </section>
  );
}
