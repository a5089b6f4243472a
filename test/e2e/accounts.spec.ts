/**
 * Accounts as the admin issues them and their owners first use them, in Chromium: the
 * "Tài khoản" page issues an account and shows its temporary password once with the hand-over
 * sheet, and an issued account logs in on Keycloak's page, must change its password, and lands
 * on its role's area.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { frontendApps } from '../../deploy/local/apps/apps';
import { adminApi } from '../../deploy/local/apps/keycloak-admin';
import {
  chooseBySearch,
  completeFirstLogin,
  launchChromium,
  loginThroughKeycloak,
} from '../support/browser';
import { openPortal, type Portal } from '../support/portal-fixture';
import { type TestUser } from '../support/keycloak';
import { callApi } from '../support/api';

const shell = () => process.env.PAR_SHELL_URL!;

describe('accounts in a browser', () => {
  let portal: Portal<'admin'> | undefined;
  let browser: Browser;
  let admin: TestUser;
  let adminToken: string;
  const issuedIds: string[] = [];
  const unitCode = `E2E${randomUUID().slice(0, 6).toUpperCase()}`;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', ...frontendApps],
      users: { admin: { roles: ['admin'], unit: 'SNV', firstName: 'Hà', lastName: 'Lê' } },
      routes: ['accounts'],
    });
    browser = await launchChromium();
    admin = portal.users.admin;
    adminToken = portal.tokens.admin;
    const res = await callApi('/units', {
      method: 'POST',
      token: adminToken,
      body: { code: unitCode, name: `Xã Kiểm thử ${unitCode}`, kind: 'commune' },
    });
    expect(res.status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.allSettled(issuedIds.map((id) => adminApi('DELETE', `/users/${id}`)));
    await portal?.close();
  });

  it('issues an account on "Tài khoản", shows its password once with the CSV sheet, and the account logs in, changes it and lands on its area', async () => {
    const username = `e2e-${randomUUID().slice(0, 8)}`;
    const adminContext = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
    const page = await adminContext.newPage();
    let temporaryPassword: string;
    try {
      await page.goto(`${shell()}/admin/units`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.getByRole('link', { name: 'Tài khoản' }).first().click();
      await page.waitForSelector('[data-testid="accounts-table"]');

      await page.click('[data-testid="account-create-open"]');
      // Typed, not clicked: the list holds every unit of the stack and renders only a window.
      await chooseBySearch(page, 'account-unit', unitCode);
      await page.fill('[data-testid="account-username"]', username);
      await page.fill('[data-testid="account-last-name"]', 'Trần Thị');
      await page.fill('[data-testid="account-first-name"]', 'Hoà');
      await page.fill('[data-testid="account-email"]', `${username}@example.test`);
      await page.click('[data-testid="account-submit"]');

      const password = page.getByTestId('issued-password').first();
      await password.waitFor();
      temporaryPassword = (await password.innerText()).trim();
      expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-testid="issued-download"]'),
      ]);
      const sheet = await readFile((await download.path())!, 'utf8');
      expect(sheet.startsWith('\uFEFFĐơn vị,Tên đăng nhập,Mật khẩu tạm thời')).toBe(true);
      expect(sheet).toContain(`${unitCode},${username},${temporaryPassword},data-entry`);

      await page.click('[data-testid="issued-close"]');
      const row = page.getByTestId('accounts-table').getByRole('row').filter({ hasText: username });
      await row.waitFor();
      expect(await row.innerText()).toContain('Chờ đổi mật khẩu');
    } finally {
      await adminContext.close();
    }
    const [created] = await adminApi<{ id: string }[]>(
      'GET',
      `/users?exact=true&username=${username}`,
    );
    issuedIds.push(created!.id);

    const context = await browser.newContext({ locale: 'vi-VN' });
    const officer = await context.newPage();
    try {
      await officer.goto(shell());
      await loginThroughKeycloak(officer, username, temporaryPassword);
      await completeFirstLogin(officer, `Moi-${randomUUID().slice(0, 12)}`, shell());
      await officer.waitForURL((url) => url.origin === new URL(shell()).origin, {
        timeout: 30_000,
      });
      await officer.waitForURL((url) => url.pathname.startsWith('/self-assessment'));
      await officer.getByText('Tự đánh giá').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('lets an appraisal account issued through the API log in with its temporary password, change it and land on "Thẩm định"', async () => {
    const res = await callApi('/accounts', {
      method: 'POST',
      token: adminToken,
      body: { unitCodes: [unitCode], roles: ['appraisal'] },
    });
    expect(res.status).toBe(201);
    const { items } = res.body as {
      items: Array<{ account: { id: string; username: string }; temporaryPassword: string }>;
    };
    expect(items).toHaveLength(1);
    const { account, temporaryPassword } = items[0]!;
    issuedIds.push(account.id);
    expect(account.username).toBe(`thamdinh.${unitCode.toLowerCase()}`);

    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await page.goto(shell());
      await loginThroughKeycloak(page, account.username, temporaryPassword);
      await completeFirstLogin(page, `Moi-${randomUUID().slice(0, 12)}`, shell());
      await page.waitForURL((url) => url.pathname.startsWith('/appraisal'), { timeout: 30_000 });
      await page.getByText('Thẩm định').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('refuses an admin disabling themselves on the page, with a Vietnamese message', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await page.goto(`${shell()}/admin/accounts`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.click(`[data-testid="account-toggle-${admin.username}"]`);
      await page.click('[data-testid="confirm-ok"]');
      await page.getByText('Bạn không thể tự khoá tài khoản của chính mình').waitFor();
    } finally {
      await context.close();
    }
  });
});
