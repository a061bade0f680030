import type { Role } from '../users/role';
import { SUBTREE_ROLES } from '../users/role';

/**
 * Where a user may act. Office, supervisor and leader act on their government's subtree (an office sits inside
 * a government and acts for it); liaison and head act on their own unit; the system admin everywhere.
 */
export type AccessScope =
  { kind: 'all' } | { kind: 'subtree'; rootId: number; rootPath: string } | { kind: 'unit'; unitId: number };

export interface ScopedUnit {
  id: number;
  path: string;
}

export function scopeFor(role: Role, unit: ScopedUnit, government: ScopedUnit | null): AccessScope {
  if (role === 'system_admin') {
    return { kind: 'all' };
  }
  if (SUBTREE_ROLES.includes(role)) {
    const root = government ?? unit;
    return { kind: 'subtree', rootId: root.id, rootPath: root.path };
  }
  return { kind: 'unit', unitId: unit.id };
}

export function scopeCovers(scope: AccessScope, unit: ScopedUnit): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'subtree':
      return unit.path.startsWith(scope.rootPath);
    case 'unit':
      return unit.id === scope.unitId;
  }
}

/** The signed-in user as every request sees it. */
export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
  scope: AccessScope;
}
