import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** A file attached to an outgoing mail. Only text content (an .ics, a .csv) is stored in the outbox. */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  /** UTF-8 text. */
  content: string;
}

/**
 * One email in the outbox (`email_outbox`). Rows are written in the business transaction that decided to send
 * (`EmailOutbox.enqueue`) and delivered later by `OutboxDispatcher`; `dedupKey` is unique, so a step retried after a
 * crash enqueues nothing new.
 */
@Entity('email_outbox')
@Index('uq_email_outbox_dedup', ['dedupKey'], { unique: true })
@Index('ix_email_outbox_due', ['status', 'nextAttemptAt'])
export class OutboxEmail {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Business key, e.g. `notice:{obligationId}:{step}:{recipient}`. Also the seed of the Message-ID. */
  @Column({ name: 'dedup_key', type: 'varchar', length: 255 })
  dedupKey!: string;

  /** Exactly one address. (`to` is reserved in SQL, hence the column name.) */
  @Column({ name: 'to_address', type: 'varchar', length: 320 })
  to!: string;

  @Column({ type: 'varchar', length: 500 })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  html!: string;

  /** JSON array of `EmailAttachment`. */
  @Column({ type: 'text' })
  attachments!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: OutboxStatus;

  /** Claims so far. A claim counts as an attempt even if the process died before sending: it may have sent. */
  @Column({ type: 'integer' })
  attempts!: number;

  @Column(timestampColumn('next_attempt_at'))
  nextAttemptAt!: Date;

  /** While `sending`: the claim is void after this instant and another dispatcher may take the row over. */
  @Column(timestampColumn('lease_until', true))
  leaseUntil!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError!: string | null;

  @Column({ name: 'message_id', type: 'varchar', length: 255, nullable: true })
  messageId!: string | null;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;

  @Column(timestampColumn('sent_at', true))
  sentAt!: Date | null;
}
