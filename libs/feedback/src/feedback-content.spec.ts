import { I18nService } from '@app/i18n';
import { feedbackContent, FeedbackFacts } from './feedback-content';

describe('What the referrer is told, in their language', () => {
  const i18n = new I18nService();
  const facts: FeedbackFacts = { requestId: 'r-1', clientInitials: 'W. J.', programmeName: 'Buddyzorg Utrecht', submittedAt: new Date('2026-11-02T09:00:00Z') };

  it('writes Dutch for a Dutch source, with dates written out', () => {
    const matched = feedbackContent(i18n, 'nl', 'matched', { ...facts, volunteerFirstName: 'Marieke', startDate: '2026-12-01' });
    expect(matched.subject).toBe('Er is een vrijwilliger gevonden');
    expect(matched.text).toBe('Marieke gaat W. J. ondersteunen vanaf 1 december 2026. Het gaat om uw aanmelding voor W. J. (Buddyzorg Utrecht, ingediend op 2 november 2026).');
    expect(matched.data).toEqual({ volunteerFirstName: 'Marieke', startDate: '2026-12-01' });
  });

  it('writes English for a source that chose it, and counts visits in words that fit the number', () => {
    expect(feedbackContent(i18n, 'en', 'progress', { ...facts, period: '2026-11', visitsInPeriod: 1 }).text).toBe(
      'The support for your request for W. J. (Buddyzorg Utrecht, submitted 2 November 2026) continues: 1 visit in 2026-11.',
    );
    expect(feedbackContent(i18n, 'nl', 'progress', { ...facts, period: '2026-11', visitsInPeriod: 3 }).text).toContain('3 bezoeken in 2026-11');
  });

  it('gives the end reason in words of the language, and its code in the data', () => {
    const ended = feedbackContent(i18n, 'nl', 'ended', { ...facts, endReason: 'client_died' });
    expect(ended.text).toContain('Reden: de cliënt is overleden.');
    expect(ended.data).toEqual({ reason: 'client_died', reasonText: 'de cliënt is overleden' });
  });
});
