import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AuditReader } from '@app/audit';
import { Access, ADMIN_ROLES, UnitsService } from '@app/org';
import type { AuthUser } from '@app/org';
import { CurrentUser } from '../common/current-user.decorator';

export class AuditQueryDto {
  @ApiPropertyOptional({ example: 'unit' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional({ description: '翻页：只返回编号小于此值的记录' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  beforeId?: number;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class AuditEntryView {
  @ApiProperty() id!: number;
  @ApiProperty() at!: string;
  @ApiProperty({ example: 'user:office' }) actor!: string;
  @ApiProperty({ example: 'unit.update' }) action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ nullable: true, type: Number }) unitId!: number | null;
  @ApiProperty({ nullable: true }) before!: unknown;
  @ApiProperty({ nullable: true }) after!: unknown;
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;
}

@ApiTags('audit 审计')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly reader: AuditReader,
    private readonly units: UnitsService,
  ) {}

  @Get()
  @Access(ADMIN_ROLES, 'scope-filtered')
  @ApiOkResponse({ type: [AuditEntryView], description: '本辖区的审计记录（只追加、哈希链防篡改），最新在前' })
  async list(@CurrentUser() user: AuthUser, @Query() query: AuditQueryDto): Promise<AuditEntryView[]> {
    const rows = await this.reader.list({
      ...query,
      unitIds: await this.units.idsInScope(user.scope),
      limit: query.limit ?? 50,
    });
    return rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actor: row.actor,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      unitId: row.unitId,
      before: row.before === null ? null : (JSON.parse(row.before) as unknown),
      after: row.after === null ? null : (JSON.parse(row.after) as unknown),
      requestId: row.requestId,
    }));
  }
}
