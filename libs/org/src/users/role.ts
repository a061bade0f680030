/**
 * system_admin: runs the installation. office_admin: 领导小组办公室. supervisor: 督查. unit_liaison: 联络员.
 * unit_head: 负责人. leader: 领导 (read-only).
 */
export const ROLES = ['system_admin', 'office_admin', 'supervisor', 'unit_liaison', 'unit_head', 'leader'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  system_admin: '系统管理员',
  office_admin: '领导小组办公室',
  supervisor: '督查',
  unit_liaison: '联络员',
  unit_head: '负责人',
  leader: '领导',
};

/** Roles whose jurisdiction is the subtree of their government; the others act on their own unit only. */
export const SUBTREE_ROLES: readonly Role[] = ['office_admin', 'supervisor', 'leader'];
