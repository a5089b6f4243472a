/**
 * The walking skeleton as people use it, in Chromium: Keycloak's login page, the shell, the
 * federated admin remote creating a unit through the gateway, navigation by role, the user's
 * unit named in the user menu, and a remote whose server is down.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { frontendApps, startApps, stopApps, type RunningApp } from '../../deploy/local/apps/apps';
import { chooseOption, launchChromium, loginThroughKeycloak } from '../support/browser';
import { callApi } from '../support/api';
import { gatewayRoutesToAccounts } from '../support/eventually';
import {
  createTestClient,
  createUser,
  deleteTestClient,
  deleteUser,
  tokenFor,
  type TestClient,
  type TestUser,
} from '../support/keycloak';

const shell = () => process.env.PAR_SHELL_URL!;

describe('the portal in a browser', () => {
  let apps: RunningApp[] = [];
  let browser: Browser;
  const users: TestUser[] = [];
  let admin: TestUser;
  let officer: TestUser;
  let adminOfficer: TestUser;
  let client: TestClient;

  beforeAll(async () => {
    apps = await startApps(['gateway', 'accounts', 'assessment', ...frontendApps]);
    browser = await launchChromium();
    admin = await createUser({
      roles: ['admin'],
      unit: 'SNV',
      firstName: 'Hà',
      lastName: 'Nguyễn',
    });
    officer = await createUser({
      roles: ['data-entry'],
      unit: 'STP',
      firstName: 'Minh',
      lastName: 'Trần',
    });
    // A unit of its own, which no period of an earlier test on a reused stack includes: the
    // self-assessment area then shows its empty state.
    adminOfficer = await createUser({
      roles: ['admin', 'data-entry'],
      unit: `TRONG-${randomUUID().slice(0, 6).toUpperCase()}`,
    });
    users.push(admin, officer, adminOfficer);
  });

  afterAll(async () => {
    await browser?.close();
    await stopApps(apps);
    await Promise.all(users.map(deleteUser));
    if (client) await deleteTestClient(client);
  });

  async function loggedIn(
    user: TestUser,
    path = '/',
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${shell()}${path}`);
    await loginThroughKeycloak(page, user.username, user.password);
    await page.waitForURL((url) => url.origin === new URL(shell()).origin, { timeout: 30_000 });
    return { context, page };
  }

  it('lets an admin log in through Keycloak, create a unit on "Đơn vị", and find it after a reload', async () => {
    const { context, page } = await loggedIn(admin);
    try {
      await page.getByRole('link', { name: 'Đơn vị' }).first().click();
      await page.waitForSelector('[data-testid="units-table"]');

      const code = `E2E${randomUUID().slice(0, 6).toUpperCase()}`;
      await page.click('[data-testid="unit-create-open"]');
      await page.fill('[data-testid="unit-code"]', code);
      const name = `Sở Kiểm thử Tự động ${code}`;
      await page.fill('[data-testid="unit-name"]', name);
      await chooseOption(page, 'unit-kind', 'Sở, ban, ngành');
      await page.click('[data-testid="unit-submit"]');
      // The list, pages long with the other tests' units, is searched for the new code.
      await page.getByRole('cell', { name: code, exact: true }).waitFor();
      expect(await page.inputValue('[data-testid="unit-search"]')).toBe(code);

      await page.reload();
      await page.fill('[data-testid="unit-search"]', code);
      const row = page
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: code, exact: true }) });
      await row.waitFor({ timeout: 30_000 });
      expect(await row.innerText()).toContain(name);
      expect(await row.innerText()).toContain('Sở, ban, ngành');
    } finally {
      await context.close();
    }
  });

  it('shows a taken code as an error under the code field', async () => {
    const { context, page } = await loggedIn(admin, '/admin/units');
    try {
      const code = `DUP${randomUUID().slice(0, 6).toUpperCase()}`;
      for (let attempt = 0; attempt < 2; attempt++) {
        await page.click('[data-testid="unit-create-open"]');
        await page.fill('[data-testid="unit-code"]', code);
        await page.fill('[data-testid="unit-name"]', 'Xã Trùng Mã');
        await chooseOption(page, 'unit-kind', 'Xã');
        await page.click('[data-testid="unit-submit"]');
        if (attempt === 0) {
          await page.getByRole('cell', { name: code, exact: true }).waitFor();
          // The dialog closes with an animation; open the next one once it is gone.
          await page.locator('#unit-form').waitFor({ state: 'detached' });
        }
      }
      await page.getByText(`Mã đơn vị «${code}» đã được dùng cho đơn vị khác`).waitFor();
    } finally {
      await context.close();
    }
  });

  it('shows a data-entry user their own area and no admin navigation', async () => {
    const { context, page } = await loggedIn(officer);
    try {
      await page.getByText('Tự đánh giá').first().waitFor();
      expect(await page.getByRole('link', { name: 'Đơn vị' }).count()).toBe(0);
      expect(await page.getByText('Quản trị').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("names the user's unit in the user menu, with its code beside it", async () => {
    client = await createTestClient();
    const adminToken = await tokenFor(admin, client);
    await gatewayRoutesToAccounts(adminToken);
    const code = `E2EU${randomUUID().slice(0, 6).toUpperCase()}`;
    const name = `Sở Tư pháp Kiểm thử ${code}`;
    const created = await callApi('/units', {
      method: 'POST',
      token: adminToken,
      body: { code, name, kind: 'department' },
    });
    expect(created.status).toBe(201);
    // An appraiser may not list units, yet must see the name of their own.
    const appraiser = await createUser({ roles: ['appraisal'], unit: code });
    users.push(appraiser);
    const { context, page } = await loggedIn(appraiser);
    try {
      await page.click('[data-testid="user-menu"]');
      const unit = page.getByTestId('user-unit');
      await unit.getByText(`Đơn vị: ${name}`).waitFor({ timeout: 30_000 });
      expect(await unit.innerText()).toContain(`(${code})`);
    } finally {
      await context.close();
    }
  });

  it('says in Vietnamese that the admin area cannot load while its server is down, and the rest keeps working', async () => {
    const adminUi = apps.find((app) => app.name === 'admin-ui')!;
    await adminUi.stop();
    const { context, page } = await loggedIn(adminOfficer, '/admin/units');
    try {
      await page.getByText('không tải được', { exact: false }).first().waitFor({ timeout: 30_000 });
      await page.goto(`${shell()}/self-assessment`);
      await page.getByText('Chưa có đợt đánh giá nào đang mở.').waitFor({ timeout: 30_000 });
    } finally {
      await context.close();
    }
  });
});
