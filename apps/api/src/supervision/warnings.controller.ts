import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, READ_ROLES } from '@app/org';
import type { AuthUser } from '@app/org';
import { WarningsService } from '@app/supervision';
import { CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';
import { WarningListQuery } from './dto/supervision.dto';
import { WarningView } from './dto/supervision.view';

@ApiTags('warnings 预警')
@Controller('warnings')
export class WarningsController {
  constructor(private readonly warnings: WarningsService) {}

  @Get()
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '本单位（或本辖区）的预警，新的在前' })
  @ApiOkResponse({ type: [WarningView] })
  async list(@CurrentUser() user: AuthUser, @Query() query: WarningListQuery): Promise<WarningView[]> {
    return (await this.warnings.list(user.scope, query)).map((warning) => WarningView.of(warning));
  }

  @Get(':id')
  @Access(READ_ROLES, { resource: 'warning', id: 'param:id' })
  @ApiOkResponse({ type: WarningView })
  async get(@Param('id', IdPipe) id: number): Promise<WarningView> {
    return WarningView.of(await this.warnings.get(id));
  }
}
