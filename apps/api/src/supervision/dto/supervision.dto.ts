import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { CASE_STATUSES, INTERVIEW_STATUSES, WARNING_KINDS } from '@app/supervision';
import type { CaseStatus, InterviewStatus, WarningKind } from '@app/supervision';

/** An instant with its offset: `2026-03-10T09:30:00+08:00` or `…Z`. A bare local time would depend on the server. */
const INSTANT = /(Z|[+-]\d{2}:?\d{2})$/;
const INSTANT_EXAMPLE = '2026-03-10T09:30:00+08:00';

export class AttachmentRefsDto {
  @ApiPropertyOptional({ type: [String], description: '附件编号（暂为纯文本编号）', maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  attachments?: string[];
}

export class OpenCaseDto {
  @ApiProperty({ description: '被督办单位' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  unitId!: number;

  @ApiPropertyOptional({ description: '所属计划；有计划时按计划所属政府编号，否则按督查人员所在政府编号' })
  @IsOptional()
  @IsInt()
  @Min(1)
  planId?: number;

  @ApiPropertyOptional({ type: [Number], description: '督办涉及的任务（须属于同一计划）', maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(1, { each: true })
  taskIds?: number[];

  @ApiProperty({ description: '督办事由', example: '你单位2026年1月工作进展情况逾期10个工作日未报送' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({ description: '整改期限；缺省为10个工作日后18:00', example: INSTANT_EXAMPLE })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT)
  rectificationDueAt?: string;
}

export class RectificationDto extends AttachmentRefsDto {
  @ApiProperty({ description: '整改情况' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  text!: string;
}

export class ClosureRequestDto {
  @ApiProperty({ description: '整改完成情况' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary!: string;

  @ApiProperty({ type: [String], description: '佐证材料（附件编号），至少一项', minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  evidence!: string[];
}

export class VerificationDto {
  @ApiProperty({ enum: ['accept', 'reject'], description: 'accept：核查通过并销号；reject：退回整改（须说明理由）' })
  @IsIn(['accept', 'reject'])
  decision!: 'accept' | 'reject';

  @ApiPropertyOptional({ description: '不通过的理由（reject 时必填）；通过时为核查意见' })
  @ValidateIf((dto: VerificationDto) => dto.decision === 'reject' || dto.reason !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;
}

export class CaseListQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

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
  planId?: number;
}

export class ScheduleInterviewDto {
  @ApiProperty({ description: '被约谈单位' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  unitId!: number;

  @ApiPropertyOptional({ description: '引起约谈的督办事项（须为同一单位）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  caseId?: number;

  @ApiProperty({ description: '约谈事由', example: '督办〔2026〕1号督办事项逾期未完成整改' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({ description: '被约谈人；缺省为单位负责人（按单位信息）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  principalHead?: string;

  @ApiProperty({ description: '约谈时间', example: INSTANT_EXAMPLE })
  @IsISO8601({ strict: true })
  @Matches(INSTANT)
  time!: string;

  @ApiPropertyOptional({ description: '结束时间；缺省为开始后1小时', example: '2026-03-10T10:30:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT)
  endsAt?: string;

  @ApiProperty({ example: '市政府3号楼第一会议室' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  place!: string;

  @ApiProperty({ type: [String], example: ['市政府分管副秘书长', '领导小组办公室主任'], minItems: 1, maxItems: 30 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  attendees!: string[];

  @ApiProperty({ description: '整改落实期限', example: '2026-03-24T18:00:00+08:00' })
  @IsISO8601({ strict: true })
  @Matches(INSTANT)
  followUpDueAt!: string;
}

export class RescheduleInterviewDto {
  @ApiProperty({ description: '新的约谈时间（须晚于当前时间）', example: INSTANT_EXAMPLE })
  @IsISO8601({ strict: true })
  @Matches(INSTANT)
  time!: string;

  @ApiPropertyOptional({ description: '结束时间；缺省保持原时长', example: '2026-03-10T10:30:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT)
  endsAt?: string;

  @ApiProperty({ example: '市政府3号楼第一会议室' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  place!: string;

  @ApiPropertyOptional({ description: '整改落实期限；缺省保持原期限（新时间晚于原期限时顺延）' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT)
  followUpDueAt?: string;

  @ApiPropertyOptional({ description: '调整说明' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class MinutesDto {
  @ApiProperty({ description: '约谈纪要' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  minutes!: string;
}

export class FollowUpDto extends AttachmentRefsDto {
  @ApiProperty({ description: '整改落实情况' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  text!: string;
}

export class CloseInterviewDto {
  @ApiPropertyOptional({ description: '办结意见' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class CancelInterviewDto {
  @ApiProperty({ description: '取消理由' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class InterviewListQuery {
  @ApiPropertyOptional({ enum: INTERVIEW_STATUSES })
  @IsOptional()
  @IsIn(INTERVIEW_STATUSES)
  status?: InterviewStatus;

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
  caseId?: number;
}

export class WarningListQuery {
  @ApiPropertyOptional({ enum: WARNING_KINDS })
  @IsOptional()
  @IsIn(WARNING_KINDS)
  kind?: WarningKind;

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
  planId?: number;
}

export class CircularListQuery {
  @ApiPropertyOptional({ description: '发布通报的政府' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  governmentId?: number;
}

export class CorrectionDto {
  @ApiProperty({ example: '2027-01-01' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
  date!: string;

  @ApiProperty({ enum: ['holiday', 'workday'], description: 'holiday：放假；workday：调休上班' })
  @IsIn(['holiday', 'workday'])
  kind!: 'holiday' | 'workday';

  @ApiPropertyOptional({ example: '元旦（国办发明电〔2026〕X号）' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class CorrectionListQuery {
  @ApiPropertyOptional({ example: 2027 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  year?: number;
}

export class NoticeYearDto {
  @ApiPropertyOptional({ description: '通知文号等说明', example: '国办发明电〔2026〕X号' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}
