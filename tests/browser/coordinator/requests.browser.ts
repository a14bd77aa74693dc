import { RequestPage } from '../../../apps/portal/src/coordinator/request/request.page';
import { RequestsPage } from '../../../apps/portal/src/coordinator/requests/requests.page';
import { api, ok, Person } from '../support/api';
import { expect, expectAccessible, screenshot, test } from '../support/fixtures';

async function speak(person: Person, locale: 'nl' | 'en'): Promise<void> {
  await ok(api(person.token).PATCH('/api/me', { body: { locale } }), 'locale');
}

/** The coordinator's requests list and one request's triage, on a desktop. */
test.describe('Requests of a coordinator', () => {
  test('the list narrows by status, keeps the filter in the address, and is accessible in Dutch and English', async ({ coordinatorPage: page, coordinator, given }) => {
    const waiting = await given.request({ client: { firstName: 'Geertruida', lastName: 'Wachtmans', birthDate: '1938-02-11', diagnosisGroup: 'copd', consentGivenBy: 'client', lat: 52.09, lon: 5.12, city: 'Utrecht' } });
    const accepted = await given.request({ client: { firstName: 'Hendrik', lastName: 'Aangenomen', birthDate: '1944-05-01', diagnosisGroup: 'dementia', consentGivenBy: 'relative', lat: 52.09, lon: 5.12, city: 'Utrecht' } });
    await given.triage(accepted.id);

    const list = new RequestsPage(page);
    await list.open();
    await expect(list.row('Geertruida Wachtmans')).toBeVisible();
    await expect(list.row('Hendrik Aangenomen')).toBeVisible();
    await expect(list.row('Hendrik Aangenomen')).toContainText(list.t('coordinator.vocab.statuses.triaged'));

    await list.filterStatus('submitted');
    await expect(list.row('Hendrik Aangenomen')).toHaveCount(0);
    await expect(list.row('Geertruida Wachtmans')).toBeVisible();
    expect(new URL(page.url()).searchParams.get('status')).toBe('submitted');
    await page.reload();
    await expect(list.row('Geertruida Wachtmans')).toBeVisible();
    await expect(list.row('Hendrik Aangenomen')).toHaveCount(0);
    await expectAccessible(page, 'requests (nl)');
    await screenshot(page, 'coordinator-requests-nl');

    await list.openRequest('Geertruida Wachtmans');
    const request = new RequestPage(page);
    await expect(page).toHaveURL(new RegExp(`/requests/${waiting.id}$`));
    await expect(request.section('client')).toContainText(request.t('coordinator.vocab.diagnoses.copd'));
    await expectAccessible(page, 'request (nl)');
    await screenshot(page, 'coordinator-request-nl');

    await speak(coordinator, 'en');
    try {
      const english = new RequestsPage(page, 'en');
      await english.open('/requests?status=submitted');
      await expect(english.row('Geertruida Wachtmans')).toContainText(english.t('coordinator.vocab.statuses.submitted'));
      await expectAccessible(page, 'requests (en)');
      await screenshot(page, 'coordinator-requests-en');
      const request = new RequestPage(page, 'en');
      await request.open(`/requests/${waiting.id}`);
      await expect(request.section('triage')).toBeVisible();
      await expectAccessible(page, 'request (en)');
      await screenshot(page, 'coordinator-request-en');
    } finally {
      await speak(coordinator, 'nl');
    }
  });

  test('a submitted request is accepted by keyboard only', async ({ coordinatorPage: page, coordinator, given }) => {
    const submitted = await given.request({ client: { firstName: 'Toos', lastName: 'Toetsenbord', birthDate: '1940-03-03', diagnosisGroup: 'cancer_lung', consentGivenBy: 'client', lat: 52.09, lon: 5.12, city: 'Utrecht' } });
    const request = new RequestPage(page);
    await request.open(`/requests/${submitted.id}`);
    await expect(request.decision('accept')).toBeChecked();
    // From the heading (focused on arrival) with Tab to the decision, then on to the save button.
    await request.heading().focus();
    for (let i = 0; i < 30 && !(await request.decision('accept').evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(request.decision('accept')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(request.submitTriage()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(request.saved()).toBeVisible();
    await expect(request.status()).toHaveText(request.t('coordinator.vocab.statuses.triaged'));
    await expect(request.candidatesLink()).toBeVisible();
    await expect(request.submitTriage()).toHaveCount(0);
    const stored = await ok(api(coordinator.token).GET('/api/requests/{id}', { params: { path: { id: submitted.id } } }), 'request');
    expect(stored.status).toBe('triaged');
    await screenshot(page, 'coordinator-request-triaged-nl');
  });

  test('asking for information needs a question; the question is in the history', async ({ coordinatorPage: page, coordinator, given }) => {
    const submitted = await given.request({ client: { firstName: 'Isa', lastName: 'Informatie', birthDate: '1950-07-07', diagnosisGroup: 'heart_failure', consentGivenBy: 'client', lat: 52.09, lon: 5.12, city: 'Utrecht' } });
    const request = new RequestPage(page);
    await request.open(`/requests/${submitted.id}`);
    await request.choose('needs_info');
    await expect(request.decision('needs_info')).toBeChecked();
    await request.submitTriage().click();
    await expect(request.reason('needs_info')).toHaveAttribute('aria-invalid', 'true');
    await expect(request.reason('needs_info')).toBeFocused();
    await request.reason('needs_info').fill('Op welke dagdelen is bezoek welkom?');
    await request.submitTriage().click();
    await expect(request.saved()).toBeVisible();
    await expect(request.status()).toHaveText(request.t('coordinator.vocab.statuses.needs_info'));
    await expect(request.history().filter({ hasText: 'Op welke dagdelen is bezoek welkom?' })).toBeVisible();
    const stored = await ok(api(coordinator.token).GET('/api/requests/{id}', { params: { path: { id: submitted.id } } }), 'request');
    expect(stored.status).toBe('needs_info');
    await expectAccessible(page, 'request waiting for information (nl)');
    await screenshot(page, 'coordinator-request-needs-info-nl');
  });

  test('the messages to the referrer are listed with their delivery state', async ({ coordinatorPage: page, coordinator, given }) => {
    const source = await ok(
      api(coordinator.token).POST('/api/referral-sources', {
        body: { name: 'Transferpunt UMC', type: 'hospital', feedbackChannel: 'email', feedbackEmail: given.email('transferpunt'), active: true, locale: 'nl' },
      }),
      'referral source with e-mail feedback',
    );
    const submitted = await given.request({ referralSourceId: source.id });
    const request = new RequestPage(page);
    await request.open(`/requests/${submitted.id}`);
    const received = request.section('feedback').getByRole('listitem').filter({ hasText: request.t('coordinator.vocab.feedbackEvents.received') });
    // Sent by the worker shortly after the request came in; the page refreshes on its own (live updates) or on reload.
    await expect(async () => {
      await page.reload();
      await expect(received).toContainText(request.t('coordinator.vocab.feedbackStatuses.delivered'), { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(received.getByRole('button', { name: new RegExp(request.t('coordinator.request.retry')) })).toHaveCount(0); // only a failed one is sent again
    await expectAccessible(page, 'request with messages to the referrer (nl)');
    await screenshot(page, 'coordinator-request-feedback-nl');
  });
});
