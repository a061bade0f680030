export { InboxMessage } from './inbox-message.entity';
export { InboxService } from './inbox.service';
export type { InboxNotice } from './inbox.service';
export { NotifyModule } from './notify.module';
export * from './email';
export * from './templates';
export * from './calendar-invite';

import { InboxMessage } from './inbox-message.entity';
import { OutboxEmail } from './email/outbox-email.entity';
export const NOTIFY_ENTITIES = [InboxMessage, OutboxEmail];
