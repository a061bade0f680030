import { AccessScope, Role, ScopedUnit, scopeCovers } from '@app/org';
import { EscalationStepKind, RecipientRole, STEP_RECIPIENTS } from '@app/workflows';

/** A user as `recipientsFor` needs to see them; extra fields (email, name) pass through to the result. */
export interface RecipientCandidate {
  id: number;
  role: Role;
  unitId: number;
  active: boolean;
  scope: AccessScope;
}

export interface Recipient<U extends RecipientCandidate = RecipientCandidate> {
  role: RecipientRole;
  user: U;
}

export interface RecipientOptions {
  /** The government whose office handles the step (the plan's): its office and supervisors are chosen first. */
  governmentId?: number | null;
}

/**
 * Who receives a step's notice, per `STEP_RECIPIENTS`: the unit's own liaisons and heads; the office and
 * supervisors of the step's government (or, without one, the nearest government whose office covers the unit,
 * so a county department is not notified to every office up to the province). The principal head (主要负责人)
 * usually has no account: the unit's head accounts receive the summons, or its liaisons when it has no head
 * account, since someone at the unit must learn of it. Each user appears once, under the first role that picked
 * them; inactive users are skipped.
 */
export function recipientsFor<U extends RecipientCandidate>(
  step: EscalationStepKind,
  unit: ScopedUnit,
  users: readonly U[],
  options: RecipientOptions = {},
): Recipient<U>[] {
  const active = users.filter((user) => user.active);
  const atUnit = (role: Role) => active.filter((user) => user.role === role && user.unitId === unit.id);
  const chosen = new Map<number, Recipient<U>>();
  for (const role of STEP_RECIPIENTS[step]) {
    const picked = pick(role);
    for (const user of picked) {
      if (!chosen.has(user.id)) {
        chosen.set(user.id, { role, user });
      }
    }
  }
  return [...chosen.values()];

  function pick(role: RecipientRole): U[] {
    switch (role) {
      case 'unit_liaison':
        return atUnit('unit_liaison');
      case 'unit_head':
        return atUnit('unit_head');
      case 'unit_principal_head': {
        const heads = atUnit('unit_head');
        return heads.length > 0 ? heads : atUnit('unit_liaison');
      }
      case 'office_admin':
      case 'supervisor':
        return overseers(active.filter((user) => user.role === role));
    }
  }

  function overseers(candidates: U[]): U[] {
    const covering = candidates.filter((user) => user.scope.kind === 'subtree' && scopeCovers(user.scope, unit));
    if (options.governmentId) {
      const ofGovernment = covering.filter(
        (user) => user.scope.kind === 'subtree' && user.scope.rootId === options.governmentId,
      );
      if (ofGovernment.length > 0) {
        return ofGovernment;
      }
    }
    const depth = (user: U) => (user.scope.kind === 'subtree' ? user.scope.rootPath.length : 0);
    const deepest = Math.max(0, ...covering.map(depth));
    return covering.filter((user) => depth(user) === deepest);
  }
}
