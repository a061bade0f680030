import type { BrowserContext } from 'playwright-core';
import request from 'supertest';
import type { TestApp } from '../../factories/test-app';

/**
 * For journeys on the demo clock: sessions last 30 days of simulated time (the longest allowed), so moving the
 * clock a few weeks does not sign everyone out mid-journey.
 */
export const DEMO_CLOCK_ENV = { SESSION_TTL_HOURS: '720' };

/** Moves the server's clock as the office would (running every step that fell due), without the browser. */
export async function moveDemoClock(t: TestApp, iso: string): Promise<void> {
  t.clock.set(new Date(iso));
  const office = await t.login('office');
  await request(t.http).post('/api/dev/clock').set('Authorization', `Bearer ${office}`).send({ now: iso }).expect(200);
}

/**
 * The session cookie's Expires is computed from the server's (simulated) clock, while Chromium judges it by the
 * real one: once the simulated date lies far enough behind the real date, the browser would drop the cookie on
 * arrival and nobody could sign in. The server still enforces its own expiry; the browser here keeps the cookie
 * for the browsing session instead.
 */
export async function keepSessionCookieOnSimulatedClock(context: BrowserContext): Promise<void> {
  await context.route('**/api/auth/login', async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    if (headers['set-cookie']) {
      headers['set-cookie'] = headers['set-cookie']
        .split('\n')
        .map((cookie) => cookie.replace(/;\s*Expires=[^;]*/i, '').replace(/;\s*Max-Age=[^;]*/i, ''))
        .join('\n');
    }
    await route.fulfill({ response, headers });
  });
}
