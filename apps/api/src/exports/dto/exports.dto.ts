import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Min, ValidateIf } from 'class-validator';
import { EXPORT_JOB_STATUSES } from '@app/exports';
import type { ExportJob } from '@app/exports';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

export class PeriodQuery {
  @ApiProperty({ example: '2026-11', description: '报送周期（YYYY-MM 或 YYYY-Qn）' })
  @Matches(PERIOD)
  period!: string;
}

export const EXPORT_JOB_KINDS = ['progress_table', 'task_table', 'assessment_sheet'] as const;
export type ExportJobKind = (typeof EXPORT_JOB_KINDS)[number];

export class CreateExportJobDto {
  @ApiProperty({
    enum: EXPORT_JOB_KINDS,
    description: 'progress_table 重点工作进展表；task_table 任务分工表；assessment_sheet 考核结果汇总表',
  })
  @IsIn(EXPORT_JOB_KINDS)
  kind!: ExportJobKind;

  @ApiPropertyOptional({ description: '进展表、分工表必填：计划' })
  @ValidateIf((dto: CreateExportJobDto) => dto.kind !== 'assessment_sheet' || dto.planId !== undefined)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  planId?: number;

  @ApiPropertyOptional({ description: '考核结果汇总表必填：考核' })
  @ValidateIf((dto: CreateExportJobDto) => dto.kind === 'assessment_sheet' || dto.runId !== undefined)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  runId?: number;

  @ApiPropertyOptional({ example: '2026-11', description: '进展表必填：报送周期' })
  @ValidateIf((dto: CreateExportJobDto) => dto.kind === 'progress_table' || dto.period !== undefined)
  @Matches(PERIOD)
  period?: string;
}

export class ExportJobView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: EXPORT_JOB_KINDS }) kind!: string;
  @ApiProperty({ enum: EXPORT_JOB_STATUSES }) status!: string;
  @ApiProperty({ description: '已处理的条目数' }) done!: number;
  @ApiProperty({ description: '总条目数' }) total!: number;
  @ApiProperty({ description: '进度（0–100）' }) percent!: number;
  @ApiProperty() filename!: string;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) finishedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({ example: '/api/exports/jobs/…/file', description: '完成后从此下载' }) fileUrl!: string;

  static of(job: ExportJob): ExportJobView {
    return {
      id: job.id,
      kind: job.kind,
      status: job.status,
      done: job.done,
      total: job.total,
      percent: job.status === 'done' ? 100 : job.total === 0 ? 0 : Math.floor((job.done / job.total) * 100),
      filename: job.filename,
      createdAt: job.createdAt.toISOString(),
      finishedAt: job.finishedAt?.toISOString() ?? null,
      error: job.error,
      fileUrl: `/api/exports/jobs/${job.id}/file`,
    };
  }
}
