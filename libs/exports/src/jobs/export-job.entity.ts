import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

export const EXPORT_JOB_STATUSES = ['running', 'done', 'failed'] as const;
export type ExportJobStatus = (typeof EXPORT_JOB_STATUSES)[number];

/** A background export (`POST /api/exports/jobs`): kept in the database so its state outlives the process. */
@Entity('export_job')
@Index('ix_export_job_owner', ['ownerId', 'status'])
export class ExportJobRecord {
  /** A UUID: the job's address in URLs, not guessable. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** What is being exported, e.g. `progress_table`. */
  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Column({ name: 'owner_id', type: 'integer' })
  ownerId!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: ExportJobStatus;

  @Column({ type: 'integer' })
  done!: number;

  @Column({ type: 'integer' })
  total!: number;

  @Column({ type: 'varchar', length: 200 })
  filename!: string;

  @Column({ name: 'ascii_filename', type: 'varchar', length: 200 })
  asciiFilename!: string;

  @Column({ name: 'content_type', type: 'varchar', length: 120 })
  contentType!: string;

  /** Why it failed, in Chinese. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  error!: string | null;

  /** On the office's clock (the dev clock in demos), as shown to the user. */
  @Column(timestampColumn('created_at'))
  createdAt!: Date;

  @Column(timestampColumn('finished_at', true))
  finishedAt!: Date | null;

  /**
   * Real time the writing process last showed it was alive, or the job ended: a running job not refreshed for a
   * while was cut off by a restart, and an ended one expires a while after this.
   */
  @Column(timestampColumn('alive_at'))
  aliveAt!: Date;
}
