import type { Role } from '@app/org';

/** The office of the plan's government runs the assessment (and the system admin). */
export const OFFICE_ROLES: readonly Role[] = ['system_admin', 'office_admin'];

/** Who reads a whole run: the office and supervisors at any stage, leaders once published (checked in the lib). */
export const RUN_READER_ROLES: readonly Role[] = ['system_admin', 'office_admin', 'supervisor', 'leader'];

/** Who follows the run's work (appeals, bonuses): not leaders, who see results only. */
export const OVERSIGHT_ROLES: readonly Role[] = ['system_admin', 'office_admin', 'supervisor'];

/** Who answers for a unit: its liaison and its head. */
export const UNIT_ROLES: readonly Role[] = ['unit_liaison', 'unit_head'];
