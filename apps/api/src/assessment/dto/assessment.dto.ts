import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { APPEAL_STATUSES, DEFAULT_SCHEME, MAX_APPEAL_ATTACHMENTS, MAX_APPEAL_TEXT } from '@app/assessment';
import type { AppealStatus } from '@app/assessment';

// Ranges (non-negative, sums, order of thresholds) are checked by `checkScheme` in the lib, which names every bad
// field at once; the DTOs only make sure the shapes and types are right.

export class PlanYearQuery {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  planId!: number;

  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  year!: number;
}

export class WeightsDto {
  @ApiProperty({ example: DEFAULT_SCHEME.weights.timeliness, minimum: 0, description: '报送及时性（按时报送占比）' })
  @IsNumber()
  timeliness!: number;

  @ApiProperty({
    example: DEFAULT_SCHEME.weights.completion,
    minimum: 0,
    description: '任务完成情况（到期任务按期完成）',
  })
  @IsNumber()
  completion!: number;

  @ApiProperty({ example: DEFAULT_SCHEME.weights.reviewQuality, minimum: 0, description: '报送质量（审核评分均值）' })
  @IsNumber()
  reviewQuality!: number;

  @ApiProperty({
    example: DEFAULT_SCHEME.weights.indicators,
    minimum: 0,
    description: '指标完成情况（实际值对目标值）',
  })
  @IsNumber()
  indicators!: number;
}

export class DeductionsDto {
  @ApiProperty({ example: 1, minimum: 0, description: '不扣分的黄色预警次数（首次黄牌不扣分）' })
  @IsInt()
  freeYellowWarnings!: number;

  @ApiProperty({ example: 1, minimum: 0, description: '此后每次黄色预警扣分' })
  @IsNumber()
  yellowWarning!: number;

  @ApiProperty({ example: 2, minimum: 0, description: '每次红色预警扣分' })
  @IsNumber()
  redWarning!: number;

  @ApiProperty({ example: 0, minimum: 0, description: '每次进度滞后预警扣分' })
  @IsNumber()
  progressLagWarning!: number;

  @ApiProperty({ example: 2, minimum: 0, description: '每件挂牌督办扣分' })
  @IsNumber()
  supervisionCase!: number;

  @ApiProperty({ example: 3, minimum: 0, description: '每次约谈扣分' })
  @IsNumber()
  interview!: number;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, description: '扣分上限；null 为不设上限' })
  @IsOptional()
  @IsNumber()
  cap?: number | null;
}

export class GradesDto {
  @ApiProperty({ example: 90, description: '优秀 ≥' })
  @IsNumber()
  excellent!: number;

  @ApiProperty({ example: 80, description: '良好 ≥' })
  @IsNumber()
  good!: number;

  @ApiProperty({ example: 60, description: '合格 ≥；低于为不合格' })
  @IsNumber()
  pass!: number;
}

export class SchemeDto {
  @ApiProperty({ type: WeightsDto, description: '各项权重，合计须为 100' })
  @IsDefined()
  @ValidateNested()
  @Type(() => WeightsDto)
  weights!: WeightsDto;

  @ApiProperty({ type: DeductionsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => DeductionsDto)
  deductions!: DeductionsDto;

  @ApiProperty({ example: 5, minimum: 0, description: '先行先试加分上限' })
  @IsNumber()
  bonusCap!: number;

  @ApiProperty({ type: GradesDto, description: '等次分数线：合格 < 良好 < 优秀' })
  @IsDefined()
  @ValidateNested()
  @Type(() => GradesDto)
  grades!: GradesDto;

  @ApiProperty({ example: 5, description: '公示后可申诉的工作日数（1–60）' })
  @IsInt()
  appealWorkingDays!: number;
}

export class UpdateSchemeDto extends SchemeDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  planId!: number;

  @ApiProperty({ example: 2026 })
  @IsInt()
  year!: number;
}

export class StartRunDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  planId!: number;

  @ApiProperty({ example: 2026 })
  @IsInt()
  year!: number;
}

export class RunListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  planId?: number;

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  year?: number;
}

export class AdjustmentDto {
  @ApiProperty({ example: 2, description: '调整分值（正为加分，负为减分，非零，绝对值不超过 100，最多两位小数）' })
  @IsNumber()
  points!: number;

  @ApiProperty({ example: '该单位11月报告因系统故障延迟提交，经核实予以调整', description: '调整理由（必填）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class AppealDto {
  @ApiProperty({ description: '申诉理由', maxLength: MAX_APPEAL_TEXT })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_APPEAL_TEXT)
  text!: string;

  @ApiPropertyOptional({ type: [String], description: '佐证材料（附件编号）', maxItems: MAX_APPEAL_ATTACHMENTS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_APPEAL_ATTACHMENTS)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  attachments?: string[];
}

export class AppealDecisionDto {
  @ApiProperty({ enum: ['accept', 'reject'], description: 'accept：采纳并调整分数；reject：不予采纳' })
  @IsIn(['accept', 'reject'])
  decision!: 'accept' | 'reject';

  @ApiPropertyOptional({ description: '采纳时的调整分值（必填，非零）' })
  @ValidateIf((dto: AppealDecisionDto) => dto.decision === 'accept' || dto.points !== undefined)
  @IsNumber()
  points?: number;

  @ApiProperty({ description: '处理理由（必填）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class AppealListQuery {
  @ApiPropertyOptional({ enum: APPEAL_STATUSES })
  @IsOptional()
  @IsIn(APPEAL_STATUSES)
  status?: AppealStatus;
}

export class BonusDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  planId!: number;

  @ApiProperty({ example: 2026 })
  @IsInt()
  year!: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  unitId!: number;

  @ApiProperty({ example: 2, description: '加分（正数；每单位合计不超过方案的加分上限）' })
  @IsNumber()
  points!: number;

  @ApiProperty({ example: '在全省率先建立受污染耕地安全利用台账制度', description: '认定的先行先试事项' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
