/**
 * The change log and the second factor in Chromium: the admin requires TOTP of an account on
 * "Tài khoản", sees its state change, opens the account's history, and reads "Nhật ký thay đổi"
 * filtered by unit.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { frontendApps } from '../../deploy/local/apps/apps';
import { launchChromium, loginThroughKeycloak } from '../support/browser';
import { openPortal, type Portal } from '../support/portal-fixture';
import { type TestUser } from '../support/keycloak';
import { callApi } from '../support/api';
import { eventually } from '../support/eventually';

const shell = () => process.env.PAR_SHELL_URL!;

describe('change log and two-factor in a browser', () => {
  let portal: Portal<'admin'> | undefined;
  let browser: Browser;
  let admin: TestUser;
  let appraiser: TestUser;
  const unitCode = `LOG${randomUUID().slice(0, 6).toUpperCase()}`;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', ...frontendApps],
      users: { admin: { roles: ['admin'], unit: 'SNV' } },
      routes: ['accounts'],
    });
    browser = await launchChromium();
    admin = portal.users.admin;
    const token = portal.tokens.admin;
    const res = await callApi('/units', {
      method: 'POST',
      token,
      body: { code: unitCode, name: `Xã Nhật ký ${unitCode}`, kind: 'commune' },
    });
    expect(res.status).toBe(201);
    // In a unit of its own, so the admin can find it however many accounts the stack holds.
    ({ user: appraiser } = await portal.addUser({ roles: ['appraisal'], unit: unitCode }));
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('requires TOTP of an account, shows it as required, and opens its history in "Nhật ký thay đổi"', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await page.goto(`${shell()}/admin/units`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.getByRole('link', { name: 'Tài khoản' }).first().click();
      await page.waitForSelector('[data-testid="accounts-table"]');
      // The list pages its rows; filter by the unit, as an admin looking for one account would.
      await page.locator('#account-filter-unit').click();
      await page.keyboard.type(unitCode);
      await page.locator('.ant-select-item-option', { hasText: unitCode }).first().click();
      const state = page.getByTestId(`account-totp-${appraiser.username}`);
      await expectText(state, 'Không bắt buộc');

      // "Every admin and appraisal account": the admin clicking has TOTP already (the realm
      // asks every admin for it at login), and the dialog says their account stays as it is.
      await page.click('[data-testid="account-require-totp-all"]');
      const help = page.getByTestId('totp-require-all-help');
      await expectText(help, 'Tài khoản của bạn đã thiết lập xác thực hai lớp nên không thay đổi');
      await page.getByRole('button', { name: 'Hủy' }).click();
      await help.waitFor({ state: 'detached' });

      await page.click(`[data-testid="account-require-totp-${appraiser.username}"]`);
      await page.click('[data-testid="confirm-ok"]');
      await expectText(state, 'Bắt buộc, chưa thiết lập');

      await page.click(`[data-testid="account-history-${appraiser.username}"]`);
      await page.waitForURL(/\/admin\/audit\?account=/);
      const table = page.getByTestId('audit-table');
      await expectText(table, 'Bắt buộc xác thực hai lớp');
      await expectText(table, admin.username);
      await expectText(table, 'totp: notRequired → required');

      await page.getByRole('link', { name: 'Nhật ký thay đổi' }).first().click();
      // More units than one list holds: the select searches the server as the admin types.
      await page.locator('#audit-filter-unit').click();
      await page.keyboard.type(unitCode);
      await page.locator('.ant-select-item-option', { hasText: unitCode }).first().click();
      await expectText(table, 'Tạo đơn vị');
      await expectText(table, `Đơn vị ${unitCode}`);
    } finally {
      await context.close();
    }
  });
});

async function expectText(
  locator: { innerText(): Promise<string>; waitFor(): Promise<void> },
  text: string,
): Promise<void> {
  await locator.waitFor();
  let seen = '';
  await eventually(
    async () => (seen = await locator.innerText()).includes(text),
    15_000,
    `«${text}» shown`,
  ).catch(() => {
    throw new Error(`expected «${text}» in «${seen}»`);
  });
}
