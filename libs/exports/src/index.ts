import { ExportJobRecord } from './jobs/export-job.entity';

export { ExportsModule } from './exports.module';
export { contentDisposition, encodeRfc5987, DOCX_TYPE, XLSX_TYPE } from './common/export-file';
export type { ExportFile } from './common/export-file';
export { streamed } from './common/export-task';
export type { ExportTask } from './common/export-task';
export { ProgressTableExporter } from './progress-table/progress-table.exporter';
export { PROGRESS_COLUMNS } from './progress-table/progress-table.writer';
export { TaskTableExporter } from './task-table/task-table.exporter';
export { TASK_TABLE_COLUMNS } from './task-table/task-table.writer';
export { AssessmentSheetExporter } from './assessment-sheet/assessment-sheet.exporter';
export { NoticeDocuments, CIRCULAR_MAKE_UP_WORKING_DAYS } from './documents/notice-documents';
export { ExportJobs, EXPORT_JOB_STALE_MS, EXPORT_JOB_TTL_MS, MAX_RUNNING_PER_USER } from './jobs/export-jobs';
export type { ExportJob } from './jobs/export-jobs';
export { ExportJobRecord, EXPORT_JOB_STATUSES } from './jobs/export-job.entity';
export type { ExportJobStatus } from './jobs/export-job.entity';

export const EXPORTS_ENTITIES = [ExportJobRecord];
