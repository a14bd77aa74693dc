import { FollowUpsPage } from '../../../apps/portal/src/coordinator/follow-ups/follow-ups.page';
import { expect, expectAccessible, screenshot, test } from '../support/fixtures';
import { followUpsOf, setCoordinatorLocale } from '../support/follow-ups';
import { activeMatch } from '../support/visits';

/** Next January, always to come and in winter time (Amsterdam is UTC+1 then). */
const year = new Date().getUTCFullYear() + 1;
const january = { day: 12, month: 1, year };
/** "maandag 12 januari 2027 om 10:30": how the portal says an instant in Dutch (Amsterdam time). */
/** An Amsterdam calendar day as its parts, `days` from today. */
function amsterdamDay(days: number): { day: number; month: number; year: number } {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return { day: date.getUTCDate(), month: date.getUTCMonth() + 1, year: date.getUTCFullYear() };
}
/** "2026-12-01 10:00": an instant's Amsterdam day and time. */
const amsterdam = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
const inDutch = (iso: string) => new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));

test.describe('Follow-ups of a coordinator (desktop)', () => {
  test('overdue checks shown first, one completed with an outcome by keyboard, one snoozed to an Amsterdam time; nl and en accessible', async ({ given, coordinatorPage: page }, testInfo) => {
    // A first contact due the moment the match starts: overdue at once, with no waiting and no database tricks.
    await given.programme('buddy', { followUpSchedule: { firstContactDays: 0 } });
    const [marieke, joost, ans] = await Promise.all(['Marieke', 'Joost', 'Ans'].map((firstName) => given.volunteer({ login: true, firstName })));
    const matches = [];
    for (const volunteer of [marieke, joost, ans]) matches.push(await activeMatch(given, volunteer));
    // The plan is made by a job after the match starts.
    for (const match of matches) await expect.poll(async () => (await followUpsOf(given, match.id)).map((f) => f.kind)).toContain('first_contact');

    const screen = new FollowUpsPage(page);
    await screen.open();
    const overdue = screen.section('overdue', 3);
    await expect(overdue).toBeVisible();
    const first = screen.card('first_contact', 'Marieke', 'Wilhelmina');
    await expect(overdue.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) })).toHaveCount(3);
    await expect(first).toContainText(screen.t('coordinator.followUps.overdueSince', { when: '' }).trim());
    await expectAccessible(page, 'follow-ups');
    await screenshot(page, `coordinator-follow-ups-nl-${testInfo.project.name}`);

    await screen.startCompleting(first);
    await expectAccessible(page, 'follow-ups: completing');
    await screenshot(page, `coordinator-follow-ups-complete-nl-${testInfo.project.name}`);
    // Saving without an outcome is refused in words, nothing is sent.
    await first.getByRole('button', { name: screen.t('coordinator.followUps.completeForm.submit') }).press('Enter');
    await expect(first.getByText(screen.t('coordinator.followUps.completeForm.chooseOutcome'))).toBeVisible();
    await first.getByRole('button', { name: screen.t('common.cancel') }).press('Enter');

    await screen.complete(first, 'needs_attention', 'Klikt goed, maar mevrouw is erg moe');
    const kind = screen.t('coordinator.followUps.kind.first_contact');
    await expect(screen.news('done', { kind, match: screen.match('Marieke', 'Wilhelmina') })).toBeVisible();
    await expect(first).toHaveCount(0);
    const [done] = await followUpsOf(given, matches[0].id);
    expect({ kind: done.kind, status: done.status, outcome: done.outcome, notes: done.notes }).toEqual({ kind: 'first_contact', status: 'done', outcome: 'needs_attention', notes: 'Klikt goed, maar mevrouw is erg moe' });

    const second = screen.card('first_contact', 'Joost', 'Wilhelmina');
    await screen.startSnoozing(second);
    await expectAccessible(page, 'follow-ups: snoozing');
    await screenshot(page, `coordinator-follow-ups-snooze-nl-${testInfo.project.name}`);
    await second.getByRole('button', { name: screen.t('common.cancel') }).press('Enter');
    await screen.snooze(second, january, '10:30');
    await expect(screen.news('snoozed', { kind, match: screen.match('Joost', 'Wilhelmina'), when: inDutch(`${year}-01-12T09:30:00.000Z`) })).toBeVisible();
    await expect(second).toHaveCount(0); // beyond the two weeks the list looks ahead
    const snoozed = (await followUpsOf(given, matches[1].id)).find((f) => f.kind === 'first_contact');
    expect({ status: snoozed?.status, dueAt: snoozed?.dueAt }).toEqual({ status: 'open', dueAt: `${year}-01-12T09:30:00.000Z` });
    await expect(screen.section('overdue', 1)).toBeVisible();

    // English: the coordinator's language, spoken after the next load.
    await setCoordinatorLocale(given, 'en');
    const english = new FollowUpsPage(page, 'en');
    await english.open();
    await expect(english.card('first_contact', 'Ans', 'Wilhelmina')).toBeVisible();
    const third = english.card('first_contact', 'Ans', 'Wilhelmina');
    await english.startCompleting(third);
    await expectAccessible(page, 'follow-ups (en)');
    await screenshot(page, `coordinator-follow-ups-en-${testInfo.project.name}`);
    await third.getByRole('button', { name: english.t('common.cancel') }).press('Enter');

    // A moment already past is the API's to refuse; its words are shown as they are, and nothing changes.
    await english.snooze(third, amsterdamDay(0), '00:00');
    await expect(third.getByRole('alert')).toContainText('Snooze until a moment in the future');
    expect((await followUpsOf(given, matches[2].id)).find((f) => f.kind === 'first_contact')?.overdue).toBe(true);

    // Snoozed into the coming days: it moves from overdue to coming up.
    const inThreeDays = amsterdamDay(3);
    await third.getByRole('button', { name: english.t('common.cancel') }).press('Enter');
    await english.snooze(third, inThreeDays, '10:00');
    const soon = english.section('soon', 1);
    await expect(soon.getByRole('heading', { level: 3 })).toHaveText(`${english.t('coordinator.followUps.kind.first_contact')}: ${english.match('Ans', 'Wilhelmina')}`);
    await expect(english.section('overdue', 1)).toHaveCount(0);
    const moved = (await followUpsOf(given, matches[2].id)).find((f) => f.kind === 'first_contact');
    const two = (n: number) => String(n).padStart(2, '0');
    expect(moved && amsterdam(moved.dueAt)).toBe(`${inThreeDays.year}-${two(inThreeDays.month)}-${two(inThreeDays.day)} 10:00`);
    await expectAccessible(page, 'follow-ups coming up (en)');
    await screenshot(page, `coordinator-follow-ups-soon-en-${testInfo.project.name}`);
  });
});
