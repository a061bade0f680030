import * as fs from 'node:fs';
import request from 'supertest';
import type { Page } from 'playwright-core';
import { systemActor, UnitOfWork } from '@app/core';
import { CircularsService } from '@app/supervision';
import { unitIdByName } from '../factories/org-lookup';
import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { describeInBrowser } from './support/chromium';
import { DEMO_CLOCK_ENV, keepSessionCookieOnSimulatedClock, moveDemoClock } from './support/demo-clock';
import { signIn, signOut } from './support/pages';
import { obligationsOf } from './support/pasted-plan';
import { startWebApp } from './support/web-app';
import type { WebApp } from './support/web-app';

jest.setTimeout(300_000);

const PLAN_TITLE = '阳江市2026年土壤污染防治工作要点';
const PLAN_TEXT = [
  PLAN_TITLE,
  '一、农用地',
  '（一）完成农用地土壤污染状况详查。2026年底前完成。（市农业农村局牵头）',
  '二、建设用地',
  '（二）建立建设用地土壤环境监管清单。持续实施。（市生态环境局牵头）',
  '（三）完成重点行业企业用地调查。2026年底前完成。（市自然资源局牵头）',
].join('\n');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The year-end assessment in the browser. Through the API: a plan where 市农业农村局 reports on time, 市生态环境局
 * reports October late, 市自然资源局 never reports and is escalated to a case and an interview, and the October
 * circular. In the browser: the office saves a scheme (the API's refusal shown at the field), starts and computes
 * the run, opens a unit's breakdown, adjusts with a reason, releases; 市生态环境局's liaison sees its result, appeals,
 * and cannot open another unit's; the office decides the appeal, is refused publication during the window,
 * publishes after it; the sheet downloads as .xlsx; the leader reads the ranking; the circular has its page.
 */
describeInBrowser('Year-end assessment from scheme to published ranking (browser)', () => {
  let web: WebApp;
  let browser: BrowserSession;
  let runId: number;

  beforeAll(async () => {
    web = await startWebApp(DEMO_CLOCK_ENV);
    await liveThroughTheYear(web);
    browser = await openBrowser('assessment');
    await keepSessionCookieOnSimulatedClock(browser.context);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it("should save the plan's scoring scheme, showing the API's refusal at the field", async () => {
    const { page } = browser;
    await signIn(page, web.baseUrl, 'office');
    await mainMenu(page).getByText('年度考核').click();
    await page.getByRole('heading', { name: '年度考核' }).waitFor();
    await page.getByText('尚未开始任何考核').waitFor();
    await page.getByRole('button', { name: '评分方案' }).click();
    await page.waitForURL(/\/assessment\/scheme/);
    await pickOption(page, 'scheme-target_planId', PLAN_TITLE);
    await page.locator('#scheme-target_year').fill('2026');
    await page.getByRole('button', { name: '打开' }).click();
    await page.getByText('默认方案（尚未保存）').waitFor();

    const form = page.locator('form#scheme');
    await form.locator('#scheme_weights_timeliness').fill('30');
    await form.getByText('105（须为 100）').waitFor();
    await form.getByRole('button', { name: '保存为新版本' }).click();
    await page.locator('#scheme_weightsTotal_help').getByText('各项权重之和须为 100（当前为 105）').waitFor();
    await browser.screenshot('01-scheme-refused');

    await form.locator('#scheme_weights_timeliness').fill('25');
    await form.locator('#scheme_deductions_cap').fill('3');
    await form.getByRole('button', { name: '保存为新版本' }).click();
    await page.getByText('已保存评分方案第 1 版').waitFor();
    await page.getByText('现行方案：第 1 版').waitFor();
    await page.locator('#scheme_weightsTotal_help').waitFor({ state: 'detached' });
  });

  it('should start and compute the run, listing every unit with rank, grade and component scores', async () => {
    const { page } = browser;
    await mainMenu(page).getByText('年度考核').click();
    await page.getByRole('button', { name: '开始考核' }).click();
    const dialog = page.getByRole('dialog', { name: '开始考核' });
    await pickOption(page, 'start-run_planId', PLAN_TITLE);
    expect(await dialog.locator('#start-run_year').inputValue()).toBe('2026');
    await dialog.getByRole('button', { name: '开始并计算' }).click();
    await page.waitForURL(/\/assessment\/runs\/\d+$/);
    runId = Number(/\/assessment\/runs\/(\d+)$/.exec(page.url())?.[1]);
    await page.getByRole('heading', { name: `${PLAN_TITLE} · 2026 年度考核` }).waitFor();
    await page.getByText('初评', { exact: true }).first().waitFor();

    const agri = page.getByRole('row', { name: /阳江市农业农村局/ });
    await agri.getByRole('cell', { name: '1', exact: true }).waitFor();
    await agri.getByText('优秀').waitFor();
    await page
      .getByRole('row', { name: /阳江市生态环境局/ })
      .getByText('不合格')
      .waitFor();
    await page.getByRole('row', { name: /阳江市自然资源局/ }).waitFor();
    await browser.screenshot('02-run-results');
    // Units without a task are listed on request, without a score.
    expect(await page.getByText('不计分', { exact: true }).count()).toBe(0);
    await page.getByLabel('显示不计分单位').click();
    await page.getByText('不计分', { exact: true }).first().waitFor();
  });

  it('should show a unit its breakdown: the late report, the case, each line adding up to the total', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: '阳江市自然资源局' }).click();
    await page.waitForURL(/\/assessment\/results\/\d+$/);
    await page.getByRole('heading', { name: '阳江市自然资源局 · 2026 年度考核得分' }).waitFor();
    const trace = page.locator('table').filter({ hasText: '依据' });
    await trace.getByRole('link', { name: /^报送：2026-10 · 完成重点行业企业用地调查 · 截止 .*逾期未报$/ }).waitFor();
    await trace
      .getByRole('link', { name: /^督办：督办〔2026〕\d+号/ })
      .first()
      .waitFor();
    await trace.getByText('扣分上限').first().waitFor();
    await page.getByText(/各项之和等于总分 [\d.]+ 分/).waitFor();
    await browser.screenshot('03-breakdown-escalated');

    await page.goto(`${web.baseUrl}/assessment/runs/${runId}`);
    await page.getByRole('link', { name: '阳江市生态环境局' }).click();
    await page.getByRole('heading', { name: '阳江市生态环境局 · 2026 年度考核得分' }).waitFor();
    await page.getByRole('link', { name: /^报送：2026-10 · 建立建设用地土壤环境监管清单 · .*逾期报送$/ }).waitFor();
    await page.getByText(/各项之和等于总分 [\d.]+ 分/).waitFor();
  });

  it('should refuse an adjustment without a reason, then adjust with one', async () => {
    const { page } = browser;
    const form = page.locator('form#adjustment');
    await form.locator('#adjustment_points').fill('2');
    await form.getByRole('button', { name: '确认调整' }).click();
    await page.locator('#adjustment_reason_help').getByText('请说明调整理由').waitFor();
    const after = Math.round(((await totalShown(page)) + 2) * 100) / 100;
    await form.locator('#adjustment_reason').fill('10月报告延迟系全市政务网络故障所致，经核实予以调整');
    await form.getByRole('button', { name: '确认调整' }).click();
    await page.getByText(`已调整，现总分 ${after} 分`).waitFor();
    await page
      .getByRole('row', { name: /办公室调整.*\+2.*政务网络故障/ })
      .first()
      .waitFor();
    await page.getByText(`各项之和等于总分 ${after} 分`).waitFor();
    await browser.screenshot('04-adjusted');
  });

  it('should release the draft, opening the appeal window', async () => {
    const { page } = browser;
    await page.goto(`${web.baseUrl}/assessment/runs/${runId}`);
    await page.getByRole('button', { name: '公示初评结果' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '公示' }).click();
    await page.getByText('已公示，申诉期开始').waitFor();
    await page.getByText('公示中', { exact: true }).first().waitFor();
    await page.getByText('2026-12-28 18:00').first().waitFor();
    await browser.screenshot('05-released', { viewport: true });
  });

  it("should show the unit its own result and take its appeal, and keep another unit's result from it", async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, web.baseUrl, 'eco-liaison');
    await mainMenu(page).getByText('年度考核').click();
    await page.getByRole('heading', { name: '本单位考核' }).waitFor();
    await page.getByText(`${PLAN_TITLE} · 2026 年度考核`).waitFor();
    await page.getByText('2026-12-28 18:00').waitFor();
    await browser.screenshot('06-unit-own-result');
    await page.getByRole('button', { name: '查看得分明细 / 申诉' }).click();
    await page.getByRole('heading', { name: '阳江市生态环境局 · 2026 年度考核得分' }).waitFor();

    const form = page.locator('form#appeal');
    await form.getByRole('button', { name: '提交申诉' }).click();
    await page.locator('#appeal_text_help').getByText('请填写申诉理由').waitFor();
    await form.locator('#appeal_text').fill('11月报告已按时报送，审核评分3分系材料附件上传失败所致，现补充提供。');
    await form.locator('#appeal_attachments').fill('附件上传失败截图');
    await page.keyboard.press('Enter');
    await form.getByRole('button', { name: '提交申诉' }).click();
    await page.getByText('申诉已提交，等待办公室处理').waitFor();
    await page.getByText('本单位已有待处理的申诉，办公室处理后可再提出。').waitFor();
    await page.getByRole('row', { name: /附件上传失败截图.*待处理/ }).waitFor();
    await browser.screenshot('07-appeal-filed');

    await page.goto(`${web.baseUrl}/assessment/results/${await resultIdOf(web, runId, '阳江市农业农村局')}`);
    await page.getByText('无权访问').waitFor();
    await page.goto(`${web.baseUrl}/assessment/runs/${runId}`);
    await page.getByText('无权访问').waitFor();
  });

  it('should let the office accept the appeal, and refuse publication while the window is open', async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, web.baseUrl, 'office');
    await page.goto(`${web.baseUrl}/assessment/runs/${runId}`);
    await page.getByRole('tab', { name: /申诉/ }).click();
    const row = page.getByRole('row', { name: /阳江市生态环境局.*附件上传失败截图/ });
    await row.getByRole('button', { name: '处理' }).click();
    const dialog = page.getByRole('dialog', { name: '处理申诉：阳江市生态环境局' });
    await dialog.locator('#appeal-decision_points').fill('3');
    await dialog.locator('#appeal-decision_reason').fill('经核实附件上传失败属实，报送质量按4分计');
    await browser.screenshot('08-appeal-decision', { viewport: true });
    await dialog.getByRole('button', { name: '采纳并调整' }).click();
    await page.getByText('已采纳申诉并调整分数').waitFor();
    await row.getByText('已采纳').waitFor();

    await page.getByRole('button', { name: '发布考核结果' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '发布' }).click();
    await page
      .getByRole('alert')
      .getByText(/2026年12月28日 18:00/)
      .waitFor();
    await browser.screenshot('09-publish-refused', { viewport: true });
  });

  it('should refuse an appeal after the window with the reason the API gives', async () => {
    const { page } = browser;
    await moveDemoClock(web, '2026-12-29T10:00:00+08:00');
    await signOut(page);
    await signIn(page, web.baseUrl, 'eco-liaison');
    await mainMenu(page).getByText('年度考核').click();
    await page.getByRole('button', { name: '查看得分明细 / 申诉' }).click();
    await page.getByText('申诉期已结束，办公室不再受理申诉。').waitFor();
    await page.locator('#appeal_text').fill('补充申诉：12月进展材料。');
    await page.getByRole('button', { name: '提交申诉' }).click();
    await page.getByText('申诉期已于 2026年12月28日 18:00 截止，不再受理申诉').waitFor();
    await browser.screenshot('10-appeal-after-window');
  });

  it('should publish after the window and export the assessment sheet as .xlsx', async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, web.baseUrl, 'office');
    await page.goto(`${web.baseUrl}/assessment/runs/${runId}`);
    await page.getByText('申诉期已结束：处理完全部申诉后即可发布。').waitFor();
    await page.getByRole('button', { name: '发布考核结果' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '发布' }).click();
    await page.getByText('考核结果已发布').waitFor();
    await page.getByText('已发布，结果已冻结。', { exact: false }).waitFor();

    await page.getByRole('button', { name: '导出考核结果汇总表' }).click();
    const link = page.getByRole('link', { name: /^下载 .*\.xlsx$/ });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = fs.readFileSync(await download.path());
    expect(file.subarray(0, 2).toString()).toBe('PK');
    const response = await page.request.get(new URL((await link.getAttribute('href')) ?? '', web.baseUrl).href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain(XLSX);
    await browser.screenshot('11-published-exported', { viewport: true });
  });

  it('should correct a published result as a new version, keeping the published one', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: '阳江市生态环境局' }).click();
    await page.getByRole('heading', { name: '阳江市生态环境局 · 2026 年度考核得分' }).waitFor();
    expect(await page.locator('form#adjustment').count()).toBe(0);
    const published = page.url();
    const form = page.locator('form#correction');
    await form.locator('#correction_points').fill('1');
    await form.locator('#correction_reason').fill('复核发现11月报告评分录入有误');
    await form.getByRole('button', { name: '提交更正' }).click();
    await page.getByText(/已更正，生成第 2 版/).waitFor();
    await page.waitForURL((url) => url.href !== published);
    await page.getByText('第 2 版', { exact: true }).first().waitFor();
    await page.getByRole('row', { name: /^发布后更正 \+1 复核发现11月报告评分录入有误/ }).waitFor();
    await browser.screenshot('12-corrected');
    await page.goto(published);
    await page.getByText('这是第 1 版，已被更正取代').waitFor();
  });

  it('should show the leader the published ranking within each group, read-only', async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, web.baseUrl, 'leader');
    await mainMenu(page).getByText('年度考核').click();
    await page.getByRole('link', { name: PLAN_TITLE }).click();
    await page.getByRole('tab', { name: '排名' }).click();
    const departments = page.locator('.ant-card').filter({ hasText: '市直部门（3 个单位）' });
    const ranked = departments.locator('tbody tr');
    await ranked.first().waitFor();
    expect((await ranked.allInnerTexts()).map((text) => text.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      '1 阳江市农业农村局',
      '2 阳江市生态环境局',
      '3 阳江市自然资源局',
    ]);
    expect(await page.getByRole('button', { name: '发布考核结果' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: /申诉/ }).count()).toBe(0);
    await browser.screenshot('13-leader-ranking');
  });

  it('should list the monthly circular and show its overdue units, with the .docx to download', async () => {
    const { page } = browser;
    await mainMenu(page).getByText('通报').click();
    await page.getByRole('heading', { name: '逾期通报' }).waitFor();
    const row = page.getByRole('row', { name: /通报〔2026〕\d+号.*2026年10月/ });
    await row.waitFor();
    await row.getByRole('link', { name: /^通报〔2026〕\d+号$/ }).click();
    await page.waitForURL(/\/circulars\/\d+$/);
    await page.getByRole('heading', { name: '关于2026年10月工作进展情况报送逾期单位的通报' }).waitFor();
    await page.getByRole('row', { name: /阳江市自然资源局.*完成重点行业企业用地调查/ }).waitFor();
    const href = await page.getByRole('link', { name: '下载通报（.docx）' }).getAttribute('href');
    const response = await page.request.get(new URL(href ?? '', web.baseUrl).href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain(DOCX);
    await browser.screenshot('14-circular');
    expect(browser.pageErrors).toEqual([]);
  });
});

