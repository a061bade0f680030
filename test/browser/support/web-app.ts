import { startTestApp } from '../../factories/test-app';
import type { TestApp } from '../../factories/test-app';
import { ensureWebBuild } from './web-build';

export interface WebApp extends TestApp {
  /** `http://127.0.0.1:<port>`: the API and the built web app it serves. */
  baseUrl: string;
}

/** The real API on a fresh database, listening on a random port and serving `dist/web`; `env` overrides config. */
export async function startWebApp(env: Record<string, string> = {}): Promise<WebApp> {
  await ensureWebBuild();
  const t = await startTestApp(env);
  await t.app.listen(0, '127.0.0.1');
  const address = t.app.getHttpServer().address() as { port: number };
  return { ...t, baseUrl: `http://127.0.0.1:${address.port}` };
}
