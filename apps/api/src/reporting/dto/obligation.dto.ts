import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  MAX_CANCELLATION_REASON,
  MAX_DEADLINE_REASON,
  MAX_PROGRESS_TEXT,
  MAX_REVIEW_COMMENT,
  OBLIGATION_STATUSES,
  SUBMISSION_KINDS,
} from '@app/reporting';
import type { ObligationStatus, SubmissionKind } from '@app/reporting';

/** Multipart fields arrive as strings: '' means absent, anything else is read as a number (NaN fails IsInt). */
const toNumber = ({ value }: { value: unknown }): unknown =>
  value === '' || value === null ? undefined : typeof value === 'string' ? Number(value) : value;

export class PageQuery {
  @ApiPropertyOptional({ type: Number, default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 100;

  @ApiPropertyOptional({ type: Number, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}

export class ListObligationsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  planId?: number;

  @ApiPropertyOptional({ example: '2026-05', description: 'YYYY-MM 或 YYYY-Qn' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/)
  period?: string;

  @ApiPropertyOptional({ enum: OBLIGATION_STATUSES })
  @IsOptional()
  @IsIn(OBLIGATION_STATUSES)
  status?: ObligationStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  unitId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  taskId?: number;
}

export class IndicatorValueDto {
  @ApiProperty({ description: '本计划的指标编号' })
  @IsInt()
  @Min(1)
  indicatorId!: number;

  @ApiProperty({ description: '本期实际值' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;
}

/** A JSON body carries an array; a multipart form carries the same array as a JSON string. */
function toIndicatorValues({ value }: { value: unknown }): unknown {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = value.trim() === '' ? undefined : JSON.parse(value);
    } catch {
      return value;
    }
  }
  return Array.isArray(parsed)
    ? parsed.map((item: unknown) =>
        typeof item === 'object' && item !== null ? plainToInstance(IndicatorValueDto, item) : item,
      )
    : parsed;
}

export class SubmitReportDto {
  @ApiPropertyOptional({
    enum: SUBMISSION_KINDS,
    default: 'progress',
    description: 'progress：工作进展；no_task：无此项任务；no_progress：本期无新进展',
  })
  @IsOptional()
  @IsIn(SUBMISSION_KINDS)
  kind?: SubmissionKind;

  @ApiPropertyOptional({ description: '进展情况（报送工作进展时必填）', maxLength: MAX_PROGRESS_TEXT })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PROGRESS_TEXT)
  progressText?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: '完成进度（%），报送工作进展时必填' })
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(100)
  percentComplete?: number;

  @ApiPropertyOptional({
    type: [IndicatorValueDto],
    description: '指标值；multipart 表单中以 JSON 字符串提交',
  })
  @IsOptional()
  @Transform(toIndicatorValues)
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  indicatorValues?: IndicatorValueDto[];
}

export class AcceptReportDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: '评分 1–5' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;

  @ApiPropertyOptional({ maxLength: MAX_REVIEW_COMMENT })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REVIEW_COMMENT)
  comment?: string;
}

export class WaiveReportDto {
  @ApiProperty({ maxLength: MAX_REVIEW_COMMENT, description: '免报理由（必填）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_REVIEW_COMMENT)
  comment!: string;
}

export class ReturnReportDto extends WaiveReportDto {
  @ApiPropertyOptional({
    example: '2026-06-10T18:00:00+08:00',
    description: '重新报送的截止时间（ISO 8601，须晚于当前时间）；不填则按计划的退回工作日数计算',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueAt?: string;
}

export class ChangeDeadlineDto {
  @ApiProperty({ example: '2026-11-12T18:00:00+08:00', description: '新的截止时间（ISO 8601，须晚于当前时间）' })
  @IsISO8601({ strict: true })
  dueAt!: string;

  @ApiProperty({ maxLength: MAX_DEADLINE_REASON, description: '调整理由（必填）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_DEADLINE_REASON)
  reason!: string;
}

export class CancelTaskDto {
  @ApiProperty({ maxLength: MAX_CANCELLATION_REASON, description: '撤销理由（必填）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_CANCELLATION_REASON)
  reason!: string;
}

export class ReportingSettingsDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 31, description: '牵头单位每月报送日' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(31)
  leadDueDay?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 31, description: '参与单位每月向牵头单位报送日' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(31)
  participantDueDay?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 30, description: '退回后重新报送的工作日数' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  returnWorkingDays?: number;
}
