import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

export type StepSubjectType = 'obligation' | 'case' | 'interview';

/**
 * A step the engine issued (a reminder, a warning, a case, an interview, an interview's new invitation or its
 * reminder). It is the history the policy reads back:
 * the UNIQUE dedup key makes a step impossible to issue twice, whatever crashes or retries happen.
 */
@Entity('escalation_step')
@Index('uq_escalation_step_dedup', ['dedupKey'], { unique: true })
@Index('ix_escalation_step_subject', ['subjectType', 'subjectId'])
export class EscalationStepRecord {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'subject_type', type: 'varchar', length: 20 })
  subjectType!: StepSubjectType;

  @Column({ name: 'subject_id', type: 'integer' })
  subjectId!: number;

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'integer' })
  round!: number;

  @Column({ name: 'dedup_key', type: 'varchar', length: 200 })
  dedupKey!: string;

  /** When the ladder placed the step, and when it was actually issued (later after an outage). */
  @Column(timestampColumn('scheduled_at'))
  scheduledAt!: Date;

  @Column(timestampColumn('issued_at'))
  issuedAt!: Date;

  /** Lower steps this one made pointless (missed while the system was down), for the record. */
  @Column({ type: 'simple-json', nullable: true })
  supersedes!: string[] | null;

  /** What the step created or concerns: `warning:12`, `case:3`, `interview:1`, or null for a reminder. */
  @Column({ name: 'record_ref', type: 'varchar', length: 60, nullable: true })
  recordRef!: string | null;

  @Column({ name: 'unit_id', type: 'integer' })
  unitId!: number;
}
