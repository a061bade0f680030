import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { Mailer } from './mailer';
import { OutboxDispatcher } from './outbox-dispatcher';

export const OUTBOX_POLL_INTERVAL_MS = 10_000;

/**
 * Delivers the outbox every 10 s. Not provided by NotifyModule: the app that should send mail registers it (with
 * `ScheduleModule.forRoot()`). Safe to run in several instances: claims use SKIP LOCKED on MySQL.
 */
@Injectable()
export class OutboxPoller {
  private readonly logger = new Logger(OutboxPoller.name);
  private running = false;

  constructor(
    private readonly dispatcher: OutboxDispatcher,
    mailer: Mailer,
  ) {
    this.logger.log(`email outbox delivers through ${mailer.describe()}`);
  }

  @Interval('email-outbox', OUTBOX_POLL_INTERVAL_MS)
  async poll(): Promise<void> {
    // A slow SMTP server can make a batch outlast the interval; never run two batches of this instance at once.
    if (this.running) {
      return;
    }
    this.running = true;
    try {
      const { sent, failed, retried } = await this.dispatcher.dispatchDue();
      if (failed > 0 || retried > 0) {
        this.logger.warn(`email outbox: ${sent} sent, ${retried} to retry (server unavailable?), ${failed} refused`);
      }
    } catch (error) {
      this.logger.error(`email outbox batch failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
  }
}
