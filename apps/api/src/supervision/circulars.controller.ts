import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, READ_ROLES } from '@app/org';
import type { AuthUser } from '@app/org';
import { CircularsService } from '@app/supervision';
import { CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';
import { CircularListQuery } from './dto/supervision.dto';
import { CircularView } from './dto/supervision.view';

/** Circulars are addressed to every member unit: each reads those of the governments above it and in its scope. */
@ApiTags('circulars 通报')
@Controller('circulars')
export class CircularsController {
  constructor(private readonly circulars: CircularsService) {}

  @Get()
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOperation({ summary: '逾期单位通报（每月一期），新的在前' })
  @ApiOkResponse({ type: [CircularView] })
  async list(@CurrentUser() user: AuthUser, @Query() query: CircularListQuery): Promise<CircularView[]> {
    return (await this.circulars.list(user, query)).map((circular) => CircularView.of(circular));
  }

  @Get(':id')
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOkResponse({ type: CircularView })
  async get(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<CircularView> {
    return CircularView.of(await this.circulars.get(user, id));
  }
}
