import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DEADLINE_KINDS, REPORTING_CYCLES } from '@app/plans';
import type { ReportingCycle, TaskDeadlineKind } from '@app/plans';

export class ImportPlanDto {
  @ApiPropertyOptional({ description: '粘贴的计划全文（与上传文件二选一）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  text?: string;

  @ApiPropertyOptional({ description: '计划年度；缺省时从文件推断（“6月底前”等取该年）', example: 2019 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: ['auto', 'prose', 'table'], description: 'auto：有任务分工表时读表，否则读正文条款' })
  @IsOptional()
  @IsIn(['auto', 'prose', 'table'])
  source?: 'auto' | 'prose' | 'table';

  @ApiPropertyOptional({ description: '计划标题；缺省时取文件标题' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ description: '计划所属政府（系统管理员导入时必填；办公室默认为本级政府）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  governmentId?: number;
}

export class ReportingDefaultsDto {
  @ApiPropertyOptional({ description: '牵头单位每月几日前向办公室报送上月进展', example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(28)
  leadDueDay?: number;

  @ApiPropertyOptional({ description: '参与单位每月几日前向牵头单位报送', example: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(28)
  participantDueDay?: number;

  @ApiPropertyOptional({ description: '签收时限（工作日）', example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  acknowledgeWorkingDays?: number;
}

export class UpdatePlanDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  yearStart?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  yearEnd?: number;

  @ApiPropertyOptional({ type: ReportingDefaultsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportingDefaultsDto)
  reporting?: ReportingDefaultsDto;
}

export class DeadlineDto {
  @ApiProperty({ example: '2018年底前', description: '原文表述' })
  @IsString()
  @MaxLength(200)
  raw!: string;

  @ApiProperty({ nullable: true, type: String, example: '2018-12-31' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
  date!: string | null;

  @ApiProperty({ enum: DEADLINE_KINDS })
  @IsIn(DEADLINE_KINDS)
  kind!: TaskDeadlineKind;

  @ApiProperty({ nullable: true, type: String, example: 'P1Y' })
  @IsOptional()
  @Matches(/^P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/)
  every!: string | null;
}

export class CreateTaskDto {
  @ApiProperty({ example: '二/(三)/1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  ref!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  text?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  localResponsibility?: boolean;

  @ApiPropertyOptional({ enum: REPORTING_CYCLES })
  @IsOptional()
  @IsIn(REPORTING_CYCLES)
  reportingCycle?: ReportingCycle;

  @ApiProperty({ type: [Number], description: '牵头单位编号' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  leadUnitIds!: number[];

  @ApiPropertyOptional({ type: [Number], description: '参与单位编号' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  participantUnitIds?: number[];

  @ApiPropertyOptional({ type: [DeadlineDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DeadlineDto)
  deadlines?: DeadlineDto[];
}

export class UpdateTaskDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  ref?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  text?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  localResponsibility?: boolean;

  @ApiPropertyOptional({ enum: REPORTING_CYCLES })
  @IsOptional()
  @IsIn(REPORTING_CYCLES)
  reportingCycle?: ReportingCycle;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  leadUnitIds?: number[];

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  participantUnitIds?: number[];

  @ApiPropertyOptional({ type: [DeadlineDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DeadlineDto)
  deadlines?: DeadlineDto[];
}

export class MapUnitDto {
  @ApiProperty({ example: '市粮食局', description: '文件中的单位名称（原文）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  rawName!: string;

  @ApiProperty({ description: '对应的单位编号；该名称将成为此单位的别名' })
  @IsInt()
  @Min(1)
  unitId!: number;
}
