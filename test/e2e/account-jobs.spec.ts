/**
 * Issuing accounts for a unit group in Chromium: the admin starts the job from "Tài khoản",
 * sees its progress and per-unit results, and sees the temporary passwords once; the server
 * has deleted them by the time the page shows them.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { frontendApps } from '../../deploy/local/apps/apps';
import { adminApi } from '../../deploy/local/apps/keycloak-admin';
import { chooseBySearch, launchChromium, loginThroughKeycloak } from '../support/browser';
import { openPortal, type Portal } from '../support/portal-fixture';
import { callApi } from '../support/api';

const shell = () => process.env.PAR_SHELL_URL!;

describe('account jobs in a browser', () => {
  let portal: Portal<'admin'> | undefined;
  let browser: Browser;
  const group = `E2E-JOB-${randomUUID().slice(0, 6)}`;
  const codes = [1, 2, 3, 4].map((n) => `EJ${n}${randomUUID().slice(0, 5).toUpperCase()}`);

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', ...frontendApps],
      users: { admin: { roles: ['admin'], unit: 'SNV' } },
      routes: ['accounts'],
    });
    browser = await launchChromium();
    for (const code of codes) {
      const res = await callApi('/units', {
        method: 'POST',
        token: portal.tokens.admin,
        body: { code, name: `Xã Kiểm thử ${code}`, kind: 'commune', unitGroup: group },
      });
      expect(res.status).toBe(201);
    }
    // The first unit already has its account: the job leaves it and says so.
    const res = await callApi('/accounts', {
      method: 'POST',
      token: portal.tokens.admin,
      body: { unitCodes: [codes[0]], roles: ['data-entry'] },
    });
    expect(res.status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    const users = await Promise.all(
      codes.map((code) =>
        adminApi<{ id: string }[]>(
          'GET',
          `/users?exact=true&username=nhaplieu.${code.toLowerCase()}`,
        ).catch(() => []),
      ),
    );
    await Promise.allSettled(users.flat().map((u) => adminApi('DELETE', `/users/${u.id}`)));
    await portal?.close();
  });

  it('issues accounts for a group as a job, shows its progress and results, and the passwords once', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    try {
      await page.goto(`${shell()}/admin/units`);
      await loginThroughKeycloak(page, portal!.users.admin.username, portal!.users.admin.password);
      await page.getByRole('link', { name: 'Tài khoản' }).first().click();
      await page.waitForSelector('[data-testid="accounts-table"]');

      await page.click('[data-testid="account-create-open"]');
      await page.getByRole('radio', { name: 'Tất cả đơn vị của một nhóm' }).check();
      await chooseBySearch(page, 'account-unit-group', group);
      const started = page.waitForResponse(
        (res) => res.url().endsWith('/api/account-jobs') && res.request().method() === 'POST',
      );
      await page.click('[data-testid="account-submit"]');
      const jobId = ((await (await started).json()) as { id: string }).id;

      // The progress, to the end: 4 units, 3 created, 1 that already had an account.
      const job = page.getByRole('dialog', { name: 'Đang cấp tài khoản' });
      await job.getByText('Đã xử lý 4/4 đơn vị: tạo mới 3, đã có tài khoản 1, lỗi 0.').waitFor();
      expect(await job.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
      const existing = job.getByRole('row').filter({ hasText: codes[0]! });
      expect(await existing.innerText()).toContain('Đã có tài khoản');

      await job.getByRole('button', { name: 'Hiện mật khẩu tạm thời (3 tài khoản)' }).click();
      const issued = page.getByRole('dialog', { name: 'Mật khẩu tạm thời (3 tài khoản)' });
      await issued.waitFor();
      expect(
        await issued.getByText('Mật khẩu chỉ hiện một lần này.', { exact: false }).count(),
      ).toBe(1);
      expect(await issued.getByTestId('issued-password').count()).toBe(3);
      expect(await issued.getByTestId('issued-skipped').innerText()).toContain(
        `${codes[0]}: đã có tài khoản nhaplieu.${codes[0]!.toLowerCase()}`,
      );
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        issued.getByRole('button', { name: 'Tải bảng bàn giao (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);

      // Shown once: the server no longer has them.
      const again = await callApi(`/account-jobs/${jobId}/passwords`, {
        method: 'POST',
        token: portal!.tokens.admin,
        body: {},
      });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toMatch(/đã được hiển thị một lần/);
      await issued.getByRole('button', { name: 'Tôi đã lưu, đóng lại' }).click();
      await issued.waitFor({ state: 'hidden' });
    } finally {
      await context.close();
    }
  });
});
