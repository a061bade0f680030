import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssessmentBonuses } from '@app/assessment';
import { Access } from '@app/org';
import type { AuthUser } from '@app/org';
import { CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';
import { OFFICE_ROLES, OVERSIGHT_ROLES } from './access';
import { BonusDto, PlanYearQuery } from './dto/assessment.dto';
import { BonusView } from './dto/assessment.view';

@ApiTags('assessment 年度考核')
@Controller('assessment/bonuses')
export class AssessmentBonusesController {
  constructor(private readonly bonuses: AssessmentBonuses) {}

  @Get()
  @Access(OVERSIGHT_ROLES, { resource: 'plan', id: 'query:planId' })
  @ApiOperation({ summary: '计划某年度的先行先试加分（含已撤销的）' })
  @ApiOkResponse({ type: [BonusView] })
  async list(@Query() query: PlanYearQuery): Promise<BonusView[]> {
    return (await this.bonuses.list(query.planId, query.year)).map((row) => BonusView.of(row.bonus, row.unitName));
  }

  @Post()
  @Access(OFFICE_ROLES, { resource: 'plan', id: 'body:planId' })
  @ApiOperation({ summary: '登记先行先试加分（须说明事项；下次计算时计入，每单位合计不超过方案的加分上限）' })
  @ApiCreatedResponse({ type: BonusView })
  async add(@CurrentUser() user: AuthUser, @Body() dto: BonusDto): Promise<BonusView> {
    return BonusView.of(await this.bonuses.add(user, dto));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Access(OFFICE_ROLES, { resource: 'assessment_bonus', id: 'param:id' })
  @ApiOperation({ summary: '撤销加分（仅初评阶段；记录保留）' })
  @ApiOkResponse({ type: BonusView })
  async withdraw(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<BonusView> {
    return BonusView.of(await this.bonuses.withdraw(user, id));
  }
}
