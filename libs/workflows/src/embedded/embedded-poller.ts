import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { EmbeddedEngine } from './embedded-engine';

/**
 * Every 15 seconds, runs every timer that is due. Safe to run in several API instances at once: claims skip rows another
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
      // Drain, not one batch: a backlog (10,000 obligations due at 09:00) must not wait 15 s per 200 steps.
      const result = await this.engine.drain();
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
