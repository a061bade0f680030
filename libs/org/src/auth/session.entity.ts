import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '@app/core';

/** A signed-in session. Only the SHA-256 of the token is stored, so a leaked table grants nothing. */
@Entity('user_session')
export class UserSession {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column(timestampColumn('created_at'))
  createdAt!: Date;

  @Column(timestampColumn('expires_at'))
  expiresAt!: Date;

  @Column(timestampColumn('revoked_at', true))
  revokedAt!: Date | null;
}
