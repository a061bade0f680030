import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

const ARTIFACTS = path.resolve(__dirname, '../../../artifacts/browser');

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page; a journey ends by expecting none. */
  pageErrors: string[];
  /** Saves `<journey>-<name>.png`: the whole page, or with `viewport` only what is on screen. */
  screenshot(name: string, options?: { viewport?: boolean }): Promise<string>;
  close(): Promise<void>;
}

/** Chromium with a fresh profile (its own `--user-data-dir`), one tab, screenshots under artifacts/browser/. */
export async function openBrowser(
  journey: string,
  viewport: { width: number; height: number } = { width: 1366, height: 900 },
): Promise<BrowserSession> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return {
    context,
    page,
    pageErrors,
    screenshot: async (name, options = {}) => {
      const file = path.join(ARTIFACTS, `${journey}-${name}.png`);
      await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
      await page.screenshot({ path: file, fullPage: !options.viewport, animations: 'disabled' });
      return file;
    },
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
