import type { Role } from '../api/types';

export const OFFICE_ROLES: readonly Role[] = ['system_admin', 'office_admin'];
export const PLAN_READER_ROLES: readonly Role[] = ['system_admin', 'office_admin', 'supervisor', 'leader'];
export const UNIT_ROLES: readonly Role[] = ['unit_liaison', 'unit_head'];
/** Who opens, verifies and closes supervision cases and interviews. */
export const SUPERVISING_ROLES: readonly Role[] = ['system_admin', 'office_admin', 'supervisor'];
/** Who reviews reports: the office, and a lead unit for its participants' parts. */
export const REVIEWER_ROLES: readonly Role[] = ['system_admin', 'office_admin', 'unit_liaison', 'unit_head'];

export function hasRole(role: Role, allowed: readonly Role[] | 'any'): boolean {
  return allowed === 'any' || allowed.includes(role);
}

/**
 * Where each role starts after signing in: units on their tasks, supervisors on their cases (what they act on
 * daily), the office and leaders on the dashboard.
 */
export function homePath(role: Role): string {
  if (UNIT_ROLES.includes(role)) {
    return '/assignments';
  }
  return role === 'supervisor' ? '/supervision-cases' : '/dashboard';
}
