import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, ADMIN_ROLES, READ_ROLES, UnitsService } from '@app/org';
import type { AuthUser } from '@app/org';
import { actorOf, CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';
import { AddAliasDto, CreateUnitDto, ListUnitsQuery, ResolveUnitQuery, UpdateUnitDto } from './dto/unit.dto';
import { AliasView, ResolutionView, UnitView } from './dto/unit.view';

@ApiTags('units 单位')
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @Access(READ_ROLES, 'scope-filtered')
  @ApiOkResponse({ type: [UnitView] })
  async list(@CurrentUser() user: AuthUser, @Query() query: ListUnitsQuery): Promise<UnitView[]> {
    return (await this.units.list(user.scope, query)).map((unit) => UnitView.of(unit));
  }

  @Get('resolve')
  @Access(['system_admin', 'office_admin', 'supervisor'], 'scope-filtered')
  @ApiOkResponse({ type: ResolutionView, description: '按名称、别名和机构改革更名解析单位；不确定时列出候选而不猜测' })
  async resolve(@CurrentUser() user: AuthUser, @Query() query: ResolveUnitQuery): Promise<ResolutionView> {
    const scopeGovernmentId = user.scope.kind === 'subtree' ? user.scope.rootId : null;
    const resolution = await this.units.resolve(query.name, { scopeGovernmentId });
    const visible = new Set((await this.units.list(user.scope)).map((unit) => unit.id));
    if (resolution.status === 'resolved') {
      return visible.has(resolution.unitId)
        ? { ...resolution, candidates: [] }
        : { status: 'unresolved', name: resolution.name, candidates: [] };
    }
    return { ...resolution, candidates: resolution.candidates.filter((candidate) => visible.has(candidate.id)) };
  }

  @Get(':id')
  @Access(READ_ROLES, { resource: 'unit', id: 'param:id' })
  @ApiOkResponse({ type: UnitView })
  async get(@Param('id', IdPipe) id: number): Promise<UnitView> {
    const { unit, aliases } = await this.units.getWithAliases(id);
    return UnitView.of(unit, aliases);
  }

  @Post()
  @Access(ADMIN_ROLES, 'scope-filtered')
  @ApiOkResponse({ type: UnitView })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateUnitDto): Promise<UnitView> {
    return UnitView.of(await this.units.create(actorOf(user), user.scope, dto));
  }

  @Patch(':id')
  @Access(ADMIN_ROLES, { resource: 'unit', id: 'param:id' })
  @ApiOkResponse({ type: UnitView })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: UpdateUnitDto,
  ): Promise<UnitView> {
    return UnitView.of(await this.units.update(actorOf(user), id, dto));
  }

  @Post(':id/aliases')
  @Access(ADMIN_ROLES, { resource: 'unit', id: 'param:id' })
  @ApiOkResponse({ type: AliasView })
  async addAlias(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: AddAliasDto,
  ): Promise<AliasView> {
    const alias = await this.units.addAlias(actorOf(user), id, dto.alias);
    return { id: alias.id, alias: alias.alias, source: alias.source };
  }

  @Delete(':id/aliases/:aliasId')
  @HttpCode(204)
  @Access(ADMIN_ROLES, { resource: 'unit', id: 'param:id' })
  async removeAlias(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Param('aliasId', new IdPipe('aliasId')) aliasId: number,
  ): Promise<void> {
    await this.units.removeAlias(actorOf(user), id, aliasId);
  }
}
