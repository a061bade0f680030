import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  AssessmentSheetExporter,
  contentDisposition,
  ExportFile,
  ExportJobs,
  ExportTask,
  NoticeDocuments,
  ProgressTableExporter,
  streamed,
  TaskTableExporter,
} from '@app/exports';
import { DomainError } from '@app/core';
import { Access, READ_ROLES } from '@app/org';
import type { AuthUser } from '@app/org';
import { CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';
import { CreateExportJobDto, ExportJobView, PeriodQuery } from './dto/exports.dto';

const PLAN_READERS = ['system_admin', 'office_admin', 'supervisor', 'leader'] as const;
const FILE = { schema: { type: 'string', format: 'binary' } };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file download with its type and an RFC 5987 Chinese file name; streams are piped out as they are written. */
function download(file: ExportFile): StreamableFile {
  const options = { type: file.contentType, disposition: contentDisposition(file.filename, file.asciiFilename) };
  return Buffer.isBuffer(file.body)
    ? new StreamableFile(file.body, { ...options, length: file.body.length })
    : new StreamableFile(file.body, options);
}

const JOB_ID = new ParseUUIDPipe({ exceptionFactory: () => DomainError.invalid('jobId', '导出任务编号格式不正确') });

@ApiTags('exports 导出')
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly progressTables: ProgressTableExporter,
    private readonly taskTables: TaskTableExporter,
    private readonly assessmentSheets: AssessmentSheetExporter,
    private readonly notices: NoticeDocuments,
    private readonly jobs: ExportJobs,
  ) {}

  @Get('plans/:id/progress-table')
  // Scope-filtered: the office gets the plan's table, a unit its own rows (填报单位 = the unit).
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '重点工作进展表（.xlsx，按重点内容分组，取自本期审核通过的报送），边生成边下载' })
  @ApiProduces(XLSX)
  @ApiOkResponse(FILE)
  async progressTable(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Query() query: PeriodQuery,
  ): Promise<StreamableFile> {
    return download(streamed(await this.progressTables.prepare(user, id, query.period)));
  }

  @Get('plans/:id/task-table')
  @Access(PLAN_READERS, { resource: 'plan', id: 'param:id' })
  @ApiOperation({ summary: '任务分工表（.xlsx：序号/条/款/任务措施/牵头部门/参与部门/实施进度），可再导入' })
  @ApiProduces(XLSX)
  @ApiOkResponse(FILE)
  async taskTable(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<StreamableFile> {
    return download(streamed(await this.taskTables.prepare(user, id)));
  }

  @Get('assessment-runs/:id/sheet')
  // The assessment's own read rules apply too: a leader gets a run once it is published.
  @Access(PLAN_READERS, { resource: 'assessment_run', id: 'param:id' })
  @ApiOperation({ summary: '考核结果汇总表（.xlsx：各项得分、扣分、加分、调整、总分、排名、等次，按排名分组）' })
  @ApiProduces(XLSX)
  @ApiOkResponse(FILE)
  async assessmentSheet(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<StreamableFile> {
    return download(streamed(await this.assessmentSheets.prepare(user, id)));
  }

  @Get('supervision-cases/:id/notice')
  @Access(READ_ROLES, { resource: 'supervision_case', id: 'param:id' })
  @ApiOperation({ summary: '督办通知单（.docx，公文格式）' })
  @ApiProduces(DOCX)
  @ApiOkResponse(FILE)
  async supervisionNotice(@Param('id', IdPipe) id: number): Promise<StreamableFile> {
    return download(await this.notices.supervisionNotice(id));
  }

  @Get('interviews/:id/notice')
  @Access(READ_ROLES, { resource: 'interview', id: 'param:id' })
  @ApiOperation({ summary: '约谈通知（.docx，公文格式）' })
  @ApiProduces(DOCX)
  @ApiOkResponse(FILE)
  async interviewNotice(@Param('id', IdPipe) id: number): Promise<StreamableFile> {
    return download(await this.notices.interviewNotice(id));
  }

  @Get('circulars/:id/document')
  // Scope-filtered: a circular is read by every unit under its government and the offices above (CircularsService).
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '通报（.docx，公文格式）' })
  @ApiProduces(DOCX)
  @ApiOkResponse(FILE)
  async circular(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<StreamableFile> {
    return download(await this.notices.circular(user, id));
  }

  @Post('jobs')
  @HttpCode(202)
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '后台导出（大文件）：立即返回任务，GET 查看进度，完成后下载' })
  @ApiOkResponse({ type: ExportJobView })
  async startJob(@CurrentUser() user: AuthUser, @Body() dto: CreateExportJobDto): Promise<ExportJobView> {
    return ExportJobView.of(await this.jobs.start(user.id, dto.kind, await this.prepare(user, dto)));
  }

  @Get('jobs/:jobId')
  @Access(READ_ROLES, 'self')
  @ApiOperation({ summary: '导出进度（只能查看自己发起的导出）' })
  @ApiOkResponse({ type: ExportJobView })
  async job(@CurrentUser() user: AuthUser, @Param('jobId', JOB_ID) jobId: string): Promise<ExportJobView> {
    return ExportJobView.of(await this.jobs.get(user.id, jobId));
  }

  @Get('jobs/:jobId/file')
  @Access(READ_ROLES, 'self')
  @ApiOperation({ summary: '下载已完成的导出' })
  @ApiOkResponse(FILE)
  async jobFile(@CurrentUser() user: AuthUser, @Param('jobId', JOB_ID) jobId: string): Promise<StreamableFile> {
    return download(await this.jobs.open(user.id, jobId));
  }

  private prepare(user: AuthUser, dto: CreateExportJobDto): Promise<ExportTask> {
    switch (dto.kind) {
      case 'progress_table':
        return this.progressTables.prepare(user, dto.planId ?? 0, dto.period ?? '');
      case 'task_table':
        return this.taskTables.prepare(user, dto.planId ?? 0);
      case 'assessment_sheet':
        return this.assessmentSheets.prepare(user, dto.runId ?? 0);
    }
  }
}
