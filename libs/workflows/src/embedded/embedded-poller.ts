import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { EmbeddedEngine } from './embedded-engine';

/**
 * Sweeps due timers every 15 seconds. Safe to run in several API instances at once: claims skip rows another
 * instance holds. Overlapping sweeps in one process are skipped rather than queued.
 */
@Injectable()
export class EmbeddedPoller {
  private readonly logger = new Logger(EmbeddedPoller.name);
  private running = false;

  constructor(private readonly engine: EmbeddedEngine) {}

  @Interval('embedded-engine', 15_000)
  async tick(): Promise<void> {
    if (this.running) {
      return;
    }
    this.running = true;
    try {
      const result = await this.engine.sweep();
      if (result.claimed > 0) {
        this.logger.log({ msg: 'sweep', ...result });
      }
    } catch (error) {
      this.logger.error(error instanceof Error ? error : String(error));
    } finally {
      this.running = false;
    }
  }
}
