import { Module } from '@nestjs/common';
import { DashboardModule } from '@app/dashboard';
import { AssessmentSheetExporter } from './assessment-sheet/assessment-sheet.exporter';
import { NoticeDocuments } from './documents/notice-documents';
import { ExportJobs } from './jobs/export-jobs';
import { ProgressTableExporter } from './progress-table/progress-table.exporter';
import { ProgressTableSource } from './progress-table/progress-table.source';
import { TaskTableExporter } from './task-table/task-table.exporter';

const EXPORTED = [ProgressTableExporter, TaskTableExporter, AssessmentSheetExporter, NoticeDocuments, ExportJobs];

/** Downloads in Chinese for Excel/WPS and Word: progress and task tables, the assessment sheet, notices. */
@Module({ imports: [DashboardModule], providers: [...EXPORTED, ProgressTableSource], exports: EXPORTED })
export class ExportsModule {}
