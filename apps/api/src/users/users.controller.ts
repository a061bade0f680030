import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, ADMIN_ROLES, UsersService } from '@app/org';
import type { AuthUser } from '@app/org';
import { actorOf, CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { UserView } from './dto/user.view';

@ApiTags('users 用户')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Access(ADMIN_ROLES, 'scope-filtered')
  @ApiOkResponse({ type: [UserView] })
  async list(@CurrentUser() user: AuthUser): Promise<UserView[]> {
    return (await this.users.list(user.scope)).map((u) => UserView.of(u));
  }

  @Get(':id')
  @Access(ADMIN_ROLES, { resource: 'user', id: 'param:id' })
  @ApiOkResponse({ type: UserView })
  async get(@Param('id', IdPipe) id: number): Promise<UserView> {
    return UserView.of(await this.users.get(id));
  }

  @Post()
  @Access(ADMIN_ROLES, 'scope-filtered')
  @ApiOkResponse({ type: UserView })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateUserDto): Promise<UserView> {
    return UserView.of(await this.users.create(actorOf(user), user.role, user.scope, dto));
  }

  @Patch(':id')
  @Access(ADMIN_ROLES, { resource: 'user', id: 'param:id' })
  @ApiOkResponse({ type: UserView })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: UpdateUserDto,
  ): Promise<UserView> {
    return UserView.of(await this.users.update(actorOf(user), user.role, id, dto));
  }
}
