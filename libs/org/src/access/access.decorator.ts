import { SetMetadata } from '@nestjs/common';
import type { Role } from '../users/role';

export const ACCESS_KEY = 'access:rule';

/** Where the id of the resource a request acts on is found: `param:id`, `query:unitId`, `body:unitId`. */
export type IdSource = `param:${string}` | `query:${string}` | `body:${string}`;

/**
 * Every endpoint states who may call it and how jurisdiction is decided:
 * - `{ resource, id }`: the guard loads the resource's unit and checks it is in the caller's scope;
 * - `'scope-filtered'`: the handler only ever reads or writes within `user.scope` (lists, creates checked inside);
 * - `'self'`: the caller acts on their own account or session;
 * - `'installation'`: the caller acts on the installation as a whole (the dev clock), so only the role matters.
 */
export type Jurisdiction = { resource: string; id: IdSource } | 'scope-filtered' | 'self' | 'installation';

export type AccessRule =
  { public: true } | { public: false; roles: readonly Role[] | 'any'; jurisdiction: Jurisdiction };

/** Open to anyone, signed in or not (login, health). */
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies AccessRule);

export const Access = (roles: readonly Role[] | 'any', jurisdiction: Jurisdiction) =>
  SetMetadata(ACCESS_KEY, { public: false, roles, jurisdiction } satisfies AccessRule);

export const READ_ROLES: readonly Role[] = [
  'system_admin',
  'office_admin',
  'supervisor',
  'unit_liaison',
  'unit_head',
  'leader',
];
export const ADMIN_ROLES: readonly Role[] = ['system_admin', 'office_admin'];
