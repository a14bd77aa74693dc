import { ageOn } from './dates';

describe('Age on a day', () => {
  it('counts a birthday on the day itself, and not the day before', () => {
    expect(ageOn('1946-01-04', '2027-01-04')).toBe(81);
    expect(ageOn('1946-01-05', '2027-01-04')).toBe(80);
  });

  it('handles a birthday on 29 February', () => {
    expect(ageOn('1944-02-29', '2027-02-28')).toBe(82);
    expect(ageOn('1944-02-29', '2027-03-01')).toBe(83);
  });
});
