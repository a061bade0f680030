import request from 'supertest';
import type { Locator, Page } from 'playwright-core';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { describeInBrowser } from './support/chromium';
import { DEMO_CLOCK_ENV, keepSessionCookieOnSimulatedClock, moveDemoClock } from './support/demo-clock';
import { signIn, signOut } from './support/pages';
import { obligationsOf, publishSmallPlan, SMALL_PLAN_PUBLISHED_AT } from './support/pasted-plan';
import { startWebApp } from './support/web-app';
import type { WebApp } from './support/web-app';

jest.setTimeout(240_000);

const AGRI = '阳江市农业农村局';
const ECO = '阳江市生态环境局';
const LAND = '阳江市自然资源局';
/** Evaluated in the page (the test's own types know no DOM). */
const PAGE_WIDTH = 'document.documentElement.scrollWidth';

/**
 * The office's and the leader's dashboard over the small plan's November: 市农业农村局 reports on time,
 * 市生态环境局 reports both its parts late (after its yellow warning), 市自然资源局 never reports and climbs to a
 * supervision case. The office scores the year and publishes the assessment; the leader lands on the dashboard,
 * reads the ranking and cannot open the office's pages.
 */
describeInBrowser('The dashboard of the office and the leader (browser)', () => {
  let web: WebApp;
  let browser: BrowserSession;
  let planId: number;

  beforeAll(async () => {
    web = await startWebApp(DEMO_CLOCK_ENV);
    await moveDemoClock(web, SMALL_PLAN_PUBLISHED_AT);
    planId = await publishSmallPlan(web);

    await moveDemoClock(web, '2026-12-01T09:30:00+08:00');
    await reportAll('liaison');
    // Yellow warnings for the two units that missed their deadlines; 市生态环境局 then reports, late.
    await moveDemoClock(web, '2026-12-04T09:30:00+08:00');
    await reportAll('eco-liaison');
    // 市自然资源局: red warning on 10 December, supervision case on 17 December.
    await moveDemoClock(web, '2026-12-10T09:30:00+08:00');
    await moveDemoClock(web, '2026-12-17T09:30:00+08:00');

    await moveDemoClock(web, '2026-12-21T10:00:00+08:00');
    const office = { Authorization: `Bearer ${await web.login('office')}` };
    const run = await request(web.http)
      .post('/api/assessment/runs')
      .set(office)
      .send({ planId, year: 2026 })
      .expect(201);
    await request(web.http).post(`/api/assessment/runs/${run.body.id}/release`).set(office).expect(200);
    // The appeal window (5 working days) has closed.
    await moveDemoClock(web, '2026-12-29T10:00:00+08:00');
    await request(web.http)
      .post(`/api/assessment/runs/${run.body.id}/publish`)
      .set({ Authorization: `Bearer ${await web.login('office')}` })
      .expect(200);

    browser = await openBrowser('dashboard');
    await keepSessionCookieOnSimulatedClock(browser.context);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  /** Submits every November report `username`'s unit owes, through the API. */
  async function reportAll(username: string): Promise<void> {
    const token = await web.login(username);
    for (const obligation of await obligationsOf(web, username)) {
      await request(web.http)
        .post(`/api/obligations/${obligation.id}/submissions`)
        .set('Authorization', `Bearer ${token}`)
        .send({ kind: 'progress', progressText: '按计划推进。', percentComplete: 50 })
        .expect(201);
    }
  }

  it('should land the office on the dashboard with the period figures and the lights', async () => {
    const { page } = browser;
    await signIn(page, web.baseUrl, 'office');
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole('heading', { name: '工作看板', level: 2 }).waitFor();
    await page.getByRole('heading', { name: '总览：2026年11月' }).waitFor();

    const units = table(page, '按单位');
    await lightOf(units, LAND).getByText('红灯·已升级').waitFor();
    await lightOf(units, AGRI).getByText('绿灯·正常').waitFor();
    // 市生态环境局 was warned, then reported: its warning is no longer in force.
    await lightOf(units, ECO).getByText('绿灯·正常').waitFor();
    await table(page, '按任务').getByText('红灯·已升级').first().waitFor();

    const unitLink = units.getByRole('link', { name: LAND });
    expect(await unitLink.getAttribute('href')).toMatch(/^\/units\/\d+$/);
    await browser.screenshot('01-office-dashboard');
  });

  it('should list the missing report with the step taken, linking to the report', async () => {
    const { page } = browser;
    const overdue = table(page, /逾期未报（\d+ 项/);
    const row = overdue.getByRole('row', { name: new RegExp(LAND) });
    await row.getByText(/挂牌督办|约谈/).waitFor();
    expect(await row.getByRole('link', { name: /建立建设用地土壤环境监管清单/ }).getAttribute('href')).toMatch(
      /^\/obligations\/\d+$/,
    );
  });

  it('should show the submission matrix in words as well as colours', async () => {
    const { page } = browser;
    const matrix = table(page, /各单位各周期报送情况/);
    await matrix.getByRole('columnheader', { name: '2026年11月' }).waitFor();
    await matrix
      .getByRole('row', { name: new RegExp(AGRI) })
      .getByText('按时报送', { exact: true })
      .waitFor();
    await matrix
      .getByRole('row', { name: new RegExp(ECO) })
      .getByText('逾期报送', { exact: true })
      .waitFor();
    await matrix
      .getByRole('row', { name: new RegExp(LAND) })
      .getByText('逾期未报', { exact: true })
      .waitFor();
  });

  it('should draw the monthly trend chart and rank the units on the 红黄榜', async () => {
    const { page } = browser;
    await page.locator('.trend-chart canvas').waitFor();
    await page.getByRole('img', { name: /月度报送趋势图/ }).waitFor();

    const honour = table(page, /^红榜/);
    await honour.getByRole('row', { name: new RegExp(AGRI) }).waitFor();
    const warned = table(page, /^黄榜/);
    const first = warned.getByRole('row').nth(1);
    await first.getByText(LAND).waitFor();
    expect(await first.getByRole('cell').first().textContent()).toBe('1');
    await warned.getByRole('row', { name: new RegExp(ECO) }).waitFor();
    expect(await honour.getByRole('row', { name: new RegExp(LAND) }).count()).toBe(0);
    await browser.screenshot('02-matrix-trend-league');
  });

  it('should narrow every figure to the plan picked with the keyboard, showing progress', async () => {
    const { page } = browser;
    await page.getByLabel('计划', { exact: true }).click();
    await page.keyboard.type('土壤污染防治');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/dashboard\\?planId=${planId}$`));
    const units = table(page, '按单位');
    await units.getByRole('columnheader', { name: '进度' }).waitFor();
    await lightOf(units, AGRI).getByText('50%').waitFor();
    await page.getByRole('heading', { name: '2026年度考核排名' }).waitFor();
  });

  it('should stay usable on a narrow screen, the tables scrolling sideways', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { name: '工作看板', level: 2 }).waitFor();
    // The chart redraws on the next frame after the resize; give the layout time to settle, then measure.
    await page.waitForFunction(`${PAGE_WIDTH} <= 390`, undefined, { timeout: 5_000 }).catch(() => undefined);
    const pageWidth = await page.evaluate<number>(PAGE_WIDTH);
    expect(pageWidth).toBeLessThanOrEqual(390);
    await browser.screenshot('03-narrow');
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it("should land the leader on the dashboard with the published ranking, and keep the office's pages closed", async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, web.baseUrl, 'leader');
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole('heading', { name: '2026年度考核排名' }).waitFor();
    const departments = table(page, /^市直部门/);
    const top = departments.getByRole('row').nth(1);
    await top.getByText(AGRI).waitFor();
    expect(await top.getByRole('cell').first().textContent()).toBe('1');
    await departments.getByRole('row', { name: new RegExp(LAND) }).waitFor();
    await table(page, /^黄榜/)
      .getByRole('row', { name: new RegExp(LAND) })
      .waitFor();
    expect(await page.getByRole('navigation', { name: '主菜单' }).getByText('导入计划').count()).toBe(0);
    await browser.screenshot('04-leader-dashboard');

    await page.goto(`${web.baseUrl}/plans/import`);
    await page.getByText('无权访问').waitFor();
    await browser.screenshot('05-leader-forbidden', { viewport: true });
    expect(browser.pageErrors).toEqual([]);
  });
});

/** The table whose caption reads `caption`. */
function table(page: Page, caption: string | RegExp): Locator {
  return page.locator('table').filter({ has: page.locator('caption', { hasText: caption }) });
}

/** The light cell's row of `unitName` in the lights table. */
function lightOf(units: Locator, unitName: string): Locator {
  return units.getByRole('row', { name: new RegExp(unitName) });
}
