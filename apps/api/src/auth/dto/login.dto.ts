import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { UserView } from '../../users/dto/user.view';

export class LoginDto {
  @ApiProperty({ example: 'office' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'Demo2026pass' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  oldPassword!: string;

  @ApiProperty({ description: '至少 8 位，须含字母和数字' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  newPassword!: string;
}

export class SessionView {
  @ApiProperty({ description: 'Bearer token for API clients; browsers use the httpOnly cookie instead' })
  token!: string;

  @ApiProperty()
  expiresAt!: string;

  @ApiProperty({ type: UserView })
  user!: UserView;
}
