import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Clock, DomainError } from '@app/core';
import { InboxMessage } from './inbox-message.entity';

export interface InboxNotice {
  userId: number;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  /** Business key of the notice (e.g. `assignment:12:published:user:7`): delivering it twice is a no-op. */
  dedupKey: string;
}

/** The in-app inbox (站内消息). Notices are written in the caller's transaction, once per dedup key. */
@Injectable()
export class InboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Returns false when a notice with the same dedup key already exists. */
  async deliver(manager: EntityManager, notice: InboxNotice): Promise<boolean> {
    if (await manager.findOneBy(InboxMessage, { dedupKey: notice.dedupKey })) {
      return false;
    }
    await manager.insert(InboxMessage, {
      ...notice,
      link: notice.link ?? null,
      createdAt: this.clock.now(),
      readAt: null,
    });
    return true;
  }

  list(userId: number, options: { unreadOnly?: boolean; limit: number; beforeId?: number }): Promise<InboxMessage[]> {
    const qb = this.dataSource
      .getRepository(InboxMessage)
      .createQueryBuilder('m')
      .where('m.user_id = :userId', { userId })
      .orderBy('m.id', 'DESC')
      .take(options.limit);
    if (options.unreadOnly) {
      qb.andWhere('m.read_at IS NULL');
    }
    if (options.beforeId) {
      qb.andWhere('m.id < :beforeId', { beforeId: options.beforeId });
    }
    return qb.getMany();
  }

  unreadCount(userId: number): Promise<number> {
    return this.dataSource.getRepository(InboxMessage).countBy({ userId, readAt: IsNull() });
  }

  /** Marks one of the user's own messages read; another user's message is "not found". */
  async markRead(userId: number, messageId: number): Promise<InboxMessage> {
    const repository = this.dataSource.getRepository(InboxMessage);
    const message = await repository.findOneBy({ id: messageId, userId });
    if (!message) {
      throw DomainError.notFound('消息', messageId);
    }
    if (!message.readAt) {
      message.readAt = this.clock.now();
      await repository.update({ id: message.id }, { readAt: message.readAt });
    }
    return message;
  }

  async markAllRead(userId: number): Promise<number> {
    const result = await this.dataSource
      .getRepository(InboxMessage)
      .update({ userId, readAt: IsNull() }, { readAt: this.clock.now() });
    return result.affected ?? 0;
  }
}
