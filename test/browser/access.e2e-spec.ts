import request from 'supertest';
import { unitIdByName } from '../factories/org-lookup';
import { DEMO_PASSWORD } from '../factories/test-app';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { describeInBrowser } from './support/chromium';
import { signIn, signOut } from './support/pages';
import { publishSeed002 } from './support/published-plan';
import { startWebApp } from './support/web-app';
import type { WebApp } from './support/web-app';

jest.setTimeout(180_000);

// Evaluated in the page; strings, because the test compiles without the DOM library.
const ACTIVE_ID = 'document.activeElement && document.activeElement.id';
const ACTIVE_TEXT = 'document.activeElement && document.activeElement.textContent';
const ACTIVE_OUTLINE = 'getComputedStyle(document.activeElement).outlineStyle';
const PAGE_LANGUAGE = 'document.documentElement.lang';

describeInBrowser('Pages refuse what the role or unit may not see (browser)', () => {
  let web: WebApp;
  let browser: BrowserSession;
  let planId: number;
  let ecoId: number;
  let agriId: number;

  beforeAll(async () => {
    web = await startWebApp();
    planId = await publishSeed002(web);
    const office = await web.login('office');
    ecoId = await unitIdByName(web, office, '阳江市生态环境局');
    agriId = await unitIdByName(web, office, '阳江市农业农村局');
    browser = await openBrowser('access');
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('should sign in with the keyboard alone, focus always visible', async () => {
    const { page } = browser;
    await page.goto(`${web.baseUrl}/login`);
    await page.getByLabel('用户名').waitFor();
    expect(await page.evaluate(ACTIVE_ID)).toBe('login_username');
    await page.keyboard.type('liaison');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/assignments$/);
    // The signed-in frame renders after the session is read; a Tab pressed before it lands on nothing.
    await page.getByRole('navigation', { name: '主菜单' }).waitFor();
    await page.keyboard.press('Tab');
    const skipLink = await page.evaluate(ACTIVE_TEXT);
    expect(skipLink).toBe('跳到主要内容');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(ACTIVE_OUTLINE);
    expect(outline).toBe('solid');
    await browser.screenshot('00-keyboard-focus', { viewport: true });
  });

  it('should show a liaison their own unit', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: '主菜单' }).getByText('本单位').click();
    await page.waitForURL(new RegExp(`/units/${agriId}$`));
    await page.getByRole('heading', { name: '阳江市农业农村局' }).waitFor();
  });

  it('should show 无权访问 when a liaison opens another unit by URL', async () => {
    const { page } = browser;
    await page.goto(`${web.baseUrl}/units/${ecoId}`);
    await page.getByText('无权访问').waitFor();
    expect(await page.getByText('阳江市生态环境局').count()).toBe(0);
    await browser.screenshot('01-liaison-foreign-unit');
  });

  it("should show 无权访问 when a liaison opens another unit's report by URL", async () => {
    const { page } = browser;
    // A report 市生态环境局 leads: not its own, nor a participant's part the liaison's unit would consolidate.
    const response = await request(web.http)
      .get('/api/obligations')
      .query({ unitId: ecoId, limit: 500 })
      .set('Authorization', `Bearer ${await web.login('office')}`)
      .expect(200);
    const foreign = (response.body as { items: Array<{ id: number; role: string }> }).items.find(
      (o) => o.role === 'lead',
    );
    expect(foreign).toBeDefined();
    await page.goto(`${web.baseUrl}/obligations/${foreign?.id}`);
    await page.getByText('无权访问').waitFor();
    await page.getByText('该报送不在您的管辖范围内').waitFor();
    expect(await page.locator('form#report').count()).toBe(0);
    await browser.screenshot('02-liaison-foreign-report');
  });

  it('should show 无权访问 when a liaison opens a plan or the import wizard by URL', async () => {
    const { page } = browser;
    await page.goto(`${web.baseUrl}/plans/${planId}`);
    await page.getByText('无权访问').waitFor();
    await page.goto(`${web.baseUrl}/plans/import`);
    await page.getByText('无权访问').waitFor();
  });

  it('should give the leader a read-only plan list without the import wizard', async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, web.baseUrl, 'leader');
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole('navigation', { name: '主菜单' }).getByText('行动计划').click();
    await page.waitForURL(/\/plans$/);
    await page.getByRole('link', { name: '阳江市土壤污染防治行动计划' }).waitFor();
    expect(await page.getByRole('button', { name: '导入计划' }).count()).toBe(0);
    await browser.screenshot('03-leader-plans');
    await page.goto(`${web.baseUrl}/plans/import`);
    await page.getByText('无权访问').waitFor();
  });

  it('should switch the interface to English and back', async () => {
    const { page } = browser;
    await page.goto(`${web.baseUrl}/plans`);
    await page.locator('.ant-segmented-item', { hasText: 'EN' }).click();
    await page.getByRole('heading', { name: 'Action plans' }).waitFor();
    expect(await page.evaluate(PAGE_LANGUAGE)).toBe('en');
    await page.locator('.ant-segmented-item', { hasText: '中文' }).click();
    await page.getByRole('heading', { name: '行动计划' }).waitFor();
    expect(browser.pageErrors).toEqual([]);
  });
});
