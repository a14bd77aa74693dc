import { CandidatesPage } from '../../../apps/portal/src/coordinator/candidates/candidates.page';
import { api, ok, Person } from '../support/api';
import { expect, expectAccessible, screenshot, test } from '../support/fixtures';

const name = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;
const nl = (value: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(value);

/** A coordinator's candidates for a request, on a desktop: ranked and explained, then proposing by keyboard. */
test.describe('Candidates of a request', () => {
  test('ranks two volunteers with their score parts, says why one nearby is excluded; a proposal made by keyboard shows its answer without reload', async ({
    coordinatorPage: page,
    coordinator,
    given,
  }) => {
    const request = await given.request();
    await given.triage(request.id);
    const near = await given.volunteer({ firstName: 'Anna', login: true });
    await given.volunteer({ firstName: 'Bram', km: 4 });
    await given.volunteer({ firstName: 'Cor', km: 12 }); // beyond the 10 km they travel
    const truth = await ok(
      api(coordinator.token).GET('/api/requests/{id}/candidates', { params: { path: { id: request.id }, query: { explain: 'excluded' } } }),
      'candidates',
    );
    expect(truth.candidates.map((c) => c.firstName)).toEqual(['Anna', 'Bram']);
    const [first, second] = truth.candidates;
    const cor = truth.excluded?.find((v) => v.firstName === 'Cor');
    expect(cor?.rule).toBe('distance');

    const screen = new CandidatesPage(page);
    await screen.open(request.id);
    await expect(screen.ranked()).toHaveCount(2);
    for (const [rank, candidate] of [first, second].entries()) {
      const item = screen.candidate(rank + 1, name(candidate));
      await expect(item).toBeVisible();
      for (const part of candidate.components) {
        await expect(screen.bar(item, part.name, nl(part.points), nl(part.weight))).toBeVisible();
        await expect(item.getByText(part.reason, { exact: true })).toBeVisible();
      }
    }
    // The second is lower because it is farther: the distance part says so.
    const farther = screen.candidate(2, name(second));
    await expect(screen.lowerThan(farther, name(first))).toContainText(screen.t('coordinator.candidates.components.distance'));
    const excluded = screen.excluded().getByRole('listitem').filter({ hasText: name(cor!) });
    await expect(excluded).toContainText(screen.excludedRule('distance'));
    await expect(excluded).toContainText(cor!.reason);

    await expectAccessible(page, 'candidates (nl)');
    await screenshot(page, 'coordinator-candidates-nl');

    // Keyboard only: from the heading, Tab to the first one's box, Space, Tab to the button, Enter.
    const box = screen.choose(name(first));
    for (let i = 0; i < 10 && !(await box.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
    const button = screen.proposeButton(1);
    for (let i = 0; i < 10 && !(await button.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    const proposal = screen.proposals().getByRole('listitem').filter({ hasText: name(first) });
    await expect(proposal).toContainText(screen.status('proposed'));

    // Anna accepts on her phone; the coordinator's page shows it without a reload.
    const volunteer = near.user as Person;
    const mine = await ok(api(volunteer.token).GET('/api/matches', { params: { query: { status: ['proposed'] } } }), 'proposals');
    await ok(api(volunteer.token).POST('/api/matches/{id}/accept', { params: { path: { id: mine.items[0].id } } }), 'accept');
    await expect(proposal).toContainText(screen.status('active'), { timeout: 15_000 });

    // Why not Cor: every rule, the failing one among them (reads only).
    const explanation = await screen.whyNot('Cor', name(cor!));
    await expect(explanation).toContainText(screen.t('coordinator.candidates.whyNot.notEligible', { name: name(cor!), reason: cor!.reason }));
    await expectAccessible(page, 'candidates after proposing (nl)');
    await screenshot(page, 'coordinator-candidates-proposed-nl');

    await ok(api(coordinator.token).PATCH('/api/me', { body: { locale: 'en' } }), 'locale');
    const english = new CandidatesPage(page, 'en');
    await english.open(request.id); // a new page load reads the profile's language
    await expect(english.proposals().getByRole('listitem').filter({ hasText: name(first) })).toContainText(english.status('active'));
    await expect(english.excluded()).toContainText(english.excludedRule('distance'));
    await expectAccessible(page, 'candidates (en)');
    await screenshot(page, 'coordinator-candidates-en');
  });
});
