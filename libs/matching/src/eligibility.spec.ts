import { slotsToMask } from '@app/core';
import { I18nService } from '@app/i18n';
import * as core from './eligibility';

// The core returns phrases; these read them in English, as a coordinator with `en` would.
const english = new I18nService();
const checkEligibility = (...args: Parameters<typeof core.checkEligibility>) => {
  const result = core.checkEligibility(...args);
  return result.eligible ? result : { ...result, reason: english.render('en', result.reason) };
};
const explainEligibility = (...args: Parameters<typeof core.explainEligibility>) => {
  const result = core.explainEligibility(...args);
  return { ...result, rules: result.rules.map((r) => ({ ...r, reason: english.render('en', r.reason) })) };
};
import { aRequest, aVolunteer, north } from './fixtures.spec-helper';

const rule = (result: ReturnType<typeof checkEligibility>) => (result.eligible ? 'eligible' : result.rule);

describe('Who may be a candidate (hard rules)', () => {
  it('accepts an active volunteer who meets every rule', () => {
    expect(checkEligibility(aRequest(), aVolunteer())).toEqual({ eligible: true, distanceKm: 0 });
  });

  describe('status and kind', () => {
    it.each(['applicant', 'paused', 'inactive'] as const)('excludes a volunteer who is %s', (status) => {
      expect(checkEligibility(aRequest(), aVolunteer({ status }))).toMatchObject({ eligible: false, rule: 'status', reason: `Volunteer is ${status === 'applicant' ? 'an applicant' : status}` });
    });

    it('excludes a volunteer who does not offer the kind of support', () => {
      expect(rule(checkEligibility(aRequest({ kind: 'vigil', requiredCredentials: ['vog'] }), aVolunteer()))).toBe('kind');
    });
  });

  describe('credentials valid on the start date', () => {
    const withVog = (expiresOn: string) => aVolunteer({ credentials: [{ type: 'vog', issuedOn: '2024-01-01', expiresOn }, { type: 'basic_training', issuedOn: '2024-01-01', expiresOn: null }] });

    it('excludes a VOG that expires the day before the start date', () => {
      expect(checkEligibility(aRequest(), withVog('2027-01-03'))).toMatchObject({ eligible: false, rule: 'credentials', reason: 'No valid VOG on 2027-01-04' });
    });

    it('accepts a VOG that expires on the start date itself', () => {
      expect(rule(checkEligibility(aRequest(), withVog('2027-01-04')))).toBe('eligible');
    });

    it('always requires a VOG, even when the programme does not list it', () => {
      const noVog = aVolunteer({ credentials: [{ type: 'basic_training', issuedOn: '2024-01-01', expiresOn: null }] });
      expect(rule(checkEligibility(aRequest({ requiredCredentials: ['basic_training'] }), noVog))).toBe('credentials');
    });

    it('requires the extra training of a navigator programme and names what is missing', () => {
      const request = aRequest({ kind: 'navigator', requiredCredentials: ['vog', 'basic_training', 'navigator_training'] });
      expect(checkEligibility(request, aVolunteer({ kinds: ['navigator'] }))).toMatchObject({ rule: 'credentials', reason: 'No valid navigator training on 2027-01-04' });
    });
  });

  describe('capacity', () => {
    it('excludes a volunteer whose capacity is full', () => {
      expect(checkEligibility(aRequest(), aVolunteer({ activeClients: 2, maxConcurrentClients: 2 }))).toMatchObject({ rule: 'capacity', reason: 'Already supports 2 of at most 2 clients' });
    });

    it('accepts one with a place left', () => {
      expect(rule(checkEligibility(aRequest(), aVolunteer({ activeClients: 1, maxConcurrentClients: 2 })))).toBe('eligible');
    });
  });

  describe('distance within both limits', () => {
    const at = (km: number) => aVolunteer({ location: north(aRequest().location, km) });

    it('accepts a volunteer exactly at the limit', () => {
      expect(rule(checkEligibility(aRequest(), at(10 - 1e-9)))).toBe('eligible');
    });

    it("excludes one just past the volunteer's own limit", () => {
      expect(checkEligibility(aRequest(), at(10.05))).toMatchObject({ rule: 'distance', reason: '10.1 km away; the limit is 10 km' });
    });

    it("applies the programme's limit when it is the smaller one", () => {
      expect(rule(checkEligibility(aRequest({ programmeMaxDistanceKm: 5 }), at(7)))).toBe('distance');
    });
  });

  describe('availability', () => {
    it('accepts a single overlapping slot', () => {
      const request = aRequest({ desiredMask: slotsToMask([{ day: 'mon', part: 'morning' }, { day: 'thu', part: 'afternoon' }]) });
      expect(rule(checkEligibility(request, aVolunteer()))).toBe('eligible');
    });

    it('excludes a volunteer free at none of the desired times', () => {
      expect(checkEligibility(aRequest({ desiredMask: slotsToMask([{ day: 'sat', part: 'evening' }]) }), aVolunteer())).toMatchObject({
        rule: 'availability',
        reason: 'Free at none of the desired times',
      });
    });
  });

  describe('vigil windows', () => {
    const vigil = (start: string, end: string) => aRequest({ kind: 'vigil', requiredCredentials: ['vog'], desiredMask: 0, vigilWindow: { start: new Date(start), end: new Date(end) } });
    const watcher = (slots: Parameters<typeof slotsToMask>[0], extra = {}) => aVolunteer({ kinds: ['vigil'], availabilityMask: slotsToMask(slots), ...extra });

    it('accepts a volunteer free the whole night of a window crossing midnight', () => {
      // Tuesday 22:00 to Wednesday 07:00, Amsterdam time (winter).
      expect(rule(checkEligibility(vigil('2026-12-01T21:00:00Z', '2026-12-02T06:00:00Z'), watcher([{ day: 'tue', part: 'night' }])))).toBe('eligible');
    });

    it('excludes a volunteer free only in the evening before, and says which slot is missing', () => {
      expect(checkEligibility(vigil('2026-12-01T20:00:00Z', '2026-12-02T06:00:00Z'), watcher([{ day: 'tue', part: 'night' }]))).toMatchObject({
        rule: 'availability',
        reason: 'Not free during the whole vigil (not on tue evening)',
      });
    });

    it('follows Amsterdam time through the DST change', () => {
      // Saturday 23:00 to Sunday 09:00 local on 28–29 March 2026: the clock jumps at 02:00.
      const request = vigil('2026-03-28T22:00:00Z', '2026-03-29T07:00:00Z');
      expect(rule(checkEligibility(request, watcher([{ day: 'sat', part: 'night' }])))).toBe('availability'); // 08:00–09:00 is Sunday morning
      expect(rule(checkEligibility(request, watcher([{ day: 'sat', part: 'night' }, { day: 'sun', part: 'morning' }])))).toBe('eligible');
    });

    it('excludes a volunteer away during the window', () => {
      const away = watcher([{ day: 'tue', part: 'night' }], { unavailablePeriods: [{ startsAt: new Date('2026-12-01T00:00:00Z'), endsAt: new Date('2026-12-01T23:00:00Z') }] });
      expect(checkEligibility(vigil('2026-12-01T21:00:00Z', '2026-12-02T06:00:00Z'), away)).toMatchObject({ rule: 'availability', reason: 'Away during the vigil' });
    });
  });

  describe('capacity of a vigil is about time, not about clients', () => {
    const night = { start: new Date('2026-12-01T21:00:00Z'), end: new Date('2026-12-02T06:00:00Z') };
    const vigil = aRequest({ kind: 'vigil', requiredCredentials: ['vog'], desiredMask: 0, vigilWindow: night });
    const watcher = (extra = {}) => aVolunteer({ kinds: ['vigil'], availabilityMask: slotsToMask([{ day: 'tue', part: 'night' }]), ...extra });

    it('accepts a volunteer whose places for ongoing support are all taken', () => {
      expect(rule(checkEligibility(vigil, watcher({ activeClients: 2, maxConcurrentClients: 2 })))).toBe('eligible');
    });

    it('accepts a volunteer booked on another night', () => {
      const booked = watcher({ bookings: [{ startsAt: new Date('2026-11-30T21:00:00Z'), endsAt: new Date('2026-12-01T06:00:00Z') }] });
      expect(rule(checkEligibility(vigil, booked))).toBe('eligible');
    });

    it('excludes a volunteer already booked during part of the window, and says when', () => {
      const booked = watcher({ bookings: [{ startsAt: new Date('2026-12-02T05:00:00Z'), endsAt: new Date('2026-12-02T09:00:00Z') }] });
      expect(checkEligibility(vigil, booked)).toMatchObject({ rule: 'capacity', reason: 'Already booked from Wed 2 Dec 06:00 to Wed 2 Dec 10:00' });
    });

    it('ignores bookings for ongoing support, where the number of clients counts', () => {
      const booked = aVolunteer({ bookings: [{ startsAt: new Date('2027-01-05T13:00:00Z'), endsAt: new Date('2027-01-05T15:00:00Z') }] });
      expect(rule(checkEligibility(aRequest(), booked))).toBe('eligible');
    });
  });

  describe('every rule explained for one volunteer', () => {
    it('gives each rule its outcome in the fixed order, with a reason when it passes too', () => {
      const { rules } = explainEligibility(aRequest(), aVolunteer());
      expect(rules.map((r) => [r.rule, r.passed])).toEqual([
        ['status', true],
        ['kind', true],
        ['credentials', true],
        ['capacity', true],
        ['distance', true],
        ['availability', true],
        ['language', true],
        ['excluded', true],
      ]);
      expect(rules.find((r) => r.rule === 'capacity')?.reason).toBe('Supports 0 of at most 2 clients');
    });

    it('goes on past the first failure, and checkEligibility reports that first one', () => {
      const volunteer = aVolunteer({ status: 'paused', languages: ['en'] });
      const request = aRequest({ requiredLanguage: 'nl' });
      const failed = explainEligibility(request, volunteer).rules.filter((r) => !r.passed);
      expect(failed).toEqual([
        { rule: 'status', passed: false, reason: 'Volunteer is paused' },
        { rule: 'language', passed: false, reason: 'Does not speak nl' },
      ]);
      expect(checkEligibility(request, volunteer)).toMatchObject({ rule: 'status', reason: 'Volunteer is paused' });
    });
  });

  describe('language and exclusions', () => {
    it('excludes a volunteer who does not speak the required language', () => {
      expect(checkEligibility(aRequest({ requiredLanguage: 'tr' }), aVolunteer())).toMatchObject({ rule: 'language', reason: 'Does not speak tr' });
      expect(rule(checkEligibility(aRequest({ requiredLanguage: 'tr' }), aVolunteer({ languages: ['nl', 'tr'] })))).toBe('eligible');
    });

    it('excludes a volunteer who declined this client before', () => {
      expect(rule(checkEligibility(aRequest({ excludedVolunteerIds: new Set(['volunteer-1']) }), aVolunteer()))).toBe('excluded');
    });
  });
});
