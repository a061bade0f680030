import { retryDelayMs } from './outbox-dispatcher';

describe('OutboxDispatcher', () => {
  describe(retryDelayMs.name, () => {
    it('should start at one minute and double when attempts fail in a row', () => {
      expect([1, 2, 3, 4, 5, 6].map((attempts) => retryDelayMs(attempts) / 60_000)).toEqual([1, 2, 4, 8, 16, 32]);
    });

    it('should stay at one hour when many attempts failed', () => {
      expect(retryDelayMs(7)).toBe(60 * 60_000);
      expect(retryDelayMs(500)).toBe(60 * 60_000);
    });
  });
});
