import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssessmentAdjustments, AssessmentAppeals, AssessmentQueries } from '@app/assessment';
import { Access, READ_ROLES } from '@app/org';
import type { AuthUser } from '@app/org';
import { CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';
import { OFFICE_ROLES, UNIT_ROLES } from './access';
import { AdjustmentDto, AppealDto } from './dto/assessment.dto';
import { AppealView, ResultDetailView, ResultRowView } from './dto/assessment.view';
import { TraceRefLabels } from './trace-ref-labels';

const RESULT = { resource: 'assessment_result', id: 'param:id' } as const;

@ApiTags('assessment 年度考核')
@Controller('assessment/results')
export class AssessmentResultsController {
  constructor(
    private readonly queries: AssessmentQueries,
    private readonly adjustments: AssessmentAdjustments,
    private readonly appeals: AssessmentAppeals,
    private readonly refLabels: TraceRefLabels,
  ) {}

  @Get('mine')
  @Access(UNIT_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '本单位的考核结果（公示和发布后可见）' })
  @ApiOkResponse({ type: [ResultRowView] })
  async mine(@CurrentUser() user: AuthUser): Promise<ResultRowView[]> {
    return (await this.queries.mine(user)).map((row) => ResultRowView.of(row));
  }

  @Get(':id')
  @Access(READ_ROLES, RESULT)
  @ApiOperation({ summary: '一个单位的得分明细：每一分的来由及依据记录；单位只能查看本单位公示后的结果' })
  @ApiOkResponse({ type: ResultDetailView })
  async get(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<ResultDetailView> {
    const detail = await this.queries.result(user, id);
    return ResultDetailView.ofDetail(detail, await this.refLabels.of(detail.row.result.trace));
  }

  @Post(':id/adjustments')
  @Access(OFFICE_ROLES, RESULT)
  @ApiOperation({ summary: '调整分数（初评和公示阶段；必须说明理由，记入审计）' })
  @ApiCreatedResponse({ type: ResultDetailView })
  async adjust(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: AdjustmentDto,
  ): Promise<ResultDetailView> {
    const result = await this.adjustments.adjust(user, id, dto);
    return this.get(user, result.id);
  }

  @Post(':id/corrections')
  @Access(OFFICE_ROLES, RESULT)
  @ApiOperation({ summary: '更正已发布的结果：生成该单位结果的新版本，原版本保留（必须说明理由，记入审计）' })
  @ApiCreatedResponse({ type: ResultDetailView })
  async correct(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: AdjustmentDto,
  ): Promise<ResultDetailView> {
    const result = await this.adjustments.correct(user, id, dto);
    return this.get(user, result.id);
  }

  @Post(':id/appeals')
  @Access(UNIT_ROLES, RESULT)
  @ApiOperation({ summary: '申诉（本单位联络员或负责人，公示期内；附理由和佐证材料编号）' })
  @ApiCreatedResponse({ type: AppealView })
  async appeal(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: AppealDto,
  ): Promise<AppealView> {
    return AppealView.ofRow(await this.appeals.file(user, id, dto));
  }
}
