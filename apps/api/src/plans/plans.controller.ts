import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@app/core';
import { Access, ADMIN_ROLES, scopeCovers, UnitsService } from '@app/org';
import type { AuthUser, Unit } from '@app/org';
import { AssignmentsService, MAX_PLAN_BYTES, PlanImportService, PlanPublisher, PlansService } from '@app/plans';
import { actorOf, CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';
import { CreateTaskDto, ImportPlanDto, MapUnitDto, UpdatePlanDto, UpdateTaskDto } from './dto/plan.dto';
import {
  AcknowledgementStatusView,
  MapUnitResultView,
  PlanDetailView,
  PlanView,
  PublishResultView,
  TaskView,
  UnresolvedNameView,
} from './dto/plan.view';

const PLAN_READERS = ['system_admin', 'office_admin', 'supervisor', 'leader'] as const;
const PLAN = { resource: 'plan', id: 'param:id' } as const;

@ApiTags('plans 计划与任务')
@Controller('plans')
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly importer: PlanImportService,
    private readonly publisher: PlanPublisher,
    private readonly assignments: AssignmentsService,
    private readonly units: UnitsService,
  ) {}

  @Get()
  @Access(PLAN_READERS, 'scope-filtered')
  @ApiOkResponse({ type: [PlanView] })
  async list(@CurrentUser() user: AuthUser): Promise<PlanView[]> {
    return (await this.plans.list(user.scope)).map((plan) => PlanView.of(plan));
  }

  @Post('import')
  @Access(ADMIN_ROLES, 'scope-filtered')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_PLAN_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({
    description: '上传 .txt / .docx / .xlsx 文件（字段 file），或以 JSON 提交 text',
    schema: {
      type: 'object',
      properties: {
        file: { type: 'string', format: 'binary' },
        text: { type: 'string' },
        year: { type: 'integer' },
        source: { type: 'string', enum: ['auto', 'prose', 'table'] },
        title: { type: 'string' },
        governmentId: { type: 'integer' },
      },
    },
  })
  @ApiOperation({ summary: '导入计划文件，生成待审核的计划草稿（单位按名称、别名解析，解析不了的列出待办公室确认）' })
  @ApiOkResponse({ type: PlanDetailView })
  async import(
    @CurrentUser() user: AuthUser,
    @Body() dto: ImportPlanDto,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<PlanDetailView> {
    if (!file && !dto.text) {
      throw new DomainError('VALIDATION', '请上传计划文件或粘贴计划全文', { file: ['请上传文件或提供 text'] });
    }
    if (file && dto.text) {
      throw new DomainError('VALIDATION', '文件与全文只能提交其一', { text: ['已上传文件时不能再提交 text'] });
    }
    const government = await this.governmentFor(user, dto.governmentId);
    const input = file ? { buffer: file.buffer, filename: decodeFilename(file.originalname) } : { text: dto.text };
    const plan = await this.importer.importDraft(actorOf(user), government, input, {
      year: dto.year,
      source: dto.source,
      title: dto.title,
    });
    return PlanDetailView.ofDetail(await this.plans.detail(plan.id));
  }

  @Get(':id')
  @Access(PLAN_READERS, PLAN)
  @ApiOkResponse({ type: PlanDetailView })
  async get(@Param('id', IdPipe) id: number): Promise<PlanDetailView> {
    return PlanDetailView.ofDetail(await this.plans.detail(id));
  }

  @Patch(':id')
  @Access(ADMIN_ROLES, PLAN)
  @ApiOkResponse({ type: PlanView })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: UpdatePlanDto,
  ): Promise<PlanView> {
    return PlanView.of(await this.plans.update(actorOf(user), id, dto));
  }

  @Get(':id/unresolved')
  @Access(ADMIN_ROLES, PLAN)
  @ApiOperation({ summary: '尚未对应到单位的名称及候选单位' })
  @ApiOkResponse({ type: [UnresolvedNameView] })
  async unresolved(@Param('id', IdPipe) id: number): Promise<UnresolvedNameView[]> {
    return (await this.plans.unresolved(id)).map((name) => UnresolvedNameView.of(name));
  }

  @Post(':id/unit-mappings')
  @HttpCode(200)
  @Access(ADMIN_ROLES, PLAN)
  @ApiOperation({ summary: '把文件中的名称对应到单位（该名称成为单位别名，以后自动识别）' })
  @ApiOkResponse({ type: MapUnitResultView })
  async mapUnit(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: MapUnitDto,
  ): Promise<MapUnitResultView> {
    return { resolvedRows: await this.plans.mapUnitName(actorOf(user), id, dto.rawName, dto.unitId) };
  }

  @Post(':id/tasks')
  @Access(ADMIN_ROLES, PLAN)
  @ApiOkResponse({ type: TaskView })
  async addTask(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: CreateTaskDto,
  ): Promise<TaskView> {
    const task = await this.plans.addTask(actorOf(user), id, dto);
    return this.taskView(id, task.id);
  }

  @Patch(':id/tasks/:taskId')
  @Access(ADMIN_ROLES, PLAN)
  @ApiOkResponse({ type: TaskView })
  async updateTask(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Param('taskId', new IdPipe('taskId')) taskId: number,
    @Body() dto: UpdateTaskDto,
  ): Promise<TaskView> {
    await this.plans.updateTask(actorOf(user), id, taskId, dto);
    return this.taskView(id, taskId);
  }

  @Delete(':id/tasks/:taskId')
  @HttpCode(204)
  @Access(ADMIN_ROLES, PLAN)
  async removeTask(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Param('taskId', new IdPipe('taskId')) taskId: number,
  ): Promise<void> {
    await this.plans.removeTask(actorOf(user), id, taskId);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Access(ADMIN_ROLES, PLAN)
  @ApiOperation({ summary: '发布计划：有问题时拒绝并列出全部问题；成功后按任务和单位分派并通知联络员签收' })
  @ApiOkResponse({ type: PublishResultView })
  async publish(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<PublishResultView> {
    const result = await this.publisher.publish(actorOf(user), id);
    return { ...result, acknowledgeDueAt: result.acknowledgeDueAt.toISOString() };
  }

  @Get(':id/acknowledgements')
  @Access(PLAN_READERS, PLAN)
  @ApiOperation({ summary: '各单位签收情况（谁还没有签收）' })
  @ApiOkResponse({ type: [AcknowledgementStatusView] })
  acknowledgements(@Param('id', IdPipe) id: number): Promise<AcknowledgementStatusView[]> {
    return this.assignments.acknowledgementStatus(id);
  }

  private async taskView(planId: number, taskId: number): Promise<TaskView> {
    const detail = PlanDetailView.ofDetail(await this.plans.detail(planId));
    const task = detail.tasks.find((t) => t.id === taskId);
    if (!task) {
      throw DomainError.notFound('任务', taskId);
    }
    return task;
  }

  /** An office imports for its own government; the system admin names one. */
  private async governmentFor(user: AuthUser, governmentId: number | undefined): Promise<Unit> {
    if (governmentId === undefined) {
      if (user.scope.kind !== 'subtree') {
        throw new DomainError('VALIDATION', '请指定计划所属政府', { governmentId: ['必须提供'] });
      }
      return this.units.get(user.scope.rootId);
    }
    const government = await this.units.get(governmentId).catch(() => null);
    if (!government || government.kind !== 'government') {
      throw new DomainError('VALIDATION', `不是政府单位：${governmentId}`, { governmentId: ['必须是政府单位'] });
    }
    if (!scopeCovers(user.scope, government)) {
      throw new DomainError('FORBIDDEN', '该政府不在您的管辖范围内', { governmentId: ['不在您的管辖范围内'] });
    }
    return government;
  }
}

/** Browsers send multipart file names as UTF-8 bytes that busboy reads as latin1; Chinese names need re-decoding. */
function decodeFilename(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}
