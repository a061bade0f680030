import request from 'supertest';
import type { Response } from 'supertest';
import type { TestApp } from './test-app';

export interface ClockRun {
  stepsRun: number;
  stepsFailed: number;
  emailsSent: number;
}

/**
 * The API as the scenario's people use it: each call is made as a named user, signing in again when the session
 * lapsed (the dev clock jumps weeks ahead).
 */
export class ScenarioApi {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly t: TestApp) {}

  async call(
    as: string,
    method: 'get' | 'post' | 'put',
    path: string,
    body?: object,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const send = async () => {
      const agent = request(this.t.http);
      let req = agent[method](`/api${path}`).set('Authorization', `Bearer ${await this.token(as)}`);
      for (const [name, value] of Object.entries(headers)) {
        req = req.set(name, value);
      }
      return body === undefined ? req : req.send(body);
    };
    const first = await send();
    if (first.status !== 401) {
      return first;
    }
    this.tokens.delete(as);
    return send();
  }

  /** A call that must succeed with `status`; the error names the call and the answer. */
  async ok<T>(as: string, method: 'get' | 'post' | 'put', path: string, body?: object, status = 200): Promise<T> {
    const response = await this.call(as, method, path, body);
    if (response.status !== status) {
      throw new Error(
        `${method.toUpperCase()} ${path} as ${as}: ${response.status} ${JSON.stringify(response.body)} (expected ${status})`,
      );
    }
    return response.body as T;
  }

  /** Moves the app's clock without running anything: what people do next happens at this instant. */
  setClock(instant: number): void {
    this.t.clock.set(new Date(instant));
  }

  /** Sets the dev clock, which opens due periods, runs every due timer and sends the mail. */
  async moveClock(instant: number): Promise<ClockRun> {
    this.setClock(instant);
    return this.ok<ClockRun>('office', 'post', '/dev/clock', { now: new Date(instant).toISOString() });
  }

  private async token(username: string): Promise<string> {
    const known = this.tokens.get(username);
    if (known) {
      return known;
    }
    const token = await this.t.login(username);
    this.tokens.set(username, token);
    return token;
  }
}
