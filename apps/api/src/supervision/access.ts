import type { Role } from '@app/org';

/** Who opens, verifies and closes cases and interviews: the supervisors and the office (and the system admin). */
export const SUPERVISING_ROLES: readonly Role[] = ['system_admin', 'office_admin', 'supervisor'];

/** Who answers for the unit: its liaison and its head. */
export const UNIT_ROLES: readonly Role[] = ['unit_liaison', 'unit_head'];
