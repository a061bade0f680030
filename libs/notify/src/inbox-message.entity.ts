import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

/** An in-app notice to one user. `dedupKey` makes sending the same notice twice a no-op. */
@Entity('inbox_message')
@Index('uq_inbox_dedup', ['dedupKey'], { unique: true })
export class InboxMessage {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /** Where the notice leads in the app, e.g. `/assignments/12`. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  link!: string | null;

  @Column({ name: 'dedup_key', type: 'varchar', length: 200 })
  dedupKey!: string;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;

  @Column(timestampColumn('read_at', true))
  readAt!: Date | null;
}
