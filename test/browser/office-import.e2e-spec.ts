import { openBrowser } from './support/browser';
import type { BrowserSession } from './support/browser';
import { describeInBrowser } from './support/chromium';
import { signIn } from './support/pages';
import { SEED_002 } from './support/published-plan';
import { startWebApp } from './support/web-app';
import type { WebApp } from './support/web-app';

jest.setTimeout(180_000);

describeInBrowser('Office imports and publishes a plan (browser)', () => {
  let web: WebApp;
  let browser: BrowserSession;

  beforeAll(async () => {
    web = await startWebApp();
    browser = await openBrowser('office-import');
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('should show the API refusal at the password field when the password is wrong', async () => {
    const { page } = browser;
    await page.goto(`${web.baseUrl}/plans`);
    await page.waitForURL(/\/login\?next=%2Fplans/);
    await page.getByLabel('用户名').fill('office');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('#login_password_help').getByText('用户名或密码错误').waitFor();
    await browser.screenshot('01-login-refused');
  });

  it('should upload seed 002 through the wizard and highlight the names it could not resolve', async () => {
    const { page } = browser;
    await signIn(page, web.baseUrl, 'office');
    await page.getByRole('navigation', { name: '主菜单' }).getByText('导入计划').click();
    await page.waitForURL(/\/plans\/import$/);
    await page.locator('input[type=file]').setInputFiles(SEED_002);
    await page.locator('.ant-upload-list-item', { hasText: '002_ed72ecd477f74a50.txt' }).waitFor();
    await browser.screenshot('02-file-chosen');
    // A slow uplink, so the progress bar stays on screen long enough to be seen.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 50,
      downloadThroughput: -1,
      uploadThroughput: 40 * 1024,
    });
    await page.getByRole('button', { name: '上传并解析' }).click();
    await page
      .locator('.import-progress')
      .getByText(/正在上传|正在解析/)
      .waitFor();
    await browser.screenshot('03-uploading', { viewport: true });
    await page.waitForURL(/\/plans\/import\/\d+$/, { timeout: 60_000 });
    await page.getByRole('heading', { name: /未能识别的单位名称/ }).waitFor();
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    expect(await page.locator('.unresolved-row').count()).toBeGreaterThan(0);
    expect(await page.locator('.row-unresolved').count()).toBeGreaterThan(0);
    await browser.screenshot('04-review');
  });

  it('should list every problem when publishing is refused', async () => {
    const { page } = browser;
    await publish(browser);
    const problems = page.locator('.publish-problems');
    await problems.getByText(/不能发布/).waitFor();
    expect(await problems.locator('li').count()).toBeGreaterThan(1);
    expect(await problems.textContent()).toContain('粮食局');
    await problems.scrollIntoViewIfNeeded();
    await browser.screenshot('05-publish-refused', { viewport: true });
  });

  it('should map a name by searching for a unit, and create units for the others', async () => {
    const { page } = browser;
    const grain = unresolvedRow(browser, '粮食局');
    await grain.getByRole('combobox').click();
    await page.keyboard.type('发展和改革');
    await page.locator('.ant-select-item-option[title="阳江市发展和改革局"]').click();
    await browser.screenshot('06-unit-search', { viewport: true });
    await grain.getByRole('button', { name: '确认对应' }).click();
    await page.getByText('“粮食局”已对应').waitFor();
    await grain.waitFor({ state: 'detached' });

    // The alias just learnt makes the bureau the top candidate for the other spelling, preselected.
    const cityGrain = unresolvedRow(browser, '市粮食局');
    await cityGrain.getByText('阳江市发展和改革局（相似度').waitFor();
    await cityGrain.getByRole('button', { name: '确认对应' }).click();
    await cityGrain.waitFor({ state: 'detached' });

    for (let guard = 0; guard < 10 && (await page.locator('.unresolved-row').count()) > 0; guard++) {
      const row = page.locator('.unresolved-row').first();
      const rawName = (await row.locator('.unresolved-name strong').textContent()) ?? '';
      await row.getByRole('button', { name: '新建单位' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('单位全称').fill(`阳江市${rawName.replace(/^市/, '')}（新建）`);
      if (guard === 0) {
        await browser.screenshot('07-create-unit');
      }
      await dialog.getByRole('button', { name: '新建并对应' }).click();
      await page.getByText(`“${rawName}”已对应`).waitFor();
      await unresolvedRow(browser, rawName).waitFor({ state: 'detached' });
    }
    await page.getByText('所有单位名称均已识别。').waitFor();
    expect(await page.locator('.row-unresolved').count()).toBe(0);
  });

  it('should publish and show whom it notified, then the acknowledgement status', async () => {
    const { page } = browser;
    await publish(browser);
    await page.getByText('计划已发布').waitFor();
    await browser.screenshot('08-published');
    await page.getByRole('button', { name: '查看计划' }).click();
    await page.getByRole('tab', { name: '签收情况' }).click();
    await page.getByRole('cell', { name: '阳江市农业农村局' }).waitFor();
    await browser.screenshot('09-acknowledgements');
    expect(browser.pageErrors).toEqual([]);
  });
});

/** The row of exactly this name (`粮食局` must not find `市粮食局`). */
function unresolvedRow(browser: BrowserSession, rawName: string) {
  const name = browser.page.locator('.unresolved-name strong').getByText(rawName, { exact: true });
  return browser.page.locator('.unresolved-row').filter({ has: name });
}

async function publish(browser: BrowserSession): Promise<void> {
  const { page } = browser;
  await page.locator('.publish-panel').getByRole('button', { name: '发布' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '发布' }).click();
}
