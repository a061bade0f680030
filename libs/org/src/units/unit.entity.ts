import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

/** government: 人民政府 at a level; department: 局/委/办; office: 领导小组办公室 and similar bodies. */
export const UNIT_KINDS = ['government', 'department', 'office'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const GOV_LEVELS = ['province', 'city', 'county', 'township'] as const;
export type GovLevel = (typeof GOV_LEVELS)[number];

@Entity('unit')
@Index('uq_unit_parent_name', ['parentId', 'name'], { unique: true })
export class Unit {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'parent_id', type: 'integer', nullable: true })
  parentId!: number | null;

  @Column({ type: 'varchar', length: 20 })
  kind!: UnitKind;

  /** The government level the unit belongs to (a county department has level `county`). */
  @Column({ type: 'varchar', length: 20 })
  level!: GovLevel;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'short_name', type: 'varchar', length: 50 })
  shortName!: string;

  /** Materialised path of ids, e.g. `/1/4/9/`: a subtree is a prefix match. */
  @Column({ type: 'varchar', length: 500 })
  path!: string;

  @Column({ name: 'head_name', type: 'varchar', length: 50, nullable: true })
  headName!: string | null;

  @Column({ name: 'head_title', type: 'varchar', length: 50, nullable: true })
  headTitle!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  emails!: string[] | null;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;

  @Column(timestampColumn('updated_at'))
  updatedAt!: Date;
}
