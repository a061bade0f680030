import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Assignment } from '../assignments/assignment.entity';
import type { Plan } from './plan.entity';

/** Runs inside the publishing transaction: what it writes commits or rolls back with the publication. */
export type PublishHook = (manager: EntityManager, plan: Plan, assignments: Assignment[], now: Date) => Promise<void>;

/**
 * Lets other domains act on a publication (reporting opens the first period's obligations) without the plans lib
 * depending on them.
 */
@Injectable()
export class PublishHooks {
  private readonly hooks: PublishHook[] = [];

  register(hook: PublishHook): void {
    this.hooks.push(hook);
  }

  async run(manager: EntityManager, plan: Plan, assignments: Assignment[], now: Date): Promise<void> {
    for (const hook of this.hooks) {
      await hook(manager, plan, assignments, now);
    }
  }
}
