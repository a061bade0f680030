import type { Plan } from '../../api/types';

export function planYears(plan: Plan): string {
  if (plan.yearStart === null) {
    return '—';
  }
  return plan.yearEnd === null || plan.yearEnd === plan.yearStart
    ? `${plan.yearStart}`
    : `${plan.yearStart}–${plan.yearEnd}`;
}
