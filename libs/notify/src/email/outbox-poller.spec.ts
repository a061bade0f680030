import { Logger } from '@nestjs/common';
import { ScheduleModule, SchedulerRegistry } from '@nestjs/schedule';
import { Test } from '@nestjs/testing';
import { Mailer, SentEmail } from './mailer';
import { DispatchResult, OutboxDispatcher } from './outbox-dispatcher';
import { OutboxPoller } from './outbox-poller';

class FakeMailer extends Mailer {
  send(): Promise<SentEmail> {
    return Promise.resolve({ messageId: '<x@localhost>' });
  }
  describe(): string {
    return 'fake';
  }
}

/** A dispatcher whose batches finish only when the test says so. */
class ControlledDispatcher {
  calls = 0;
  private finish: Array<(result: DispatchResult) => void> = [];
  failNext: Error | null = null;

  dispatchDue(): Promise<DispatchResult> {
    this.calls++;
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      return Promise.reject(error);
    }
    return new Promise((resolve) => this.finish.push(resolve));
  }

  complete(result: DispatchResult = { sent: 0, failed: 0, retried: 0 }): void {
    this.finish.shift()?.(result);
  }
}

function poller(dispatcher: ControlledDispatcher): OutboxPoller {
  return new OutboxPoller(dispatcher as unknown as OutboxDispatcher, new FakeMailer());
}

describe(OutboxPoller.name, () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => {
    Logger.overrideLogger(['log', 'error', 'warn']);
  });

  describe('poll', () => {
    it('should not start a second batch when the previous one is still running', async () => {
      const dispatcher = new ControlledDispatcher();
      const subject = poller(dispatcher);

      const first = subject.poll();
      await subject.poll();
      expect(dispatcher.calls).toBe(1);

      dispatcher.complete();
      await first;
      const next = subject.poll();
      expect(dispatcher.calls).toBe(2);
      dispatcher.complete({ sent: 1, failed: 0, retried: 2 });
      await next;
    });

    it('should keep polling after a batch fails when the database is unavailable', async () => {
      const dispatcher = new ControlledDispatcher();
      const subject = poller(dispatcher);
      dispatcher.failNext = new Error('connection lost');

      await expect(subject.poll()).resolves.toBeUndefined();
      const next = subject.poll();
      expect(dispatcher.calls).toBe(2);
      dispatcher.complete();
      await next;
    });
  });

  it('should register a 10 s interval when the app provides it with ScheduleModule', async () => {
    const dispatcher = new ControlledDispatcher();
    const moduleRef = await Test.createTestingModule({
      imports: [ScheduleModule.forRoot()],
      providers: [
        OutboxPoller,
        { provide: OutboxDispatcher, useValue: dispatcher },
        { provide: Mailer, useClass: FakeMailer },
      ],
    }).compile();
    await moduleRef.init();
    try {
      expect(moduleRef.get(SchedulerRegistry).getInterval('email-outbox')).toBeDefined();
    } finally {
      await moduleRef.close();
    }
  });
});
