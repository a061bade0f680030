import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

export type SupervisionSubject = 'case' | 'interview';

/**
 * The timeline of a case or an interview as its people see it: acknowledgement, rectification reports, closure
 * request with evidence, verification, minutes, follow-up. The audit trail records the same changes for
 * accountability; this table is the domain record shown on the page.
 */
@Entity('supervision_event')
@Index('ix_supervision_event_subject', ['subject', 'subjectId', 'id'])
export class SupervisionEvent {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 20 })
  subject!: SupervisionSubject;

  @Column({ name: 'subject_id', type: 'integer' })
  subjectId!: number;

  @Column({ type: 'varchar', length: 40 })
  action!: string;

  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus!: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus!: string;

  @Column({ type: 'text', nullable: true })
  text!: string | null;

  /** Attachment references (ids of stored files), plain text until an attachment store exists. */
  @Column({ type: 'simple-json', nullable: true })
  attachments!: string[] | null;

  @Column({ type: 'varchar', length: 100 })
  actor!: string;

  @Column({ name: 'user_id', type: 'integer', nullable: true })
  userId!: number | null;

  @Column(timestampColumn('at'))
  at!: Date;
}
