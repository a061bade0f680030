import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

/** One recorded state change. Append-only: each row carries the hash of the previous one. */
@Entity('audit_entry')
export class AuditEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column(timestampColumn('at'))
  at!: Date;

  /** `user:{username}` or `system:{component}`. */
  @Column({ type: 'varchar', length: 100 })
  actor!: string;

  @Column({ name: 'actor_user_id', type: 'integer', nullable: true })
  actorUserId!: number | null;

  @Column({ type: 'varchar', length: 80 })
  action!: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 40 })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64 })
  entityId!: string;

  /** The unit whose jurisdiction the change falls in; the office reads its subtree's trail by it. */
  @Column({ name: 'unit_id', type: 'integer', nullable: true })
  unitId!: number | null;

  @Column({ type: 'text', nullable: true })
  before!: string | null;

  @Column({ type: 'text', nullable: true })
  after!: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}

/** The chain's tip, locked while appending so concurrent writers extend the chain one at a time. */
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'last_id', type: 'integer' })
  lastId!: number;

  @Column({ name: 'last_hash', type: 'varchar', length: 64 })
  lastHash!: string;
}
