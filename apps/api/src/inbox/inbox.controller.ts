import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { InboxService } from '@app/notify';
import type { InboxMessage } from '@app/notify';
import { Access } from '@app/org';
import type { AuthUser } from '@app/org';
import { CurrentUser } from '../common/current-user.decorator';
import { IdPipe } from '../common/id.pipe';

export class InboxQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : (value as unknown)))
  @IsBoolean()
  unreadOnly?: boolean;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  beforeId?: number;
}

export class InboxMessageView {
  @ApiProperty() id!: number;
  @ApiProperty() kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ nullable: true, type: String }) link!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) readAt!: string | null;

  static of(message: InboxMessage): InboxMessageView {
    return {
      id: message.id,
      kind: message.kind,
      title: message.title,
      body: message.body,
      link: message.link,
      createdAt: message.createdAt.toISOString(),
      readAt: message.readAt?.toISOString() ?? null,
    };
  }
}

export class UnreadCountView {
  @ApiProperty() unread!: number;
}

@ApiTags('inbox 站内消息')
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @Access('any', 'self')
  @ApiOkResponse({ type: [InboxMessageView] })
  async list(@CurrentUser() user: AuthUser, @Query() query: InboxQuery): Promise<InboxMessageView[]> {
    const messages = await this.inbox.list(user.id, {
      unreadOnly: query.unreadOnly,
      limit: query.limit ?? 50,
      beforeId: query.beforeId,
    });
    return messages.map((m) => InboxMessageView.of(m));
  }

  @Get('unread-count')
  @Access('any', 'self')
  @ApiOkResponse({ type: UnreadCountView })
  async unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCountView> {
    return { unread: await this.inbox.unreadCount(user.id) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @Access('any', 'self')
  @ApiOkResponse({ type: InboxMessageView })
  async markRead(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: number): Promise<InboxMessageView> {
    return InboxMessageView.of(await this.inbox.markRead(user.id, id));
  }

  @Post('read-all')
  @HttpCode(200)
  @Access('any', 'self')
  @ApiOkResponse({ type: UnreadCountView, description: '标记为已读的条数' })
  async markAllRead(@CurrentUser() user: AuthUser): Promise<UnreadCountView> {
    return { unread: await this.inbox.markAllRead(user.id) };
  }
}
