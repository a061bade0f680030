import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../factories/test-app';

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /账户菜单/ }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL(/\/login/);
}

/**
 * Types a date and time into an antd date-time picker and confirms it with the picker's OK button. The panel of a
 * picker confirmed just before stays in the page while it slides out, with an OK button of its own: wait until only
 * this picker's panel is open.
 */
export async function pickDateTime(page: Page, id: string, value: string): Promise<void> {
  const openPanels = '.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)';
  await page.locator(`#${id}`).click();
  await page.locator(`#${id}`).fill(value);
  await page.waitForFunction(`document.querySelectorAll('${openPanels}').length === 1`);
  await page.locator(`${openPanels} .ant-picker-ok button`).click();
}
