import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

/**
 * One recorded state change. Append-only. Written unsealed in the transaction of the change; the sealer then gives
 * it its position in the hash chain and the hash of the row before it (libs/audit/README.md).
 */
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

  /** Position in the chain; null until sealed. */
  @Column({ type: 'integer', nullable: true })
  seq!: number | null;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64, nullable: true })
  prevHash!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  hash!: string | null;
}

export const CHAIN_TIP_ID = 1;

/** The chain's tip (one row): the last sealed row. Only the sealer locks and moves it. */
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'last_seq', type: 'integer', default: 0 })
  lastSeq!: number;

  @Column({ name: 'last_id', type: 'integer' })
  lastId!: number;

  @Column({ name: 'last_hash', type: 'varchar', length: 64 })
  lastHash!: string;
}
