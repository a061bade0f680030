import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

/** A submission made with an `Idempotency-Key`: a retry with the same key and body gets the stored response. */
@Entity('reporting_idempotency_key')
@Index('uq_reporting_idempotency_user_key', ['userId', 'key'], { unique: true })
export class IdempotencyKey {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ name: 'idem_key', type: 'varchar', length: 200 })
  key!: string;

  /** sha256 of the obligation id, the fields and the files' checksums. */
  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  @Column({ name: 'obligation_id', type: 'integer' })
  obligationId!: number;

  /** Null while the first request is still running (the row is written first, so a concurrent retry waits). */
  @Column({ name: 'submission_id', type: 'integer', nullable: true })
  submissionId!: number | null;

  /** The receipt returned the first time, as JSON; null while the first request is still running. */
  @Column({ type: 'text', nullable: true })
  response!: string | null;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;
}
