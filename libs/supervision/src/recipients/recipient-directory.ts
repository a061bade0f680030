import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { scopeFor, Unit, User } from '@app/org';
import type { EscalationStepKind } from '@app/workflows';
import { Recipient, RecipientCandidate, recipientsFor } from './recipients';

/** A recipient with what a notice needs. */
export interface NoticeRecipient extends RecipientCandidate {
  username: string;
  displayName: string;
  email: string | null;
}

/** Loads the users who may receive a step's notice and picks them with `recipientsFor`. */
@Injectable()
export class RecipientDirectory {
  async forStep(
    em: EntityManager,
    step: EscalationStepKind,
    unit: Unit,
    governmentId?: number | null,
  ): Promise<Recipient<NoticeRecipient>[]> {
    const users = await em.find(User, {
      where: [
        { unitId: unit.id, active: true },
        { role: In(['office_admin', 'supervisor']), active: true },
      ],
    });
    const unitIds = [...new Set(users.map((user) => user.unitId))];
    const units = unitIds.length === 0 ? [] : await em.findBy(Unit, { id: In(unitIds) });
    const ancestorIds = [...new Set(units.flatMap((u) => u.path.split('/').filter(Boolean).map(Number)))];
    const ancestors = ancestorIds.length === 0 ? [] : await em.findBy(Unit, { id: In(ancestorIds) });
    const byId = new Map([...ancestors, ...units].map((u) => [u.id, u]));
    const governmentOf = (u: Unit): Unit | null =>
      u.path
        .split('/')
        .filter(Boolean)
        .map(Number)
        .reverse()
        .map((id) => byId.get(id))
        .find((candidate) => candidate?.kind === 'government') ?? null;
    const candidates: NoticeRecipient[] = users.flatMap((user) => {
      const home = byId.get(user.unitId);
      return home
        ? [
            {
              id: user.id,
              role: user.role,
              unitId: user.unitId,
              active: user.active,
              scope: scopeFor(user.role, home, governmentOf(home)),
              username: user.username,
              displayName: user.displayName,
              email: user.email,
            },
          ]
        : [];
    });
    return recipientsFor(step, unit, candidates, { governmentId });
  }
}
