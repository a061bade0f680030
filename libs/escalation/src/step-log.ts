import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { IssuedStep } from '@app/workflows';
import { EscalationStepRecord, StepSubjectType } from './escalation-step.entity';

export type StepToRecord = Omit<EscalationStepRecord, 'id'>;

/** The engine's record of issued steps: the policy's history, and the guarantee that a step is issued once. */
@Injectable()
export class StepLog {
  async history(em: EntityManager, subjectType: StepSubjectType, subjectId: number): Promise<IssuedStep[]> {
    const rows = await em.find(EscalationStepRecord, { where: { subjectType, subjectId }, order: { id: 'ASC' } });
    return rows.map((row) => ({ kind: row.kind as IssuedStep['kind'], at: row.issuedAt.getTime(), round: row.round }));
  }

  async has(em: EntityManager, dedupKey: string): Promise<boolean> {
    return (await em.countBy(EscalationStepRecord, { dedupKey })) > 0;
  }

  /** The issued step with this key, if any: a retried Temporal activity answers from it instead of issuing again. */
  async find(em: EntityManager, dedupKey: string): Promise<EscalationStepRecord | null> {
    return em.findOneBy(EscalationStepRecord, { dedupKey });
  }

  async record(em: EntityManager, step: StepToRecord): Promise<void> {
    await em.insert(EscalationStepRecord, step);
  }
}
