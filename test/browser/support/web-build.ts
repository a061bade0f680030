import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const INDEX = path.join(ROOT, 'dist/web/index.html');
const LOCK = path.join(ROOT, 'dist/.web-build.lock');
const WAIT_MS = 180_000;

/**
 * Builds the web app once when `dist/web` is missing. Test files run in parallel workers, so one builds under a
 * lock directory and the others wait for it. Run `npm run build:web` first to test fresh changes to apps/web.
 */
export async function ensureWebBuild(): Promise<void> {
  if (fs.existsSync(INDEX)) {
    return;
  }
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  try {
    fs.mkdirSync(LOCK);
  } catch {
    await waitForBuild();
    return;
  }
  try {
    process.stderr.write('  dist/web is missing: building the web app (vite build)…\n');
    execFileSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'apps/web/vite.config.mts'], {
      cwd: ROOT,
      // The bundle users get: jest sets NODE_ENV=test, with which vite would build React's development bundle.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

async function waitForBuild(): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    if (fs.existsSync(INDEX) && !fs.existsSync(LOCK)) {
      return;
    }
    if (!fs.existsSync(LOCK)) {
      throw new Error('the web build of another test worker failed; run npm run build:web to see why');
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`dist/web was not built within ${WAIT_MS / 1000}s`);
}
