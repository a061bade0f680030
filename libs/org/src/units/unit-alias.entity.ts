import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

/** Another name a unit goes by: an old name (环境保护局), a short form (环保局), a mapping the office made. */
@Entity('unit_alias')
@Index('uq_unit_alias', ['unitId', 'alias'], { unique: true })
export class UnitAlias {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'unit_id', type: 'integer' })
  unitId!: number;

  @Column({ type: 'varchar', length: 100 })
  alias!: string;

  @Column({ type: 'varchar', length: 20 })
  source!: 'seed' | 'manual' | 'import';

  @Column(timestampColumn('created_at'))
  createdAt!: Date;
}
