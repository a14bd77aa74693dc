import { slotsToMask } from '@app/core';
import { aRequest, aVolunteer } from './fixtures.spec-helper';
import { I18nService } from '@app/i18n';
import * as core from './score';

// The core returns phrases; this reads them in English, as a coordinator with `en` would.
const english = new I18nService();
const scoreVolunteer = (...args: Parameters<typeof core.scoreVolunteer>) => {
  const score = core.scoreVolunteer(...args);
  return { ...score, components: score.components.map((c) => ({ ...c, reason: english.render('en', c.reason) })) };
};

const component = (score: ReturnType<typeof scoreVolunteer>, name: string) => score.components.find((c) => c.name === name);

describe('How candidates are scored (0–100, explained)', () => {
  it('gives the full score to a perfect candidate, with a reason per component', () => {
    const score = scoreVolunteer(
      aRequest({ previousVolunteerIds: new Set(['volunteer-1']) }),
      aVolunteer({ experienceDiagnoses: ['cancer_breast'], preferredClientAgeMin: 70, preferredClientAgeMax: 95 }),
      0,
    );
    expect(score.total).toBe(100);
    expect(score.components.map((c) => c.reason)).toEqual([
      'Experience with breast cancer',
      "Client's age 81 is in the preferred range",
      '0.0 km away',
      'Free on tue afternoon',
      'No current clients',
      'Supported this client or family before',
    ]);
  });

  describe('diagnosis', () => {
    const peer = aRequest({ kind: 'peer', weights: { diagnosis: 40, age: 20, distance: 10, availability: 15, load: 10, continuity: 5 } });

    it('ranks a peer with the same diagnosis above a peer with another one', () => {
      const same = scoreVolunteer(peer, aVolunteer({ kinds: ['peer'], livedExperienceDiagnoses: ['cancer_breast'] }), 2);
      const other = scoreVolunteer(peer, aVolunteer({ kinds: ['peer'], livedExperienceDiagnoses: ['copd'] }), 2);
      expect(component(same, 'diagnosis')).toMatchObject({ points: 40, reason: 'Same diagnosis: breast cancer' });
      expect(component(other, 'diagnosis')?.points).toBe(0);
      expect(same.total - other.total).toBe(40);
    });
  });

  describe('distance', () => {
    it('falls linearly to zero at the limit', () => {
      expect(component(scoreVolunteer(aRequest(), aVolunteer(), 5), 'distance')).toMatchObject({ points: 12.5, reason: '5.0 km away' });
      expect(component(scoreVolunteer(aRequest(), aVolunteer(), 10), 'distance')?.points).toBe(0);
    });

    it('says the distance in the reader\'s own numbers: a decimal comma in Dutch', () => {
      const reason = core.scoreVolunteer(aRequest(), aVolunteer(), 2.44).components.find((c) => c.name === 'distance')?.reason;
      expect(reason && english.render('nl', reason)).toBe('2,4 km verderop');
      expect(reason && english.render('en', reason)).toBe('2.4 km away');
    });
  });

  describe('availability', () => {
    it('counts the share of desired slots covered', () => {
      const request = aRequest({ desiredMask: slotsToMask([{ day: 'tue', part: 'afternoon' }, { day: 'fri', part: 'morning' }]) });
      expect(component(scoreVolunteer(request, aVolunteer(), 0), 'availability')).toMatchObject({ points: 12.5, reason: 'Free on tue afternoon' });
    });
  });

  describe('age', () => {
    it('uses closeness of age when the volunteer has no preferred range', () => {
      expect(component(scoreVolunteer(aRequest({ clientAge: 89 }), aVolunteer({ age: 64 }), 0), 'age')).toMatchObject({ points: 7.5, reason: '25 years apart in age' });
    });

    it('gives nothing outside the preferred range', () => {
      expect(component(scoreVolunteer(aRequest({ clientAge: 60 }), aVolunteer({ preferredClientAgeMin: 70 }), 0), 'age')?.points).toBe(0);
    });
  });

  describe('load', () => {
    it('ranks a volunteer with fewer current clients higher', () => {
      const idle = scoreVolunteer(aRequest(), aVolunteer({ activeClients: 0, maxConcurrentClients: 2 }), 0);
      const busy = scoreVolunteer(aRequest(), aVolunteer({ activeClients: 1, maxConcurrentClients: 2 }), 0);
      expect(component(idle, 'load')?.points).toBe(10);
      expect(component(busy, 'load')).toMatchObject({ points: 5, reason: '1 current client' });
      expect(idle.total).toBeGreaterThan(busy.total);
    });
  });

  it("normalises by the programme's weights, whatever they sum to", () => {
    const doubled = aRequest({ weights: { diagnosis: 30, age: 30, distance: 50, availability: 50, load: 20, continuity: 20 } });
    expect(scoreVolunteer(doubled, aVolunteer(), 3).total).toBe(scoreVolunteer(aRequest(), aVolunteer(), 3).total);
  });
});
