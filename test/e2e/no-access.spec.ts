/**
 * An account that Keycloak lets in but the portal gave nothing (no role, no unit), in Chromium:
 * the shell says so and whom to ask, instead of an empty page or a failing remote.
 */
import type { Browser } from 'playwright-core';
import { frontendApps, startApps, stopApps, type RunningApp } from '../../deploy/local/apps/apps';
import { launchChromium, loginThroughKeycloak } from '../support/browser';
import { createUser, deleteUser, type TestUser } from '../support/keycloak';

const shell = () => process.env.PAR_SHELL_URL!;

describe('an account with no portal role in a browser', () => {
  let apps: RunningApp[] = [];
  let browser: Browser;
  let nobody: TestUser;

  beforeAll(async () => {
    apps = await startApps(['gateway', 'accounts', ...frontendApps]);
    browser = await launchChromium();
    nobody = await createUser({ roles: [] });
  });

  afterAll(async () => {
    await browser?.close();
    await stopApps(apps);
    if (nobody) await deleteUser(nobody);
  });

  it('shows a "no access" page naming the account and whom to ask, and no area to open', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await page.goto(shell());
      await loginThroughKeycloak(page, nobody.username, nobody.password);
      const notice = page.getByTestId('no-role');
      await notice.waitFor({ timeout: 30_000 });
      const text = await notice.innerText();
      expect(text).toContain('Tài khoản chưa được phân quyền');
      expect(text).toContain(nobody.username);
      expect(text).toContain('liên hệ Sở Nội vụ');
      for (const testId of ['nav-self-assessment', 'nav-appraisal', 'nav-admin'])
        expect(await page.getByTestId(testId).count()).toBe(0);

      // Typing an area's address does not get further than the page saying it is not theirs.
      await page.goto(`${shell()}/admin/accounts`);
      const forbidden = page.getByTestId('forbidden');
      await forbidden.waitFor({ timeout: 30_000 });
      expect(await forbidden.innerText()).toContain('Bạn không có quyền truy cập phần này');
    } finally {
      await context.close();
    }
  });
});
