import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { describeInBrowser } from './support/chromium';
import { signIn, signOut } from './support/pages';
import { publishSeed002 } from './support/published-plan';
import { startWebApp } from './support/web-app';
import type { WebApp } from './support/web-app';

jest.setTimeout(180_000);

const PHONE = { width: 390, height: 844 };

describeInBrowser('Liaison acknowledges a task on a phone (browser)', () => {
  let web: WebApp;
  let browser: BrowserSession;
  let planId: number;

  beforeAll(async () => {
    web = await startWebApp();
    planId = await publishSeed002(web);
    browser = await openBrowser('liaison-acknowledge', PHONE);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('should show the unread count on the bell and the notice in the inbox', async () => {
    const { page } = browser;
    await signIn(page, web.baseUrl, 'liaison');
    await page.waitForURL(/\/assignments$/);
    await page.getByRole('link', { name: /消息，[1-9]\d* 条未读/ }).click();
    await page.waitForURL(/\/inbox$/);
    const notice = page.locator('.inbox-item').filter({ hasText: '请签收' }).first();
    await notice.waitFor();
    await browser.screenshot('01-inbox', { viewport: true });
    await notice.getByRole('button', { name: '查看' }).click();
    await page.waitForURL(new RegExp(`/assignments\\?planId=${planId}$`));
  });

  it('should acknowledge a task with the 签收 button', async () => {
    const { page } = browser;
    const cards = page.locator('.assignment-card');
    await cards.first().waitFor();
    const before = await cards.count();
    await browser.screenshot('02-my-tasks', { viewport: true });
    const title = (await cards.first().locator('h3').textContent()) ?? '';
    await cards
      .first()
      .getByRole('button', { name: /^签收任务/ })
      .click();
    await page.getByText(/已签收任务/).waitFor();
    // A string, evaluated in the page: the test compiles without the DOM library.
    await page.waitForFunction(`document.querySelectorAll('.assignment-card').length === ${before - 1}`);
    await page.locator('.ant-segmented-item', { hasText: '全部' }).click();
    const done = page.locator('.assignment-card', { hasText: title }).filter({ hasText: '已签收' });
    await done.waitFor();
    await browser.screenshot('03-acknowledged', { viewport: true });
  });

  it('should show the office that the unit has acknowledged one task and not the others', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1366, height: 900 });
    await signOut(page);
    await signIn(page, web.baseUrl, 'office');
    await page.goto(`${web.baseUrl}/plans/${planId}`);
    await page.getByRole('tab', { name: '签收情况' }).click();
    const agri = page.getByRole('row', { name: /阳江市农业农村局/ });
    await agri.getByText(/项未签收/).waitFor();
    expect(await agri.getByRole('cell').nth(2).textContent()).toBe('1');
    await browser.screenshot('04-office-sees-status', { viewport: true });
    expect(browser.pageErrors).toEqual([]);
  });
});
