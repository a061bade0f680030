import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  LeagueTableQuery,
  OverdueQuery,
  OverviewQuery,
  ProgressQuery,
  SubmissionMatrixQuery,
  TrafficLightsQuery,
  TrendsQuery,
} from '@app/dashboard';
import { Access, READ_ROLES } from '@app/org';
import type { AuthUser } from '@app/org';
import { CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';
import {
  LeagueQueryDto,
  MatrixQueryDto,
  OverdueQueryDto,
  OverviewQueryDto,
  PeriodRangeQuery,
  PlanFilterQuery,
} from './dto/dashboard.dto';
import {
  LeagueTableView,
  OverdueReportPageView,
  OverdueReportView,
  OverdueTaskView,
  OverviewView,
  PlanProgressView,
  PlanSummaryView,
  SubmissionMatrixView,
  TrafficLightsView,
  TrendPointView,
} from './dto/dashboard.view';

/**
 * Every figure is cut to the caller's jurisdiction: the office, supervisors and leaders see their government's
 * subtree, a unit only itself. Naming a plan the caller may not see is refused (403).
 */
@ApiTags('dashboard 工作台')
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly overviewQuery: OverviewQuery,
    private readonly progressQuery: ProgressQuery,
    private readonly lightsQuery: TrafficLightsQuery,
    private readonly overdueQuery: OverdueQuery,
    private readonly matrixQuery: SubmissionMatrixQuery,
    private readonly trendsQuery: TrendsQuery,
    private readonly leagueQuery: LeagueTableQuery,
  ) {}

  @Get('overview')
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '总览：一个报送周期的报送情况、各计划任务办结情况、红黄绿灯单位数、预警和督办' })
  @ApiOkResponse({ type: OverviewView })
  async overview(@CurrentUser() user: AuthUser, @Query() query: OverviewQueryDto): Promise<OverviewView> {
    return OverviewView.of(await this.overviewQuery.overview(user, query));
  }

  @Get('plans')
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '按计划的进度：任务数、办结、逾期、平均进度' })
  @ApiOkResponse({ type: [PlanSummaryView] })
  async plans(@CurrentUser() user: AuthUser): Promise<PlanSummaryView[]> {
    return (await this.progressQuery.plans(user)).map((plan) => PlanSummaryView.of(plan));
  }

  @Get('plans/:id/progress')
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '一个计划按单位、按任务的进度（各单位最新报送的完成百分比）' })
  @ApiOkResponse({ type: PlanProgressView })
  async progress(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<PlanProgressView> {
    return PlanProgressView.ofPlan(await this.progressQuery.plan(user, id));
  }

  @Get('lights')
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '红黄绿灯：按单位、按任务（绿：正常；黄：已预警；红：红色预警或未销号的督办）' })
  @ApiOkResponse({ type: TrafficLightsView })
  async lights(@CurrentUser() user: AuthUser, @Query() query: PlanFilterQuery): Promise<TrafficLightsView> {
    return TrafficLightsView.of(await this.lightsQuery.lights(user, query.planId));
  }

  @Get('overdue/reports')
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '逾期未报清单（最早到期的在前），含已采取的最高一级措施' })
  @ApiOkResponse({ type: OverdueReportPageView })
  async overdueReports(@CurrentUser() user: AuthUser, @Query() query: OverdueQueryDto): Promise<OverdueReportPageView> {
    const page = await this.overdueQuery.reports(user, query);
    return { total: page.total, items: page.items.map((item) => OverdueReportView.of(item)) };
  }

  @Get('overdue/tasks')
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '超过最后期限仍未办结的任务' })
  @ApiOkResponse({ type: [OverdueTaskView] })
  async overdueTasks(@CurrentUser() user: AuthUser, @Query() query: PlanFilterQuery): Promise<OverdueTaskView[]> {
    return (await this.overdueQuery.tasks(user, query.planId)).map((task) => OverdueTaskView.of(task));
  }

  @Get('submission-matrix')
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '报送情况矩阵：单位 × 周期（按时、逾期报送、逾期未报、无此项任务、未到期），按单位分页' })
  @ApiOkResponse({ type: SubmissionMatrixView })
  async matrix(@CurrentUser() user: AuthUser, @Query() query: MatrixQueryDto): Promise<SubmissionMatrixView> {
    return SubmissionMatrixView.of(await this.matrixQuery.matrix(user, query));
  }

  @Get('trends')
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '月度趋势：每月按时报送率' })
  @ApiOkResponse({ type: [TrendPointView] })
  async trends(@CurrentUser() user: AuthUser, @Query() query: PeriodRangeQuery): Promise<TrendPointView[]> {
    return (await this.trendsQuery.monthly(user, query)).map((point) => TrendPointView.of(point));
  }

  @Get('league-table')
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '红黄榜：黄榜按督办、红色预警、约谈、黄色预警排序；红榜为无预警且按时报送率最高的单位' })
  @ApiOkResponse({ type: LeagueTableView })
  async league(@CurrentUser() user: AuthUser, @Query() query: LeagueQueryDto): Promise<LeagueTableView> {
    return LeagueTableView.of(await this.leagueQuery.table(user, query));
  }
}
