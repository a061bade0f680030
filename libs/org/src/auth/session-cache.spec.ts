import type { AuthUser } from '../access/access-scope';
import { SESSION_CACHE_TTL_MS, SessionCache } from './session-cache';

const user = (id: number): AuthUser => ({
  id,
  username: `user${id}`,
  displayName: `用户${id}`,
  role: 'unit_liaison',
  unitId: 3,
  scope: { kind: 'unit', unitId: 3 },
});
const NOW = new Date('2026-11-20T02:00:00Z');
const LATER = new Date('2026-11-20T14:00:00Z');

describe(SessionCache.name, () => {
  let cache: SessionCache;
  let clock = 0;

  beforeEach(() => {
    clock = 1_000;
    jest.spyOn(performance, 'now').mockImplementation(() => clock);
    cache = new SessionCache();
  });
  afterEach(() => jest.restoreAllMocks());

  it('should answer a session read a moment ago, and read again once the time-to-live has passed', () => {
    cache.put('a', user(1), LATER, cache.stamp());
    clock += SESSION_CACHE_TTL_MS - 1;
    expect(cache.get('a', NOW)).toEqual(user(1));
    clock += 2;
    expect(cache.get('a', NOW)).toBeNull();
  });

  it('should not answer a session past its expiry, whatever the time-to-live says', () => {
    cache.put('a', user(1), LATER, cache.stamp());
    expect(cache.get('a', LATER)).toBeNull();
  });

  it('should forget a logged-out session and every session of a changed user, and no other', () => {
    cache.put('a', user(1), LATER, cache.stamp());
    cache.put('b', user(1), LATER, cache.stamp());
    cache.put('c', user(2), LATER, cache.stamp());
    cache.forgetSession('c');
    expect(cache.get('c', NOW)).toBeNull();
    expect(cache.get('a', NOW)).not.toBeNull();
    cache.forgetUser(1);
    expect([cache.get('a', NOW), cache.get('b', NOW)]).toEqual([null, null]);
  });

  it('should not keep a read that a logout overtook', () => {
    const stamp = cache.stamp();
    cache.forgetSession('a');
    cache.put('a', user(1), LATER, stamp);
    expect(cache.get('a', NOW)).toBeNull();
  });
});
