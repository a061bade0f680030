import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, ROLE_LABELS } from '@app/org';
import type { AuthUser, Role, User } from '@app/org';

export class UserView {
  @ApiProperty()
  id!: number;

  @ApiProperty()
  username!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ example: '联络员' })
  roleLabel!: string;

  @ApiProperty()
  unitId!: number;

  @ApiPropertyOptional({ nullable: true, type: String })
  email?: string | null;

  @ApiPropertyOptional()
  active?: boolean;

  static of(user: User | AuthUser): UserView {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      roleLabel: ROLE_LABELS[user.role],
      unitId: user.unitId,
      ...('email' in user ? { email: user.email, active: user.active } : {}),
    };
  }
}
