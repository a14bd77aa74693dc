import { I18nService } from '@app/i18n';
import { EmailRenderer } from './email-renderer';

describe('Rendering an email', () => {
  const renderer = new EmailRenderer(new I18nService());
  const message = {
    recipientName: 'Marieke',
    organisationName: 'VPTZ Utrecht',
    title: 'Waakdienst vannacht',
    paragraphs: ['Wilt u vannacht bij Jan waken?', 'Een <b>dringend</b> verzoek & snel'],
    link: 'https://portal.example/offers/1?a=1&b=2',
  };

  it('writes Dutch by default wording around the message, as HTML and plain text', () => {
    const email = renderer.render({ ...message, locale: 'nl' });
    expect(email.subject).toBe('Waakdienst vannacht');
    expect(email.text).toContain('Beste Marieke,');
    expect(email.text).toContain('Bekijk het in het portaal: https://portal.example/offers/1?a=1&b=2');
    expect(email.text).toContain('Een <b>dringend</b> verzoek & snel');
    expect(email.html).toContain('<html lang="nl">');
    expect(email.html).toContain('href="https://portal.example/offers/1?a&#x3D;1&amp;b&#x3D;2"');
  });

  it('escapes what it is given in the HTML part', () => {
    const email = renderer.render({ ...message, locale: 'nl' });
    expect(email.html).toContain('Een &lt;b&gt;dringend&lt;/b&gt; verzoek &amp; snel');
    expect(email.html).not.toContain('<b>dringend</b>');
  });

  it('writes English for an English reader', () => {
    const email = renderer.render({ ...message, locale: 'en', action: 'Open the offer' });
    expect(email.text).toContain('Dear Marieke,');
    expect(email.text).toContain('Open the offer: https://portal.example/offers/1');
    expect(email.text).toContain('Kind regards,\nVPTZ Utrecht');
  });
});
