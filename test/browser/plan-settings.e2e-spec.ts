import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { describeInBrowser } from './support/chromium';
import { DEMO_CLOCK_ENV, keepSessionCookieOnSimulatedClock, moveDemoClock } from './support/demo-clock';
import { signIn } from './support/pages';
import { obligationsOf } from './support/pasted-plan';
import { publishSeed002 } from './support/published-plan';
import { startWebApp } from './support/web-app';
import type { WebApp } from './support/web-app';

jest.setTimeout(240_000);

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

/**
 * The plan page for the office and the report form for a unit: the office edits the plan's escalation ladder (and
 * sees the API's reason at the field it names), downloads the task table and a month's progress table; a liaison
 * on a phone reports seed 002's indicators (受污染耕地安全利用率 …), and the values show in the report history and
 * to the office reviewing it.
 */
describeInBrowser('Plan settings, downloads and indicator values (browser)', () => {
  let web: WebApp;
  let office: BrowserSession;
  let phone: BrowserSession;
  let planId: number;
  let leadId: number;
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-downloads-'));

  beforeAll(async () => {
    web = await startWebApp(DEMO_CLOCK_ENV);
    await moveDemoClock(web, '2026-11-05T10:00:00+08:00');
    planId = await publishSeed002(web);
    await moveDemoClock(web, '2026-12-01T09:30:00+08:00');
    leadId = (await obligationsOf(web, 'liaison')).find((o) => o.role === 'lead')?.id ?? 0;
    office = await openBrowser('plan-settings', DESKTOP);
    await keepSessionCookieOnSimulatedClock(office.context);
    phone = await openBrowser('plan-settings-phone', PHONE);
    await keepSessionCookieOnSimulatedClock(phone.context);
  });
  afterAll(async () => {
    await office?.close();
    await phone?.close();
    await web?.close();
    fs.rmSync(downloads, { recursive: true, force: true });
  });

  it('should show the default ladder and refuse a red warning that does not come after the yellow one', async () => {
    const { page } = office;
    await signIn(page, web.baseUrl, 'office');
    await page.goto(`${web.baseUrl}/plans/${planId}`);
    await page.getByRole('tab', { name: '督办规则' }).click();
    const form = page.locator('form#ladder');
    await page.getByText('默认规则', { exact: true }).waitFor();
    expect(await form.getByLabel('黄色预警').inputValue()).toBe('1');
    expect(await form.getByLabel('红色预警').inputValue()).toBe('5');
    expect(await form.getByLabel('上班时间').inputValue()).toBe('09:00');

    await form.getByLabel('红色预警').fill('1');
    await form.getByRole('button', { name: '保存' }).click();
    const reason = form.getByText('须晚于黄色预警（大于 1 个工作日）');
    await reason.waitFor();
    await reason.scrollIntoViewIfNeeded();
    await office.screenshot('01-ladder-field-error', { viewport: true });
  });

  it('should save the ladder and show it as set for this plan', async () => {
    const { page } = office;
    const form = page.locator('form#ladder');
    await form.getByLabel('黄色预警').fill('2');
    await form.getByLabel('红色预警').fill('6');
    await form.getByLabel('上班时间').fill('08:30');
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByText(/督办规则已保存，已按新规则重新安排 \d+ 项待办/).waitFor();
    await page.getByText('本计划自定义', { exact: true }).waitFor();
    expect(await form.getByLabel('红色预警').inputValue()).toBe('6');

    const stored = await request(web.http)
      .get(`/api/plans/${planId}/ladder`)
      .set('Authorization', `Bearer ${await web.login('office')}`)
      .expect(200);
    expect(stored.body).toMatchObject({
      custom: true,
      yellowWarningAfterWorkingDays: 2,
      redWarningAfterWorkingDays: 6,
      officeOpensAt: '08:30',
    });
    await office.screenshot('02-ladder-saved');
  });

  it('should download the task table and the monthly progress table from the plan page', async () => {
    const { page } = office;
    const taskTable = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载任务分工表' }).click();
    const taskFile = await taskTable;
    expect(taskFile.suggestedFilename()).toMatch(/任务分工表\.xlsx$/);
    const taskPath = path.join(downloads, 'task-table.xlsx');
    await taskFile.saveAs(taskPath);
    expect(fs.readFileSync(taskPath).subarray(0, 2).toString()).toBe('PK');
    await page.getByText(/任务分工表\.xlsx 已生成/).waitFor();
    await office.screenshot('03-task-table-downloaded', { viewport: true });

    const progressTable = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载月度进展表' }).click();
    const progressFile = await progressTable;
    expect(progressFile.suggestedFilename()).toMatch(/\.xlsx$/);
    const progressPath = path.join(downloads, 'progress-table.xlsx');
    await progressFile.saveAs(progressPath);
    expect(fs.readFileSync(progressPath).subarray(0, 2).toString()).toBe('PK');
  });

  it("should let a liaison on a phone report the plan's indicators and see the values in the history", async () => {
    const { page } = phone;
    await signIn(page, web.baseUrl, 'liaison');
    await page.goto(`${web.baseUrl}/obligations/${leadId}`);
    const form = page.locator('form#report');
    const indicators = form.locator('fieldset.indicator-fields');
    await indicators.getByText('指标值（可选）').waitFor();
    // Seed 002 names it twice (2020 and 2030 targets): the label tells them apart by the target date.
    const farmland = indicators.getByLabel('受污染耕地安全利用率（2020-12-31）');
    await farmland.scrollIntoViewIfNeeded();
    expect(await indicators.textContent()).toContain('目标 约 90%，2020-12-31（全市受污染耕地安全利用率达到 90%左右）');
    await phone.screenshot('04-indicator-fields', { viewport: true });

    await form.getByLabel('本期工作进展').fill('已完成受污染耕地安全利用核查，全市安全利用率约88.5%。');
    await form.getByLabel('完成进度').fill('70');
    await farmland.fill('88.5');
    await form.getByRole('button', { name: '报送', exact: true }).click();
    const history = page.locator('.submission-content').first();
    await history.getByText('受污染耕地安全利用率（2020-12-31）：').waitFor();
    expect(await history.textContent()).toContain('88.5%');
    await history.scrollIntoViewIfNeeded();
    await phone.screenshot('05-indicator-values-in-history', { viewport: true });
    expect(phone.pageErrors).toEqual([]);
  });

  it('should show the reported indicator values to the office reviewing the report', async () => {
    const { page } = office;
    await page.goto(`${web.baseUrl}/obligations/${leadId}`);
    const history = page.locator('.submission-content').first();
    await history.getByText('受污染耕地安全利用率（2020-12-31）：').waitFor();
    expect(await history.textContent()).toContain('88.5%');
    await page.getByRole('button', { name: /通过/ }).first().waitFor();
    await office.screenshot('06-office-review-indicators');
    expect(office.pageErrors).toEqual([]);
  });
});