const mainMenu = (page: Page) => page.getByRole('navigation', { name: '主菜单' });

/** Opens an antd select by its input's id and picks the option with that title. */
async function pickOption(page: Page, id: string, title: string): Promise<void> {
  await page.locator(`#${id}`).click();
  await page.locator(`.ant-select-item-option[title="${title}"]`).click();
}

async function totalShown(page: Page): Promise<number> {
  return Number(await page.locator('.result-total').innerText());
}

async function resultIdOf(t: WebApp, runId: number, unitName: string): Promise<number> {
  const response = await request(t.http)
    .get(`/api/assessment/runs/${runId}/results`)
    .set('Authorization', `Bearer ${await t.login('office')}`)
    .expect(200);
  return (response.body as Array<{ id: number; unitName: string }>).find((r) => r.unitName === unitName)?.id ?? 0;
}

/**
 * October: 市农业农村局 on time, 市生态环境局 after its yellow warning, 市自然资源局 never (red, case, interview).
 * November: both report on time; 市农业农村局 completes its task. The October circular names the late units.
 * The clock ends on Monday 21 December, so a release today has its appeal deadline on 28 December 18:00.
 */
async function liveThroughTheYear(t: WebApp): Promise<void> {
  await moveDemoClock(t, '2026-10-12T10:00:00+08:00');
  const office = await t.login('office');
  const as = { Authorization: `Bearer ${office}` };
  const imported = await request(t.http).post('/api/plans/import').set(as).send({ text: PLAN_TEXT }).expect(201);
  const planId = imported.body.id as number;
  await request(t.http).post(`/api/plans/${planId}/publish`).set(as).expect(200);

  const report = async (user: string, period: string, percent: number, rating: number) => {
    const own = (await obligationsOf(t, user, period)).find((o) => o.role === 'lead');
    await request(t.http)
      .post(`/api/obligations/${own?.id}/submissions`)
      .set('Authorization', `Bearer ${await t.login(user)}`)
      .send({ kind: 'progress', progressText: `${period} 工作进展`, percentComplete: percent })
      .expect(201);
    await request(t.http)
      .post(`/api/obligations/${own?.id}/accept`)
      .set('Authorization', `Bearer ${await t.login('office')}`)
      .send({ rating })
      .expect(200);
  };
  await moveDemoClock(t, '2026-11-02T10:00:00+08:00');
  await report('liaison', '2026-10', 50, 5);
  await moveDemoClock(t, '2026-11-04T09:30:00+08:00');
  await report('eco-liaison', '2026-10', 30, 3);
  await moveDemoClock(t, '2026-11-10T09:30:00+08:00');
  await moveDemoClock(t, '2026-11-17T09:30:00+08:00');
  await moveDemoClock(t, '2026-12-01T10:00:00+08:00');
  await report('liaison', '2026-11', 100, 5);
  await report('eco-liaison', '2026-11', 45, 3);
  await moveDemoClock(t, '2026-12-04T09:30:00+08:00');
  await moveDemoClock(t, '2026-12-21T10:00:00+08:00');

  const token = await t.login('office');
  const cityId = await unitIdByName(t, token, '阳江市人民政府');
  const landId = await unitIdByName(t, token, '阳江市自然资源局');
  const ecoId = await unitIdByName(t, token, '阳江市生态环境局');
  // The engine composes circulars monthly; where it already has, this returns that period's circular unchanged.
  await t.app.get(UnitOfWork).run((em) =>
    t.app.get(CircularsService).compose(em, {
      period: '2026-10',
      governmentId: cityId,
      overdue: [
        {
          unitId: landId,
          unitName: '阳江市自然资源局',
          overdueCount: 1,
          items: [
            {
              taskTitle: '完成重点行业企业用地调查',
              dueAt: '2026-11-03T10:00:00.000Z',
              overdueWorkingDays: 13,
              status: 'interview',
            },
          ],
        },
        {
          unitId: ecoId,
          unitName: '阳江市生态环境局',
          overdueCount: 1,
          items: [
            {
              taskTitle: '建立建设用地土壤环境监管清单',
              dueAt: '2026-11-03T10:00:00.000Z',
              overdueWorkingDays: 1,
              status: 'yellow',
            },
          ],
        },
      ],
      actor: systemActor('test'),
    }),
  );
}
