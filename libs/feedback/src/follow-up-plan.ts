import type { FollowUpSchedule } from '@app/programmes';
import type { FollowUpKind } from './follow-up.entity';

export interface PlanStep {
  kind: FollowUpKind;
  sequence: number;
  dueAt: Date;
}

/** Without a maximum duration, evaluations are planned this far ahead (the plan is made again when needed). */
export const OPEN_ENDED_HORIZON_MONTHS = 12;

const DAY = 86_400_000;

/** Calendar months later, on the same day of the month or the last day of a shorter month. */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/**
 * The follow-up plan of a match that started at `start` (defaults: first contact after a week,
 * evaluation after six weeks and then every three months, a duration review four weeks before the
 * programme's maximum duration). Steps on or after the end of the match are left out.
 */
export function followUpPlan(start: Date, schedule: FollowUpSchedule, maxMatchMonths: number | null): PlanStep[] {
  const end = addMonths(start, maxMatchMonths ?? OPEN_ENDED_HORIZON_MONTHS);
  const steps: PlanStep[] = [{ kind: 'first_contact', sequence: 1, dueAt: new Date(start.getTime() + schedule.firstContactDays * DAY) }];
  const firstEvaluation = new Date(start.getTime() + schedule.evaluationWeeks * 7 * DAY);
  for (let n = 0, due = firstEvaluation; due < end; n++, due = addMonths(firstEvaluation, n * schedule.thenEveryMonths)) {
    steps.push({ kind: 'evaluation', sequence: n + 1, dueAt: due });
    if (schedule.thenEveryMonths <= 0) break;
  }
  if (maxMatchMonths != null && schedule.durationReviewWeeksBefore > 0) {
    const review = new Date(end.getTime() - schedule.durationReviewWeeksBefore * 7 * DAY);
    if (review > start) steps.push({ kind: 'duration_review', sequence: 1, dueAt: review });
  }
  return steps.filter((step) => step.dueAt < end).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
