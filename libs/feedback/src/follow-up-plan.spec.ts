import { addMonths, followUpPlan } from './follow-up-plan';

const DEFAULTS = { firstContactDays: 7, evaluationWeeks: 6, thenEveryMonths: 3, durationReviewWeeksBefore: 4 };
const start = new Date('2027-01-04T10:00:00Z');
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('The follow-up plan of a match', () => {
  it('plans first contact after a week, evaluation after six weeks then every three months, and a review four weeks before the maximum', () => {
    const plan = followUpPlan(start, DEFAULTS, 12);
    expect(plan.map((s) => [s.kind, s.sequence, iso(s.dueAt)])).toEqual([
      ['first_contact', 1, '2027-01-11'],
      ['evaluation', 1, '2027-02-15'],
      ['evaluation', 2, '2027-05-15'],
      ['evaluation', 3, '2027-08-15'],
      ['evaluation', 4, '2027-11-15'],
      ['duration_review', 1, '2027-12-07'],
    ]);
  });

  it('plans no duration review, and evaluations for a year, when the programme has no maximum', () => {
    const plan = followUpPlan(start, DEFAULTS, null);
    expect(plan.some((s) => s.kind === 'duration_review')).toBe(false);
    expect(plan.filter((s) => s.kind === 'evaluation')).toHaveLength(4);
  });

  it('leaves out steps that would fall after a short maximum', () => {
    const plan = followUpPlan(start, DEFAULTS, 1);
    expect(plan.map((s) => [s.kind, iso(s.dueAt)])).toEqual([['duration_review', '2027-01-07'], ['first_contact', '2027-01-11']]);
  });

  it('moves the 31st to the last day of a shorter month', () => {
    expect(iso(addMonths(new Date('2027-01-31T00:00:00Z'), 1))).toBe('2027-02-28');
    expect(iso(addMonths(new Date('2027-01-31T00:00:00Z'), 3))).toBe('2027-04-30');
  });
});
