import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Access, AuthService, Public, SESSION_COOKIE } from '@app/org';
import type { AuthenticatedRequest, AuthUser } from '@app/org';
import { CurrentUser } from '../common/current-user.decorator';
import { UserView } from '../users/dto/user.view';
import { ChangePasswordDto, LoginDto, SessionView } from './dto/login.dto';

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: '用户名密码登录：浏览器得到 httpOnly 会话 Cookie，API 客户端使用返回的 Bearer token' })
  @ApiOkResponse({ type: SessionView })
  async login(@Body() dto: LoginDto, @Res({ passthrough: true }) response: Response): Promise<SessionView> {
    const session = await this.auth.login(dto.username, dto.password);
    response.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.env === 'production',
      // A relative lifetime: an absolute date from the (possibly simulated) server clock could already be past.
      maxAge: this.config.sessionTtlHours * 3600_000,
      path: '/',
    });
    return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: UserView.of(session.user) };
  }

  @Post('logout')
  @HttpCode(204)
  @Access('any', 'self')
  @ApiOperation({ summary: '退出登录（使当前会话失效）' })
  async logout(
    @CurrentUser() user: AuthUser,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logout(user, (request as AuthenticatedRequest).sessionToken ?? '');
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @Access('any', 'self')
  @ApiOkResponse({ type: UserView })
  me(@CurrentUser() user: AuthUser): UserView {
    return UserView.of(user);
  }

  @Post('password')
  @HttpCode(204)
  @Access('any', 'self')
  @ApiOperation({ summary: '修改密码（其他会话随之失效）' })
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Req() request: Request,
    @Body() dto: ChangePasswordDto,
  ): Promise<void> {
    await this.auth.changePassword(
      user,
      (request as AuthenticatedRequest).sessionToken ?? '',
      dto.oldPassword,
      dto.newPassword,
    );
  }
}
