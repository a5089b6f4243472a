/**
 * Account requests in Chromium: a unit's approver asks for an account for a unit below theirs
 * on "Đề nghị cấp tài khoản" (self-assessment), an admin approves it on "Yêu cầu cấp tài
 * khoản" (admin) and gets the password once with the hand-over sheet, and the approver sees it
 * approved.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { frontendApps } from '../../deploy/local/apps/apps';
import { adminApi } from '../../deploy/local/apps/keycloak-admin';
import { chooseOption, launchChromium, loginThroughKeycloak } from '../support/browser';
import { openPortal, type Portal } from '../support/portal-fixture';
import { type TestUser } from '../support/keycloak';
import { callApi } from '../support/api';

const shell = () => process.env.PAR_SHELL_URL!;

describe('account requests in a browser', () => {
  let portal: Portal<'admin'> | undefined;
  let browser: Browser;
  let admin: TestUser;
  let approver: TestUser;
  const parent = `E2P${randomUUID().slice(0, 6).toUpperCase()}`;
  const child = `E2C${randomUUID().slice(0, 6).toUpperCase()}`;
  const username = `nhaplieu.${child.toLowerCase()}`;

  const createUnit = async (token: string, code: string, parentId: string | null) => {
    const res = await callApi('/units', {
      method: 'POST',
      token,
      body: { code, name: `Đơn vị thử ${code}`, kind: 'commune', parentId },
    });
    expect(res.status).toBe(201);
    return (res.body as { id: string }).id;
  };

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', ...frontendApps],
      users: { admin: { roles: ['admin'], unit: 'SNV' } },
      routes: ['accounts'],
    });
    browser = await launchChromium();
    admin = portal.users.admin;
    const adminToken = portal.tokens.admin;
    await createUnit(adminToken, child, await createUnit(adminToken, parent, null));
    // Bound to the unit just made, so it joins after the portal is open.
    ({ user: approver } = await portal.addUser({
      roles: ['data-entry'],
      clientRoles: ['unit-approver'],
      unit: parent,
    }));
  });

  afterAll(async () => {
    await browser?.close();
    const [issued] = await adminApi<{ id: string }[]>(
      'GET',
      `/users?exact=true&username=${username}`,
    ).catch(() => []);
    if (issued) await adminApi('DELETE', `/users/${issued.id}`);
    await portal?.close();
  });

  it('lets an approver ask for an account, an admin approve it with the hand-over sheet, and the approver see it approved', async () => {
    const approverContext = await browser.newContext({ locale: 'vi-VN' });
    const leader = await approverContext.newPage();
    try {
      await leader.goto(`${shell()}/self-assessment`);
      await loginThroughKeycloak(leader, approver.username, approver.password);
      await leader.click('[data-testid="account-requests-link"]');
      await leader.waitForURL((url) => url.pathname === '/self-assessment/account-requests');
      await leader.getByText('Đề nghị cấp tài khoản').first().waitFor();
      await leader.click('[data-testid="account-request-create"]');
      await chooseOption(leader, 'account-request-unit', child);
      await leader.fill('[data-testid="account-request-person-0-name"]', 'Nguyễn Văn An');
      await leader.fill('[data-testid="account-request-reason"]', 'Bổ sung cán bộ nhập liệu');
      await leader.click('[data-testid="account-request-submit"]');
      const row = leader.getByTestId('account-requests-table').getByRole('row', { name: child });
      await row.waitFor();
      expect(await row.innerText()).toContain('Chờ duyệt');

      const adminContext = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
      const page = await adminContext.newPage();
      try {
        await page.goto(`${shell()}/admin/units`);
        await loginThroughKeycloak(page, admin.username, admin.password);
        await page.getByRole('link', { name: 'Yêu cầu cấp tài khoản' }).first().click();
        const pending = page
          .getByTestId('account-requests-table')
          .getByRole('row', { name: child });
        await pending.getByRole('button', { name: 'Phê duyệt' }).click();
        await page.click('[data-testid="confirm-ok"]');

        const password = page.getByTestId('issued-password').first();
        await password.waitFor();
        const temporaryPassword = (await password.innerText()).trim();
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.click('[data-testid="issued-download"]'),
        ]);
        const sheet = await readFile((await download.path())!, 'utf8');
        expect(sheet).toContain(`${child},${username},${temporaryPassword},data-entry`);
        await page.click('[data-testid="issued-close"]');
        await pending.getByText('Đã duyệt').waitFor();

        // The status filter asks the server for one status only.
        await chooseOption(page, 'account-request-filter-status', 'Chờ duyệt');
        await pending.waitFor({ state: 'detached' });
        await chooseOption(page, 'account-request-filter-status', 'Đã duyệt');
        await pending.getByText('Đã duyệt').waitFor();
      } finally {
        await adminContext.close();
      }

      await leader.reload();
      await row.getByText('Đã duyệt').waitFor();
      expect(await row.innerText()).toContain(username);
    } finally {
      await approverContext.close();
    }
  });
});
