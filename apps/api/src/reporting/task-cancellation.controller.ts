import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ADMIN_ROLES } from '@app/org';
import type { AuthUser } from '@app/org';
import { TaskCancellationService } from '@app/reporting';
import { CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';
import { CancelTaskDto } from './dto/obligation.dto';
import { TaskCancellationView } from './dto/obligation.view';

const PLAN = { resource: 'plan', id: 'param:id' } as const;

@ApiTags('obligations 报送')
@Controller('plans')
export class TaskCancellationController {
  constructor(private readonly cancellations: TaskCancellationService) {}

  @Post(':id/tasks/:taskId/cancel')
  @HttpCode(200)
  @Access(ADMIN_ROLES, PLAN)
  @ApiOperation({
    summary: '撤销已发布计划的任务（必须说明理由）：尚未办结的报送义务随之撤销，催报和预警停止，以后的周期不再开启',
  })
  @ApiOkResponse({ type: TaskCancellationView })
  async cancel(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Param('taskId', new IdPipe('taskId')) taskId: number,
    @Body() dto: CancelTaskDto,
  ): Promise<TaskCancellationView> {
    return TaskCancellationView.of(await this.cancellations.cancel(user, id, taskId, dto.reason));
  }
}
