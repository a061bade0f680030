import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '@app/core';
import type { Role } from './role';

@Entity('app_user')
@Index('uq_app_user_username', ['username'], { unique: true })
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 50 })
  displayName!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Column({ name: 'unit_id', type: 'integer' })
  unitId!: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'failed_logins', type: 'integer', default: 0 })
  failedLogins!: number;

  @Column(timestampColumn('locked_until', true))
  lockedUntil!: Date | null;

  @Column(timestampColumn('password_changed_at'))
  passwordChangedAt!: Date;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;
}
