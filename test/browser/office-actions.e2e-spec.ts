import request from 'supertest';
import { unitIdByName } from '../factories/org-lookup';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { describeInBrowser } from './support/chromium';
import { DEMO_CLOCK_ENV, keepSessionCookieOnSimulatedClock, moveDemoClock } from './support/demo-clock';
import { pickDateTime, signIn, signOut } from './support/pages';
import { obligationsOf, publishSmallPlan, SMALL_PLAN_PUBLISHED_AT } from './support/pasted-plan';
import { startWebApp } from './support/web-app';
import type { WebApp } from './support/web-app';

jest.setTimeout(240_000);

/**
 * The office's corrections, in the browser: it moves a report's deadline (the API's refusal shows at the date
 * field), returns a report with a deadline of its own, cancels a task of the published plan after confirming, sets
 * the plan's progress-lag margin, and the supervisor moves an interview (改期).
 */
describeInBrowser('Office moves deadlines, cancels a task and reschedules an interview (browser)', () => {
  let web: WebApp;
  let browser: BrowserSession;
  let planId: number;
  let agriLeadId: number;
  let interviewId: number;

  const as = async (username: string) => ({ Authorization: `Bearer ${await web.login(username)}` });

  beforeAll(async () => {
    web = await startWebApp(DEMO_CLOCK_ENV);
    await moveDemoClock(web, SMALL_PLAN_PUBLISHED_AT);
    planId = await publishSmallPlan(web);
    await moveDemoClock(web, '2026-12-01T09:30:00+08:00');
    agriLeadId = (await obligationsOf(web, 'liaison')).find((o) => o.role === 'lead')?.id ?? 0;
    const ecoId = await unitIdByName(web, await web.login('office'), '阳江市生态环境局');
    const interview = await request(web.http)
      .post('/api/interviews')
      .set(await as('supervisor'))
      .send({
        unitId: ecoId,
        reason: '11月工作进展逾期未报送',
        time: '2026-12-08T10:00:00+08:00',
        place: '领导小组办公室会议室',
        attendees: ['督查组'],
        followUpDueAt: '2026-12-22T18:00:00+08:00',
      })
      .expect(201);
    interviewId = (interview.body as { id: number }).id;
    browser = await openBrowser('office-actions');
    await keepSessionCookieOnSimulatedClock(browser.context);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it("should show the API's refusal at the date field and then move the report's deadline", async () => {
    const { page } = browser;
    await signIn(page, web.baseUrl, 'office');
    await page.goto(`${web.baseUrl}/obligations/${agriLeadId}`);
    await page.getByRole('button', { name: '调整截止时间' }).click();
    const modal = page.getByRole('dialog', { name: /调整阳江市农业农村局 2026年11月 报送的截止时间/ });
    await modal.getByText('当前截止时间：2026-12-03 18:00').waitFor();

    // The picker opens on the current deadline: sent unchanged, the API names the field and the reason.
    await modal.getByLabel('调整理由').fill('该单位因机构调整申请延期。');
    await modal.getByRole('button', { name: '确认调整' }).click();
    await page.locator('#deadline_dueAt_help').getByText('新的截止时间与原截止时间相同').waitFor();
    await browser.screenshot('01-deadline-refused', { viewport: true });

    await pickDateTime(page, 'deadline_dueAt', '2026-12-10 18:00');
    await modal.getByRole('button', { name: '确认调整' }).click();
    await page.getByText('阳江市农业农村局的截止时间已调整为 2026-12-10 18:00').waitFor();
    await modal.waitFor({ state: 'detached' });
    await browser.screenshot('02-deadline-moved', { viewport: true });
    const detail = await request(web.http)
      .get(`/api/obligations/${agriLeadId}`)
      .set(await as('office'))
      .expect(200);
    expect((detail.body as { dueAt: string }).dueAt).toBe(new Date('2026-12-10T18:00:00+08:00').toISOString());
  });

  it('should return a report with the deadline the office picked', async () => {
    await request(web.http)
      .post(`/api/obligations/${agriLeadId}/submissions`)
      .set(await as('liaison'))
      .send({ kind: 'progress', progressText: '已完成详查点位布设。', percentComplete: 50 })
      .expect(201);
    const { page } = browser;
    await page.reload();
    await page.locator('.review-panel').waitFor();
    await page.getByLabel('审核意见').fill('请补充采样点位明细。');
    await pickDateTime(page, 'review_dueAt', '2026-12-15 18:00');
    await browser.screenshot('03-return-with-deadline', { viewport: true });
    await page.getByRole('button', { name: '退回' }).click();
    await page.getByText('已退回阳江市农业农村局的报送，重新报送截止 2026-12-15 18:00').waitFor();
    await page.locator('.review-panel').waitFor({ state: 'detached' });
  });

  it('should cancel a task of the published plan only after a reason and a confirmation', async () => {
    const { page } = browser;
    await page.goto(`${web.baseUrl}/plans/${planId}`);
    const row = page.getByRole('row', { name: /建立建设用地土壤环境监管清单/ });
    const modal = page.getByRole('dialog', { name: '撤销任务 二/(二)' });
    // The plan page re-renders its task table as its panels finish loading; a click during that can be lost.
    await page.waitForLoadState('networkidle');
    await row.getByRole('button', { name: '撤销任务' }).click();
    if (!(await modal.isVisible())) {
      await modal.waitFor({ timeout: 3_000 }).catch(() => row.getByRole('button', { name: '撤销任务' }).click());
    }
    await modal.getByText(/催报和预警停止，以后的周期不再开启/).waitFor();
    await modal.getByRole('button', { name: '确认撤销' }).click();
    await modal.getByText('请填写撤销理由').waitFor();
    await browser.screenshot('04-cancel-task-confirm', { viewport: true });

    await modal.getByLabel('撤销理由').fill('该项任务已并入省级专项行动统一实施。');
    await modal.getByRole('button', { name: '确认撤销' }).click();
    await page.getByText(/任务 二\/\(二\) 已撤销，\d+ 项未办结的报送随之撤销/).waitFor();
    await row.getByText('已撤销').waitFor();
    expect(await row.getByRole('button', { name: '撤销任务' }).count()).toBe(0);
    await browser.screenshot('05-task-cancelled');
    const eco = await obligationsOf(web, 'eco-liaison');
    const ecoLead = eco.find((o) => o.taskRef === '二/(二)' && o.role === 'lead');
    expect(ecoLead?.status).toBe('cancelled');
  });

  it("should set the plan's progress-lag margin in its ladder, refusing one outside 0–100", async () => {
    const { page } = browser;
    await page.goto(`${web.baseUrl}/plans/${planId}`);
    await page.getByRole('tab', { name: '督办规则' }).click();
    const form = page.locator('form#ladder');
    expect(await form.getByLabel('进度滞后容差').inputValue()).toBe('20');
    await form.getByLabel('进度滞后容差').fill('120');
    await form.getByRole('button', { name: '保存' }).click();
    await page.locator('#ladder_progressLagMarginPoints_help').getByText('须为 0–100 的整数').waitFor();
    await form.getByLabel('进度滞后容差').fill('30');
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByText(/督办规则已保存/).waitFor();
    await form.getByText('默认：20 个百分点').waitFor();
    await form.getByLabel('进度滞后容差').scrollIntoViewIfNeeded();
    await browser.screenshot('06-progress-lag-margin', { viewport: true });
    const ladder = await request(web.http)
      .get(`/api/plans/${planId}/ladder`)
      .set(await as('office'))
      .expect(200);
    expect(ladder.body).toMatchObject({ custom: true, progressLagMarginPoints: 30 });
  });

  it('should let the supervisor move an interview not yet held', async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, web.baseUrl, 'supervisor');
    await page.goto(`${web.baseUrl}/interviews/${interviewId}`);
    await page.getByRole('tab', { name: '改期' }).click();
    const form = page.locator('form#reschedule-interview');
    expect(await form.getByLabel('地点').inputValue()).toBe('领导小组办公室会议室');
    await pickDateTime(page, 'reschedule-interview_time', '2026-12-09 15:00');
    await form.getByLabel('地点').fill('市政府3号楼第一会议室');
    await form.getByLabel('改期说明（可选）').fill('与市委常委会时间冲突。');
    await form.getByRole('button', { name: '确认改期并重新通知' }).click();
    await page.getByText('约谈已改期，已重新发出通知和日程邀请').waitFor();
    await page.getByText('2026-12-09 15:00').first().waitFor();
    await page.getByText('市政府3号楼第一会议室').first().waitFor();
    await browser.screenshot('07-interview-rescheduled');
    expect(browser.pageErrors).toEqual([]);
  });
});
