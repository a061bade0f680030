import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UnitOfWork } from '@app/core';
import { Access, READ_ROLES } from '@app/org';
import type { AuthUser } from '@app/org';
import { SupervisionCasesService, SupervisionNotices } from '@app/supervision';
import { actorOf, CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';
import { SUPERVISING_ROLES, UNIT_ROLES } from './access';
import {
  CaseListQuery,
  ClosureRequestDto,
  OpenCaseDto,
  RectificationDto,
  VerificationDto,
} from './dto/supervision.dto';
import { CaseDetailView, CaseView } from './dto/supervision.view';

const CASE = { resource: 'supervision_case', id: 'param:id' } as const;

@ApiTags('supervision-cases 挂牌督办')
@Controller('supervision-cases')
export class SupervisionCasesController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cases: SupervisionCasesService,
    private readonly notices: SupervisionNotices,
  ) {}

  @Get()
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '本单位（或本辖区）的督办事项，新的在前' })
  @ApiOkResponse({ type: [CaseView] })
  async list(@CurrentUser() user: AuthUser, @Query() query: CaseListQuery): Promise<CaseView[]> {
    return (await this.cases.list(user.scope, query)).map((summary) => CaseView.of(summary));
  }

  @Post()
  @Access(SUPERVISING_ROLES, { resource: 'unit', id: 'body:unitId' })
  @ApiOperation({
    summary: '挂牌督办（手动）：编号为督办〔年〕N号，按办公室（计划所属政府）逐年顺序编号，并通知单位和办公室',
  })
  @ApiCreatedResponse({ type: CaseDetailView })
  async open(@CurrentUser() user: AuthUser, @Body() dto: OpenCaseDto): Promise<CaseDetailView> {
    const opened = await this.unitOfWork.run(async (em) => {
      const supervisionCase = await this.cases.open(em, {
        unitId: dto.unitId,
        planId: dto.planId,
        governmentId: user.scope.kind === 'subtree' ? user.scope.rootId : undefined,
        reason: dto.reason,
        taskIds: dto.taskIds,
        rectificationDueAt: dto.rectificationDueAt ? new Date(dto.rectificationDueAt) : undefined,
        openedBy: actorOf(user),
        scope: user.scope,
      });
      await this.notices.caseOpened(em, supervisionCase);
      return supervisionCase;
    });
    return CaseDetailView.ofDetail(await this.cases.detail(opened.id));
  }

  @Get(':id')
  @Access(READ_ROLES, CASE)
  @ApiOkResponse({ type: CaseDetailView })
  async get(@Param('id', IdPipe) id: number): Promise<CaseDetailView> {
    return CaseDetailView.ofDetail(await this.cases.detail(id));
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Access(UNIT_ROLES, CASE)
  @ApiOperation({ summary: '签收督办单（open → acknowledged）' })
  @ApiOkResponse({ type: CaseDetailView })
  async acknowledge(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<CaseDetailView> {
    await this.unitOfWork.run((em) => this.cases.acknowledge(em, actorOf(user), id));
    return this.get(id);
  }

  @Post(':id/rectification-reports')
  @HttpCode(200)
  @Access(UNIT_ROLES, CASE)
  @ApiOperation({ summary: '报送整改情况（可多次；→ rectifying）' })
  @ApiOkResponse({ type: CaseDetailView })
  async reportRectification(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: RectificationDto,
  ): Promise<CaseDetailView> {
    await this.unitOfWork.run((em) => this.cases.reportRectification(em, actorOf(user), id, dto));
    return this.get(id);
  }

  @Post(':id/closure-request')
  @HttpCode(200)
  @Access(UNIT_ROLES, CASE)
  @ApiOperation({ summary: '申请销号，附佐证材料（→ closure_requested）' })
  @ApiOkResponse({ type: CaseDetailView })
  async requestClosure(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: ClosureRequestDto,
  ): Promise<CaseDetailView> {
    await this.unitOfWork.run((em) => this.cases.requestClosure(em, actorOf(user), id, dto));
    return this.get(id);
  }

  @Post(':id/verification')
  @HttpCode(200)
  @Access(SUPERVISING_ROLES, CASE)
  @ApiOperation({ summary: '核查：通过则销号（→ closed），不通过须说明理由（→ rectifying）' })
  @ApiOkResponse({ type: CaseDetailView })
  async verify(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: VerificationDto,
  ): Promise<CaseDetailView> {
    await this.unitOfWork.run((em) => this.cases.verify(em, actorOf(user), id, dto));
    return this.get(id);
  }
}
