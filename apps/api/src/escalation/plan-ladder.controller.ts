import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlanLadders } from '@app/escalation';
import { Access, ADMIN_ROLES } from '@app/org';
import type { AuthUser } from '@app/org';
import { actorOf, CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';
import { PlanLadderDto, PlanLadderUpdateView, PlanLadderView } from './dto/plan-ladder.dto';

const PLAN_READERS = ['system_admin', 'office_admin', 'supervisor', 'leader'] as const;
const PLAN = { resource: 'plan', id: 'param:id' } as const;

@ApiTags('escalation 督办规则')
@Controller('plans')
export class PlanLadderController {
  constructor(private readonly ladders: PlanLadders) {}

  @Get(':id/ladder')
  @Access(PLAN_READERS, PLAN)
  @ApiOperation({
    summary: '计划的督办规则（预警规则）：提醒、黄色/红色预警、挂牌督办的工作日数、办公时间与进度滞后容差',
  })
  @ApiOkResponse({ type: PlanLadderView })
  async get(@Param('id', IdPipe) id: number): Promise<PlanLadderView> {
    return PlanLadderView.ofState(await this.ladders.get(id));
  }

  @Put(':id/ladder')
  @Access(ADMIN_ROLES, PLAN)
  @ApiOperation({
    summary: '修改督办规则：对尚未发出的提醒、预警和督办生效（含已开启的报送义务）；已发出的不撤回',
  })
  @ApiOkResponse({ type: PlanLadderUpdateView })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: PlanLadderDto,
  ): Promise<PlanLadderUpdateView> {
    return PlanLadderUpdateView.ofUpdate(await this.ladders.update(actorOf(user), id, dto));
  }
}
