import { PersonMessage } from '../../delivery/channel';
import { SMS_LENGTH, smsText, textableNumber } from './sms.channel';

const message = (title: string, link: string | null): PersonMessage => ({ notificationId: 'n1', kind: 'vigil_offer', urgent: true, title, body: 'not sent by SMS', link });

describe('SMS text', () => {
  it('is the title and the link, without the body', () => {
    expect(smsText(message('Waakdienst vannacht voor Wilhelmina', 'https://portal.example.org/offers/1'))).toBe('Waakdienst vannacht voor Wilhelmina https://portal.example.org/offers/1');
  });

  it('shortens a long title so title and link fit one segment, and keeps the link whole', () => {
    const link = `https://portal.example.org/offers/${'a'.repeat(36)}`;
    const text = smsText(message('Een heel lange titel '.repeat(10), link));
    expect(text.length).toBeLessThanOrEqual(SMS_LENGTH);
    expect(text).toMatch(/\.\.\. https:\/\/portal\.example\.org\/offers\/a{36}$/);
  });
});

describe('Numbers to text', () => {
  it('reads Dutch mobile numbers as typed, and foreign ones with their prefix', () => {
    expect(textableNumber('06 12345678')).toBe('+31612345678');
    expect(textableNumber('+31 (0)6-1234 5678')).toBe('+31612345678');
    expect(textableNumber('+32 470 12 34 56')).toBe('+32470123456');
  });

  it('refuses what is no number, or a landline', () => {
    expect(textableNumber(null)).toBeNull();
    expect(textableNumber('12')).toBeNull();
    expect(textableNumber('bel mij niet')).toBeNull();
    expect(textableNumber('030 123 4567')).toBeNull();
  });
});
