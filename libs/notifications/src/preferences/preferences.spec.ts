import { I18nService, LOCALES } from '@app/i18n';
import { NOTIFICATION_KINDS, NotificationKind } from '../inbox/notification.entity';
import { effectivePreferences, kindsFor, nextAmsterdamTime, planDeliveries, quietUntil } from './preferences';

const K = NotificationKind;

describe('Notification preferences', () => {
  it('gives volunteers vigil offers by push and email, the rest in the inbox with a digest; coordinators alerts at once', () => {
    const volunteer = effectivePreferences('volunteer', null, kindsFor('volunteer'));
    expect(volunteer.kinds.find((k) => k.kind === K.VigilOffer)).toEqual({ kind: K.VigilOffer, channels: ['push', 'email'], digest: false });
    expect(volunteer.kinds.find((k) => k.kind === K.MatchProposed)).toEqual({ kind: K.MatchProposed, channels: [], digest: true });
    const coordinator = effectivePreferences('coordinator', null, kindsFor('coordinator'));
    expect(coordinator.kinds.find((k) => k.kind === K.VigilAlert)).toEqual({ kind: K.VigilAlert, channels: ['push', 'email'], digest: false });
    expect(coordinator.kinds.find((k) => k.kind === K.FollowUpDue)).toEqual({ kind: K.FollowUpDue, channels: ['email'], digest: false });
  });

  it('finds quiet hours across midnight in Amsterdam time, summer and winter', () => {
    // 23:00 in Amsterdam: 22:00 UTC in winter, 21:00 UTC in summer; the window ends at 07:00 local.
    expect(quietUntil(new Date('2027-01-12T22:00:00Z'), '22:00', '07:00')).toEqual(new Date('2027-01-13T06:00:00Z'));
    expect(quietUntil(new Date('2027-07-12T21:00:00Z'), '22:00', '07:00')).toEqual(new Date('2027-07-13T05:00:00Z'));
    expect(quietUntil(new Date('2027-01-13T05:30:00Z'), '22:00', '07:00')).toEqual(new Date('2027-01-13T06:00:00Z')); // 06:30 local
    expect(quietUntil(new Date('2027-01-13T06:00:00Z'), '22:00', '07:00')).toBeNull(); // 07:00 local: over
    expect(quietUntil(new Date('2027-01-12T20:59:00Z'), '22:00', '07:00')).toBeNull(); // 21:59 local
    // A window within one day: 12:30 local is before it, 13:30 local inside it.
    expect(quietUntil(new Date('2027-01-12T11:30:00Z'), '13:00', '14:00')).toBeNull();
    expect(quietUntil(new Date('2027-01-12T12:30:00Z'), '13:00', '14:00')).toEqual(new Date('2027-01-12T13:00:00Z'));
  });

  it('schedules the digest at the next digest time, over the change to summer time', () => {
    expect(nextAmsterdamTime(new Date('2027-03-27T10:00:00Z'), '08:00')).toEqual(new Date('2027-03-28T06:00:00Z')); // CEST from 28 March
    expect(nextAmsterdamTime(new Date('2027-03-28T05:00:00Z'), '08:00')).toEqual(new Date('2027-03-28T06:00:00Z'));
  });

  it('holds non-urgent channels in quiet hours, never urgent ones, and puts digest kinds in the digest', () => {
    const stored = { kinds: [{ kind: K.MatchStarted, channels: ['push' as const], digest: true }], quietStart: '22:00', quietEnd: '07:00', digestAt: '08:00' };
    const night = new Date('2027-01-12T22:00:00Z');
    const prefs = effectivePreferences('volunteer', stored, kindsFor('volunteer'));
    expect(planDeliveries(prefs, K.VigilOffer, night)).toEqual([
      { channel: 'push', digest: false, heldUntil: null },
      { channel: 'email', digest: false, heldUntil: null },
    ]);
    expect(planDeliveries(prefs, K.MatchStarted, night)).toEqual([
      { channel: 'push', digest: false, heldUntil: new Date('2027-01-13T06:00:00Z') },
      { channel: 'email', digest: true, heldUntil: new Date('2027-01-13T07:00:00Z') },
    ]);
    expect(planDeliveries(prefs, K.VigilTaken, night)).toEqual([]); // the inbox only
  });

  it('has a title, body and action for every kind in every language', () => {
    const i18n = new I18nService();
    const missing = NOTIFICATION_KINDS.flatMap((kind) => ['title', 'body', 'action'].map((part) => `notification.${kind}.${part}`)).filter((key) => !i18n.has(key));
    expect(missing).toEqual([]);
    for (const locale of LOCALES) expect(i18n.t(locale, 'notification.vigil_offer.title', { firstName: 'Wil', place: 'Utrecht' })).toMatch(/Wil.*Utrecht/);
  });
});
