import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { dbTime, utcDate } from '@app/core';
import type { IssuedStep } from '@app/workflows';
import { EscalationStepRecord, StepSubjectType } from './escalation-step.entity';

export type StepToRecord = Omit<EscalationStepRecord, 'id'>;

/**
 * The engine's record of issued steps: the policy's history, and the guarantee that a step is issued once.
 * Every step of a sweep reads and writes here, so the statements are plain SQL with bound parameters: the same text
 * each time (better-sqlite3 reuses the prepared statement; TypeORM's SQLite driver would inline the numbers) and no
 * entity hydration.
 */
@Injectable()
export class StepLog {
  async history(em: EntityManager, subjectType: StepSubjectType, subjectId: number): Promise<IssuedStep[]> {
    const rows = await em.query<Array<{ kind: string; issuedAt: Date | string; round: number | string }>>(
      `SELECT kind AS kind, issued_at AS issuedAt, round AS round FROM escalation_step
       WHERE subject_type = ? AND subject_id = ? ORDER BY id`,
      [subjectType, subjectId],
    );
    return rows.map((row) => ({
      kind: row.kind as IssuedStep['kind'],
      at: (utcDate.from(row.issuedAt) as Date).getTime(),
      round: Number(row.round),
    }));
  }

  async has(em: EntityManager, dedupKey: string): Promise<boolean> {
    const rows = await em.query<unknown[]>('SELECT 1 AS found FROM escalation_step WHERE dedup_key = ?', [dedupKey]);
    return rows.length > 0;
  }

  /** The issued step with this key, if any: a retried Temporal activity answers from it instead of issuing again. */
  async find(em: EntityManager, dedupKey: string): Promise<EscalationStepRecord | null> {
    return em.findOneBy(EscalationStepRecord, { dedupKey });
  }

  async record(em: EntityManager, step: StepToRecord): Promise<void> {
    await em.query(
      `INSERT INTO escalation_step
         (subject_type, subject_id, kind, round, dedup_key, scheduled_at, issued_at, supersedes, record_ref, unit_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        step.subjectType,
        step.subjectId,
        step.kind,
        step.round,
        step.dedupKey,
        dbTime(step.scheduledAt),
        dbTime(step.issuedAt),
        step.supersedes === null ? null : JSON.stringify(step.supersedes),
        step.recordRef,
        step.unitId,
      ],
    );
  }
}
