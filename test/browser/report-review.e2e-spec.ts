import request from 'supertest';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { describeInBrowser } from './support/chromium';
import { DEMO_CLOCK_ENV, keepSessionCookieOnSimulatedClock, moveDemoClock } from './support/demo-clock';
import { signIn, signOut } from './support/pages';
import { obligationsOf, publishSmallPlan, SMALL_PLAN_PUBLISHED_AT } from './support/pasted-plan';
import { startWebApp } from './support/web-app';
import type { WebApp } from './support/web-app';

jest.setTimeout(180_000);

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

// Evaluated in the page; a string, because the test compiles without the DOM library.
const DRAFT_KEYS = 'Object.keys(localStorage).filter((key) => key.startsWith("report-draft:")).length';
const UNLABELLED_FIELDS = `Array.from(document.querySelectorAll('form#report input, form#report textarea'))
  .filter((el) => el.type !== 'hidden' && !(el.labels && el.labels.length)
    && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
  .map((el) => el.id || el.name || el.type)`;

/**
 * The monthly report, end to end: a liaison writes it on a phone (and loses nothing when the session expires), the
 * API's refusal of a bad attachment shows at the attachment field, the office returns it with a comment, the
 * liaison reports again, the office accepts it with a rating.
 */
describeInBrowser('Liaison reports and the office reviews (browser)', () => {
  let web: WebApp;
  let browser: BrowserSession;
  let leadId: number;

  beforeAll(async () => {
    web = await startWebApp(DEMO_CLOCK_ENV);
    await moveDemoClock(web, SMALL_PLAN_PUBLISHED_AT);
    await publishSmallPlan(web);
    await moveDemoClock(web, '2026-12-01T09:30:00+08:00');
    const agri = await obligationsOf(web, 'liaison');
    leadId = agri.find((o) => o.role === 'lead')?.id ?? 0;
    // 市生态环境局 participates in the lead's task and has already reported its part to 市农业农村局.
    const part = (await obligationsOf(web, 'eco-liaison')).find((o) => o.role === 'participant');
    await request(web.http)
      .post(`/api/obligations/${part?.id}/submissions`)
      .set('Authorization', `Bearer ${await web.login('eco-liaison')}`)
      .send({ kind: 'progress', progressText: '已配合完成12个详查点位的采样。', percentComplete: 40 })
      .expect(201);
    browser = await openBrowser('report-review', PHONE);
    await keepSessionCookieOnSimulatedClock(browser.context);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('should list the reports due with a countdown on a phone', async () => {
    const { page } = browser;
    await signIn(page, web.baseUrl, 'liaison');
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('navigation', { name: '主菜单' }).getByText('报送任务').click();
    await page.waitForURL(/\/reports$/);
    const card = novemberCard(browser);
    await card.getByText('截止 2026-12-03 18:00').waitFor();
    expect(await card.textContent()).toContain('还剩 2 天');
    await page.getByText('演示时钟：系统当前为模拟时间 2026-12-01').waitFor();
    await browser.screenshot('01-reports-due', { viewport: true });
    await card.getByRole('button', { name: /^填报任务/ }).click();
    await page.waitForURL(new RegExp(`/obligations/${leadId}$`));
  });

  it("should show the participants' parts to the lead unit", async () => {
    const { page } = browser;
    const part = page.locator('.participant-part', { hasText: '阳江市生态环境局' });
    await part.getByText('已配合完成12个详查点位的采样。').waitFor();
    await part.scrollIntoViewIfNeeded();
    await browser.screenshot('02-participant-parts', { viewport: true });
  });

  it('should keep the half-written report when the session expires and restore it after signing in', async () => {
    const { page } = browser;
    const form = page.locator('form#report');
    await form.getByLabel('本期工作进展').fill('已完成详查点位布设，采样进度60%。');
    await form.getByLabel('完成进度').fill('60');
    await form.getByLabel('本期工作进展').click();
    expect(await page.evaluate(DRAFT_KEYS)).toBe(1);
    await browser.context.clearCookies();
    await form.getByRole('button', { name: '报送', exact: true }).click();
    await page.getByText('登录已过期，请重新登录。').waitFor();
    await page.getByText(/未报送的内容已保存为本机草稿/).waitFor();
    expect(page.url()).toContain(`next=%2Fobligations%2F${leadId}`);
    await browser.screenshot('03-session-expired', { viewport: true });

    await page.getByLabel('用户名').fill('liaison');
    await page.getByLabel('密码').fill('Demo2026pass');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(new RegExp(`/obligations/${leadId}$`));
    await page.getByText(/已恢复 .* 自动保存的草稿/).waitFor();
    expect(await page.locator('form#report').getByLabel('本期工作进展').inputValue()).toBe(
      '已完成详查点位布设，采样进度60%。',
    );
    expect(await page.locator('form#report').getByLabel('完成进度').inputValue()).toBe('60');
    expect(await page.evaluate(UNLABELLED_FIELDS)).toEqual([]);
    await browser.screenshot('04-draft-restored');
  });

  it('should show the API refusal of a renamed file at the attachment field', async () => {
    const { page } = browser;
    const form = page.locator('form#report');
    await form.locator('input[type=file]').setInputFiles([
      { name: '采样记录.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这不是PDF文件') },
      { name: '详查进度表.txt', mimeType: 'text/plain', buffer: Buffer.from('点位 120 个，已采样 72 个。') },
    ]);
    await form.getByRole('button', { name: '报送', exact: true }).click();
    const help = page.locator('#report_files_help');
    await help.getByText(/采样记录\.pdf：文件内容与扩展名 \.pdf 不符/).waitFor();
    await help.scrollIntoViewIfNeeded();
    await browser.screenshot('05-attachment-refused', { viewport: true });

    await form.locator('.ant-upload-list-item', { hasText: '采样记录.pdf' }).getByRole('button').last().click();
    await form.locator('.ant-upload-list-item', { hasText: '采样记录.pdf' }).waitFor({ state: 'detached' });
    await form.getByRole('button', { name: '报送', exact: true }).click();
    await page.getByText('2026年11月进展已报送').waitFor();
    await page.locator('form#report').waitFor({ state: 'detached' });
    await page.getByText('已报送待审核').first().waitFor();
    expect(await page.evaluate(DRAFT_KEYS)).toBe(0);
    await browser.screenshot('06-submitted');
  });

  it('should let the office return the report, insisting on a comment', async () => {
    const { page } = browser;
    await signOut(page);
    await page.setViewportSize(DESKTOP);
    await signIn(page, web.baseUrl, 'office');
    await page.getByRole('navigation', { name: '主菜单' }).getByText('报送审核').click();
    await page.waitForURL(/\/reviews$/);
    const row = page.getByRole('row', { name: /阳江市农业农村局/ });
    await row.waitFor();
    await browser.screenshot('07-review-queue');
    await row.getByRole('link', { name: '审核' }).click();
    await page.waitForURL(new RegExp(`/obligations/${leadId}$`));
    await page.getByRole('link', { name: /详查进度表\.txt/ }).waitFor();

    await page.getByRole('button', { name: '退回' }).click();
    await page.locator('#review_comment_help').getByText('退回时必须填写审核意见').waitFor();
    await page.getByLabel('审核意见').fill('请补充采样点位数量和检测进度，并附检测单位名单。');
    await browser.screenshot('08-return-with-comment');
    await page.getByRole('button', { name: '退回' }).click();
    await page.getByText(/已退回阳江市农业农村局的报送，重新报送截止/).waitFor();
    await page.locator('.review-panel').waitFor({ state: 'detached' });
  });

  it("should show the liaison the office's comment and take the report again", async () => {
    const { page } = browser;
    await signOut(page);
    await page.setViewportSize(PHONE);
    await signIn(page, web.baseUrl, 'liaison');
    await page.goto(`${web.baseUrl}/reports`);
    const card = novemberCard(browser);
    await card.getByText('已退回').waitFor();
    await card.getByRole('button', { name: /^填报任务/ }).click();
    await page.getByText('请补充采样点位数量和检测进度，并附检测单位名单。').first().waitFor();
    await page.getByRole('heading', { name: '重新填报2026年11月进展' }).waitFor();
    await browser.screenshot('09-returned-with-comment', { viewport: true });
    const form = page.locator('form#report');
    await form
      .getByLabel('本期工作进展')
      .fill('已布设详查点位120个，完成采样84个、检测36个；检测单位：省环境监测中心。');
    await form.getByLabel('完成进度').fill('70');
    await form.getByRole('button', { name: '重新报送' }).click();
    await page.getByText('2026年11月进展已报送').waitFor();
    await page.getByText('第 2 版报送').waitFor();
    await browser.screenshot('10-resubmitted');
  });

  it('should let the office accept the second version with a rating', async () => {
    const { page } = browser;
    await signOut(page);
    await page.setViewportSize(DESKTOP);
    await signIn(page, web.baseUrl, 'office');
    await page.goto(`${web.baseUrl}/obligations/${leadId}`);
    await page.locator('.review-panel').waitFor();
    await page.locator('#review_rating .ant-rate-star').nth(3).locator('div').first().click();
    await page.getByLabel('审核意见').fill('内容完整，进度清楚。');
    await page.getByRole('button', { name: '通过' }).click();
    await page.getByText('已通过阳江市农业农村局的报送').waitFor();
    await page.getByText('审核通过').first().waitFor();
    await page.locator('.history-entry').nth(3).waitFor();
    expect(await page.locator('.history-entry').count()).toBe(4);
    await browser.screenshot('11-accepted');
    expect(browser.pageErrors).toEqual([]);
  });
});

/** The card of the lead's November report (December's is open too by 1 December). */
function novemberCard(browser: BrowserSession) {
  return browser.page
    .locator('.obligation-card')
    .filter({ hasText: '开展农用地土壤污染状况详查' })
    .filter({ hasText: '2026年11月' });
}
