import { Global, Module } from '@nestjs/common';
import { EmailOutbox, Mailer, mailerProvider, OutboxDispatcher } from './email';
import { InboxService } from './inbox.service';

/**
 * In-app inbox and email outbox. `OutboxPoller` is deliberately not provided here: the app that should deliver
 * mail registers it next to `ScheduleModule.forRoot()`.
 */
@Global()
@Module({
  providers: [InboxService, EmailOutbox, OutboxDispatcher, mailerProvider],
  exports: [InboxService, EmailOutbox, OutboxDispatcher, Mailer],
})
export class NotifyModule {}
