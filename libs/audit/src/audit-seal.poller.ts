import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { AuditSealer } from './audit-sealer';

/** How long an audit row waits, at most about, before it is in the hash chain. */
export const AUDIT_SEAL_INTERVAL_MS = 1_000;

/**
 * Seals new audit rows every second. Not provided by AuditModule: the app that runs background jobs registers it
 * (with `ScheduleModule.forRoot()`). Several instances may run it; a tick that finds the chain busy does nothing.
 */
@Injectable()
export class AuditSealPoller {
  private readonly logger = new Logger(AuditSealPoller.name);
  private running = false;

  constructor(private readonly sealer: AuditSealer) {}

  @Interval('audit-sealer', AUDIT_SEAL_INTERVAL_MS)
  async tick(): Promise<void> {
    if (this.running) {
      return;
    }
    this.running = true;
    try {
      await this.sealer.sealPending();
    } catch (error) {
      this.logger.error(`audit sealing failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
  }
}
