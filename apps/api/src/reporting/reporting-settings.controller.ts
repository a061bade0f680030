import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ADMIN_ROLES } from '@app/org';
import type { AuthUser } from '@app/org';
import { ReportingSettingsService } from '@app/reporting';
import { actorOf, CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';
import { ReportingSettingsDto } from './dto/obligation.dto';
import { ReportingSettingsView } from './dto/obligation.view';

const PLAN_READERS = ['system_admin', 'office_admin', 'supervisor', 'leader'] as const;
const PLAN = { resource: 'plan', id: 'param:id' } as const;

@ApiTags('obligations 报送')
@Controller('plans')
export class ReportingSettingsController {
  constructor(private readonly settings: ReportingSettingsService) {}

  @Get(':id/reporting-settings')
  @Access(PLAN_READERS, PLAN)
  @ApiOperation({ summary: '计划的报送规则：报送日、退回后重新报送的工作日数' })
  @ApiOkResponse({ type: ReportingSettingsView })
  async get(@Param('id', IdPipe) id: number): Promise<ReportingSettingsView> {
    return ReportingSettingsView.of(id, await this.settings.get(id));
  }

  @Put(':id/reporting-settings')
  @Access(ADMIN_ROLES, PLAN)
  @ApiOperation({ summary: '修改报送规则（对之后开启的周期生效，已开启的报送义务保持原截止时间）' })
  @ApiOkResponse({ type: ReportingSettingsView })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: ReportingSettingsDto,
  ): Promise<ReportingSettingsView> {
    return ReportingSettingsView.of(id, await this.settings.update(actorOf(user), id, dto));
  }
}
