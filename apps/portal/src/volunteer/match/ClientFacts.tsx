import { useTranslation } from 'react-i18next';
import { formatDate, formatKm, formatWindow } from '../../shared/format/format';
import type { ClientView } from './queries';

const NEEDS = ['physical', 'psychological', 'social', 'spiritual'] as const;

export function neighbourhoodOf(client: Pick<ClientView, 'neighbourhood'>): string | null {
  const { postcodeDigits, city } = client.neighbourhood;
  return [postcodeDigits, city].filter(Boolean).join(' ') || null;
}

function joined(...parts: Array<string | null | undefined>): string {
  return parts.filter(Boolean).join(' ');
}

/**
 * What a volunteer may know of a client, as a list of facts. Address and phone appear only when the API
 * sends them (an active match); the browser never decides that.
 */
export function ClientFacts({ client, distanceKm }: { client: ClientView; distanceKm?: number }) {
  const { t } = useTranslation();
  const needs = NEEDS.filter((need) => client.needs[need]);
  const unknown = t('clientView.unknown');
  const address = client.address;
  const support = client.supportLocation;
  // Where the support happens, when it is not at home (a hospice, a hospital).
  const elsewhere = address && support && (support.postcode ?? '') !== (address.postcode ?? '') ? support : null;
  return (
    <dl className="facts">
      <dt>{t('clientView.kind')}</dt>
      <dd>{t(`clientView.kinds.${client.kind}`)}</dd>
      <dt>{t('clientView.age')}</dt>
      <dd>{t('clientView.ageValue', { band: client.ageBand })}</dd>
      <dt>{t('clientView.neighbourhood')}</dt>
      <dd>{neighbourhoodOf(client) ?? unknown}</dd>
      {distanceKm !== undefined && (
        <>
          <dt>{t('clientView.distance')}</dt>
          <dd>{t('clientView.distanceValue', { km: formatKm(distanceKm) })}</dd>
        </>
      )}
      {client.vigilWindow && (
        <>
          <dt>{t('clientView.window')}</dt>
          <dd>{formatWindow(client.vigilWindow.start, client.vigilWindow.end)}</dd>
        </>
      )}
      {client.desiredSlots.length > 0 && (
        <>
          <dt>{t('clientView.desiredTimes')}</dt>
          <dd>
            <ul className="plain-list">
              {client.desiredSlots.map((slot) => (
                <li key={`${slot.day}-${slot.part}`}>{t('clientView.slot', { day: t(`clientView.days.${slot.day}`), part: t(`clientView.parts.${slot.part}`) })}</li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {client.frequency && (
        <>
          <dt>{t('clientView.frequency')}</dt>
          <dd>{t(`clientView.frequencies.${client.frequency}`)}</dd>
        </>
      )}
      {client.startDate && (
        <>
          <dt>{t('clientView.startDate')}</dt>
          <dd>{formatDate(client.startDate)}</dd>
        </>
      )}
      <dt>{t('clientView.needs')}</dt>
      <dd>
        {needs.length === 0 ? (
          t('clientView.noNeeds')
        ) : (
          <ul className="plain-list">
            {needs.map((need) => (
              <li key={need}>
                <strong>{t(`clientView.needTypes.${need}`)}:</strong> {client.needs[need]}
              </li>
            ))}
          </ul>
        )}
      </dd>
      {address && (
        <>
          <dt>{t('clientView.address')}</dt>
          <dd>{joined(address.street, address.houseNumber) || unknown}{address.postcode || address.city ? `, ${joined(address.postcode, address.city)}` : ''}</dd>
        </>
      )}
      {elsewhere && (
        <>
          <dt>{t('clientView.supportLocation')}</dt>
          <dd>{joined(elsewhere.postcode, elsewhere.houseNumber, elsewhere.city) || unknown}</dd>
        </>
      )}
      {client.phone !== undefined && (
        <>
          <dt>{t('clientView.phone')}</dt>
          <dd>{client.phone ? <a href={`tel:${client.phone.replace(/\s+/g, '')}`}>{client.phone}</a> : t('clientView.noPhone')}</dd>
        </>
      )}
    </dl>
  );
}
