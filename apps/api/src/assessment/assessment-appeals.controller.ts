import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssessmentAppeals } from '@app/assessment';
import { Access } from '@app/org';
import type { AuthUser } from '@app/org';
import { CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';
import { OFFICE_ROLES } from './access';
import { AppealDecisionDto } from './dto/assessment.dto';
import { AppealView } from './dto/assessment.view';

@ApiTags('assessment 年度考核')
@Controller('assessment/appeals')
export class AssessmentAppealsController {
  constructor(private readonly appeals: AssessmentAppeals) {}

  @Post(':id/decision')
  @HttpCode(200)
  @Access(OFFICE_ROLES, { resource: 'assessment_appeal', id: 'param:id' })
  @ApiOperation({ summary: '处理申诉：采纳（调整分数，须说明理由）或不予采纳（须说明理由）' })
  @ApiOkResponse({ type: AppealView })
  async decide(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: AppealDecisionDto,
  ): Promise<AppealView> {
    const input =
      dto.decision === 'accept'
        ? { decision: 'accept' as const, points: dto.points as number, reason: dto.reason }
        : { decision: 'reject' as const, reason: dto.reason };
    return AppealView.ofRow(await this.appeals.decide(user, id, input));
  }
}
