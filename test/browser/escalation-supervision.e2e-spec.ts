import request from 'supertest';
import type { Page } from 'playwright-core';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { describeInBrowser } from './support/chromium';
import { DEMO_CLOCK_ENV, keepSessionCookieOnSimulatedClock, moveDemoClock } from './support/demo-clock';
import { pickDateTime, signIn, signOut } from './support/pages';
import { obligationsOf, publishSmallPlan, SMALL_PLAN_PUBLISHED_AT } from './support/pasted-plan';
import { startWebApp } from './support/web-app';
import type { WebApp } from './support/web-app';

jest.setTimeout(180_000);

/**
 * The ladder in the browser: the office moves the demo clock from the banner; 市生态环境局 never reports and runs
 * into a yellow, then a red warning and a supervision case; its liaison acknowledges, reports rectification and
 * asks for closure; the supervisor schedules an interview by hand, then verifies and closes the case.
 */
describeInBrowser('The demo clock runs a unit into a supervision case (browser)', () => {
  let web: WebApp;
  let browser: BrowserSession;
  let planId: number;

  beforeAll(async () => {
    web = await startWebApp(DEMO_CLOCK_ENV);
    await moveDemoClock(web, SMALL_PLAN_PUBLISHED_AT);
    planId = await publishSmallPlan(web);
    await moveDemoClock(web, '2026-12-01T09:30:00+08:00');
    // 市农业农村局 reports on time, so only 市生态环境局 climbs the ladder.
    const agriLead = (await obligationsOf(web, 'liaison')).find((o) => o.role === 'lead');
    await request(web.http)
      .post(`/api/obligations/${agriLead?.id}/submissions`)
      .set('Authorization', `Bearer ${await web.login('liaison')}`)
      .send({ kind: 'progress', progressText: '已完成详查点位布设。', percentComplete: 60 })
      .expect(201);
    browser = await openBrowser('escalation');
    await keepSessionCookieOnSimulatedClock(browser.context);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('should move the demo clock from the banner and show the yellow warnings of 4 December', async () => {
    const { page } = browser;
    await signIn(page, web.baseUrl, 'office');
    await page.getByText('演示时钟：系统当前为模拟时间 2026-12-01 09:30').waitFor();
    await page.getByRole('navigation', { name: '主菜单' }).getByText('预警').click();
    await page.waitForURL(/\/warnings$/);
    await page.getByText('暂无预警').waitFor();
    await moveClock(page, '2026-12-04 09:30');
    await browser.screenshot('01-clock-moved', { viewport: true });
    await page
      .getByRole('row', { name: /黄色预警.*阳江市生态环境局/ })
      .first()
      .waitFor();
    expect(await page.getByRole('row', { name: /阳江市农业农村局/ }).count()).toBe(0);
  });

  it('should show a red warning for the unit on 10 December', async () => {
    const { page } = browser;
    await moveClock(page, '2026-12-10 09:30');
    await page
      .getByRole('row', { name: /红色预警.*阳江市生态环境局/ })
      .first()
      .waitFor();
    await browser.screenshot('02-red-warning');
  });

  it('should open a numbered supervision case on 17 December', async () => {
    const { page } = browser;
    await moveClock(page, '2026-12-17 09:30');
    await page.getByRole('navigation', { name: '主菜单' }).getByText('挂牌督办').click();
    const row = page.getByRole('row', { name: /督办〔2026〕1号.*阳江市生态环境局/ });
    await row.getByText('待签收').waitFor();
    await browser.screenshot('03-case-opened');
  });

  it("should show the office every report of the plan with its status, and the plan's reporting rules", async () => {
    const { page } = browser;
    await page.goto(`${web.baseUrl}/plans/${planId}`);
    await page.getByRole('tab', { name: '报送情况' }).click();
    await page.getByLabel('周期').fill('2026-11');
    await page.keyboard.press('Enter');
    const eco = page.getByRole('row', { name: /建立建设用地土壤环境监管清单.*阳江市生态环境局/ });
    await eco.getByText('逾期未报').waitFor();
    await page
      .getByRole('row', { name: /开展农用地.*阳江市农业农村局.*牵头/ })
      .getByText('已报送待审核')
      .waitFor();
    await browser.screenshot('04-plan-obligations');
    await page.getByRole('tab', { name: '报送规则' }).click();
    await page.getByLabel('退回后重新报送期限').waitFor();
    expect(await page.getByLabel('牵头单位报送日').inputValue()).toBe('3');
    await browser.screenshot('05-reporting-rules');
  });

  it('should let the office correct the working calendar, refusing a second correction of the same day', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: '主菜单' }).getByText('工作日历').click();
    await page.waitForURL(/\/calendar$/);
    await page.getByRole('row', { name: /^2026/ }).waitFor();
    await page.locator('.ant-segmented-item', { hasText: '2027' }).click();
    await page.getByRole('heading', { name: '2027 年日历更正' }).waitFor();
    const form = page.locator('form#correction');
    // Enter in the date field adds the correction, as a keyboard user would.
    for (let attempt = 0; attempt < 2; attempt++) {
      await form.getByLabel('调休上班').check();
      await form.getByLabel('依据').fill('春节调休（国办发明电〔2026〕X号）');
      await form.getByLabel('日期').fill('2027-02-20');
      await page.keyboard.press('Enter');
      if (attempt === 0) {
        await page.getByRole('row', { name: /2027-02-20.*调休上班/ }).waitFor();
      }
    }
    await page.locator('#correction_date_help').getByText('该日期已有更正').waitFor();
    await browser.screenshot('06-calendar');
    await page.getByRole('button', { name: '删除 2027-02-20 的更正' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await page.getByRole('row', { name: /2027-02-20/ }).waitFor({ state: 'detached' });
  });

  it('should let the unit acknowledge the case, report rectification and ask for closure with evidence', async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, web.baseUrl, 'eco-liaison');
    await page.getByRole('navigation', { name: '主菜单' }).getByText('挂牌督办').click();
    await page.getByRole('link', { name: '督办〔2026〕1号' }).click();
    await page.getByRole('button', { name: '签收督办单' }).click();
    await page.getByText('已签收 督办〔2026〕1号').waitFor();

    await page.locator('#rectification_text').fill('已补报11月工作进展，建立报送台账并明确专人负责。');
    await page.locator('#rectification_attachments').fill('报送台账');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '报送整改情况' }).last().click();
    await page.getByText('整改情况已报送').waitFor();

    await page.getByRole('tab', { name: '申请销号' }).click();
    await page.locator('#closure_summary').fill('11月进展已补报，台账制度已建立并运行。');
    await page.getByRole('button', { name: '申请销号' }).last().click();
    await page.locator('#closure_evidence_help').getByText('至少列出一项佐证材料').waitFor();
    await page.locator('#closure_evidence').fill('补报材料');
    await page.keyboard.press('Enter');
    await page.locator('#closure_evidence').fill('台账制度文件');
    await page.keyboard.press('Enter');
    await browser.screenshot('07-closure-request');
    await page.getByRole('button', { name: '申请销号' }).last().click();
    await page.getByText('已申请销号，等待督查核查').waitFor();
    await page.getByText('待核查销号').first().waitFor();
    await browser.screenshot('08-closure-requested');
  });

  it('should let the supervisor schedule an interview by hand', async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, web.baseUrl, 'supervisor');
    await page.getByRole('navigation', { name: '主菜单' }).getByText('挂牌督办').click();
    await page.getByRole('link', { name: '督办〔2026〕1号' }).click();
    await page.getByRole('button', { name: '安排约谈' }).click();
    await page.waitForURL(/\/interviews\/new\?caseId=\d+&unitId=\d+$/);
    const form = page.locator('form#schedule-interview');
    await form.getByText('阳江市生态环境局').waitFor();
    await form.getByLabel('约谈事由').fill('督办〔2026〕1号所涉11月进展逾期未报');
    await pickDateTime(page, 'schedule-interview_time', '2026-12-22 09:30');
    await form.getByLabel('地点').fill('市政府3号楼第一会议室');
    await form.locator('#schedule-interview_attendees').fill('市政府分管副秘书长');
    await page.keyboard.press('Enter');
    await form.locator('#schedule-interview_attendees').fill('领导小组办公室主任');
    await page.keyboard.press('Enter');
    await pickDateTime(page, 'schedule-interview_followUpDueAt', '2027-01-08 18:00');
    await browser.screenshot('09-schedule-interview');
    await form.getByRole('button', { name: '安排并发出通知' }).click();
    await page.waitForURL(/\/interviews\/\d+$/);
    await page.getByRole('heading', { name: '约谈：阳江市生态环境局' }).waitFor();
    await page.getByText('已安排', { exact: true }).waitFor();
    await browser.screenshot('10-interview');
  });

  it('should let the supervisor verify and close the case, a rejection needing a reason', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: '查看督办事项' }).click();
    const form = page.locator('form#verification');
    await form.getByLabel('核查不通过，退回整改').check();
    await form.getByRole('button', { name: '退回整改' }).click();
    await page.locator('#verification_reason_help').getByText('请说明不通过的理由').waitFor();
    await form.getByLabel('核查通过，予以销号').check();
    await form.getByLabel('核查意见（可选）').fill('经核查，已补报并建立台账，同意销号。');
    await form.getByRole('button', { name: '确认销号' }).click();
    await page.getByText('已核查通过并销号').waitFor();
    await page.getByText('已销号').first().waitFor();
    await browser.screenshot('11-case-closed');
    expect(browser.pageErrors).toEqual([]);
  });
});

/** Moves the demo clock with the banner's picker, as an office user would, and waits for the pages to reload. */
async function moveClock(page: Page, wallClock: string): Promise<void> {
  await pickDateTime(page, 'dev-clock_now', wallClock);
  await page.getByRole('button', { name: '调整时钟' }).click();
  await page.getByText(`时钟已调到 ${wallClock}`).waitFor();
  await page.getByText(`演示时钟：系统当前为模拟时间 ${wallClock}`).waitFor();
}
