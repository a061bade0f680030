import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssessmentQueries, AssessmentRuns } from '@app/assessment';
import { Access } from '@app/org';
import type { AuthUser } from '@app/org';
import { actorOf, CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';
import { OFFICE_ROLES, OVERSIGHT_ROLES, RUN_READER_ROLES } from './access';
import { AppealListQuery, RunListQuery, StartRunDto } from './dto/assessment.dto';
import {
  AppealView,
  ComputeView,
  RankingGroupView,
  ResultRowView,
  RunSummaryView,
  RunView,
  StartedRunView,
} from './dto/assessment.view';

const RUN = { resource: 'assessment_run', id: 'param:id' } as const;

@ApiTags('assessment 年度考核')
@Controller('assessment/runs')
export class AssessmentRunsController {
  constructor(
    private readonly runs: AssessmentRuns,
    private readonly queries: AssessmentQueries,
  ) {}

  @Post()
  @Access(OFFICE_ROLES, { resource: 'plan', id: 'body:planId' })
  @ApiOperation({ summary: '开始计划某年度的考核，并按现行评分方案计算初评得分（每个计划每年一次）' })
  @ApiCreatedResponse({ type: StartedRunView })
  async start(@CurrentUser() user: AuthUser, @Body() dto: StartRunDto): Promise<StartedRunView> {
    const run = await this.runs.start(actorOf(user), dto);
    const computation = ComputeView.of(await this.runs.compute(actorOf(user), run.id));
    return { ...(await this.summary(user, run.id)), computation };
  }

  @Get()
  @Access(RUN_READER_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '本辖区计划的考核（领导仅见已发布的）' })
  @ApiOkResponse({ type: [RunView] })
  async list(@CurrentUser() user: AuthUser, @Query() query: RunListQuery): Promise<RunView[]> {
    return (await this.queries.runs(user, query)).map((context) => RunView.of(context));
  }

  @Get(':id')
  @Access(RUN_READER_ROLES, RUN)
  @ApiOkResponse({ type: RunSummaryView })
  async get(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<RunSummaryView> {
    return this.summary(user, id);
  }

  @Post(':id/compute')
  @HttpCode(200)
  @Access(OFFICE_ROLES, RUN)
  @ApiOperation({ summary: '重新计算初评得分（仅初评阶段；保留已作的调整）' })
  @ApiOkResponse({ type: ComputeView })
  async compute(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<ComputeView> {
    return ComputeView.of(await this.runs.compute(actorOf(user), id));
  }

  @Post(':id/release')
  @HttpCode(200)
  @Access(OFFICE_ROLES, RUN)
  @ApiOperation({ summary: '公示初评结果：各单位可查看本单位得分，并在规定工作日内申诉' })
  @ApiOkResponse({ type: RunSummaryView })
  async release(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<RunSummaryView> {
    await this.runs.release(actorOf(user), id);
    return this.summary(user, id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Access(OFFICE_ROLES, RUN)
  @ApiOperation({ summary: '发布考核结果：须在申诉期结束且申诉全部处理后；发布后结果冻结，只能更正（生成新版本）' })
  @ApiOkResponse({ type: RunSummaryView })
  async publish(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<RunSummaryView> {
    await this.runs.publish(actorOf(user), id);
    return this.summary(user, id);
  }

  @Get(':id/results')
  @Access(RUN_READER_ROLES, RUN)
  @ApiOperation({ summary: '各单位得分（按组别、名次），领导仅可查看已发布的结果' })
  @ApiOkResponse({ type: [ResultRowView] })
  async results(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<ResultRowView[]> {
    return (await this.queries.results(user, id)).map((row) => ResultRowView.of(row));
  }

  @Get(':id/rankings')
  @Access(RUN_READER_ROLES, RUN)
  @ApiOperation({ summary: '组内排名（市直部门、下级政府分别排名，同分并列）' })
  @ApiOkResponse({ type: [RankingGroupView] })
  async rankings(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<RankingGroupView[]> {
    return (await this.queries.rankings(user, id)).map((group) => RankingGroupView.of(group));
  }

  @Get(':id/appeals')
  @Access(OVERSIGHT_ROLES, RUN)
  @ApiOperation({ summary: '本次考核的申诉' })
  @ApiOkResponse({ type: [AppealView] })
  async appeals(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Query() query: AppealListQuery,
  ): Promise<AppealView[]> {
    return (await this.queries.appeals(user, id, query.status)).map((row) => AppealView.ofRow(row));
  }

  private async summary(user: AuthUser, id: number): Promise<RunSummaryView> {
    return RunSummaryView.ofSummary(await this.queries.summary(user, id));
  }
}
