/**
 * Restructuring units in Chromium: the admin merges two communes into a new ward from 2025,
 * then looks at the units as of 2024 and 2025, and follows the link from the ward to a commune.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { frontendApps } from '../../deploy/local/apps/apps';
import {
  chooseBySearch,
  chooseOption,
  launchChromium,
  loginThroughKeycloak,
} from '../support/browser';
import { openPortal, type Portal } from '../support/portal-fixture';
import { type TestUser } from '../support/keycloak';
import { callApi } from '../support/api';

const shell = () => process.env.PAR_SHELL_URL!;

describe('merging units in a browser', () => {
  let portal: Portal<'admin'> | undefined;
  let browser: Browser;
  let admin: TestUser;
  let token: string;
  const p = `E2EM${randomUUID().slice(0, 6).toUpperCase()}`;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', ...frontendApps],
      users: { admin: { roles: ['admin'], unit: 'SNV' } },
      routes: ['accounts'],
    });
    browser = await launchChromium();
    admin = portal.users.admin;
    token = portal.tokens.admin;
    for (const [code, name] of [
      ['A', 'Xã Đông Hòa'],
      ['B', 'Xã Tây Sơn'],
    ]) {
      const res = await callApi('/units', {
        method: 'POST',
        token,
        body: { code: `${p}-${code}`, name, kind: 'commune', activeFrom: 2020 },
      });
      expect(res.status).toBe(201);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('merges two communes into a new ward from 2025 and shows each year as it was', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await page.goto(`${shell()}/admin/units`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.waitForSelector('[data-testid="units-table"]', { timeout: 30_000 });
      await page.fill('[data-testid="unit-search"]', p);
      const table = page.getByTestId('units-table');
      await page.getByTestId(`unit-open-${p}-A`).waitFor();

      await page.getByTestId(`unit-more-${p}-A`).click();
      await page.getByRole('menuitem', { name: 'Sáp nhập' }).click();
      await chooseBySearch(page, 'unit-merge-sources', `${p}-B`);
      await page.keyboard.press('Escape');
      await page.fill('#unit-merge-year', '2025');
      await page.fill('#unit-merge-code', `${p}-W`);
      await page.fill('#unit-merge-name', 'Phường Đông Tây');
      await page.getByTestId('unit-merge-submit').click();
      await page
        .getByText('Đã sáp nhập Xã Đông Hòa, Xã Tây Sơn thành Phường Đông Tây từ năm 2025.')
        .waitFor();

      // This year: the ward only; the communes are hidden as inactive.
      await page.getByTestId(`unit-open-${p}-W`).waitFor();
      expect(await page.getByTestId(`unit-open-${p}-A`).count()).toBe(0);

      await chooseOption(page, 'unit-year', '2024');
      await page.getByTestId(`unit-open-${p}-A`).waitFor();
      await page.getByTestId(`unit-open-${p}-B`).waitFor();
      expect(await page.getByTestId(`unit-open-${p}-W`).count()).toBe(0);
      expect(await table.innerText()).toContain('Xã Tây Sơn');

      await chooseOption(page, 'unit-year', '2025');
      await page.getByTestId(`unit-open-${p}-W`).waitFor();
      expect(await page.getByTestId(`unit-open-${p}-A`).count()).toBe(0);
      await page.getByTestId('unit-show-inactive').click();
      await page.getByTestId(`unit-inactive-${p}-A`).getByText('Ngừng hoạt động từ 2025').waitFor();

      // The ward's detail names where it came from; a link opens that commune.
      await page.getByTestId(`unit-open-${p}-W`).click();
      const drawer = page.getByTestId('unit-detail');
      await drawer.getByTestId('unit-detail-predecessors').getByText('Xã Đông Hòa').waitFor();
      await drawer.getByTestId(`unit-link-${p}-A`).click();
      await drawer.getByTestId('unit-detail-successors').getByText('Phường Đông Tây').waitFor();
      await drawer
        .getByTestId('unit-detail-inactive')
        .getByText('Ngừng hoạt động từ 2025')
        .waitFor();
    } finally {
      await context.close();
    }
  });

  it('leaves the focus in the field the user went to while the dialog was still opening', async () => {
    // With motion, as most people see it: the dialog zooms in and then focuses its first field,
    // which used to take the focus from a field the user had already clicked and typed in.
    const opened = await callApi('/units', {
      method: 'POST',
      token,
      body: { code: `${p}-MO`, name: 'Sở Mở', kind: 'department' },
    });
    expect(opened.status).toBe(201);
    const context = await browser.newContext({ locale: 'vi-VN', reducedMotion: 'no-preference' });
    const page = await context.newPage();
    try {
      await page.goto(`${shell()}/admin/units`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.fill('[data-testid="unit-search"]', `${p}-MO`);
      await page.getByTestId(`unit-edit-${p}-MO`).click();
      await page.locator('#unit-edit-parent').focus();
      await page.keyboard.type(p);
      // The dialog has finished opening once no zoom class is left on it.
      await page.waitForFunction(
        () =>
          document.querySelector('.ant-modal') !== null &&
          document.querySelector('.ant-modal[class*="zoom"]') === null,
      );
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('unit-edit-parent');
    } finally {
      await context.close();
    }
  });

  it("shows the server's refusal of a parent that would make a loop under the parent field", async () => {
    const top = await callApi('/units', {
      method: 'POST',
      token,
      body: { code: `${p}-TREN`, name: 'Sở Trên', kind: 'department' },
    });
    const below = await callApi('/units', {
      method: 'POST',
      token,
      body: { code: `${p}-DUOI`, name: 'Phòng Dưới', kind: 'agency', parentId: top.body.id },
    });
    expect(below.status).toBe(201);
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await page.goto(`${shell()}/admin/units`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.fill('[data-testid="unit-search"]', `${p}-TREN`);
      await page.getByTestId(`unit-edit-${p}-TREN`).click();
      await chooseBySearch(page, 'unit-edit-parent', `${p}-DUOI`);
      await page.getByTestId('unit-edit-submit').click();
      await page
        .getByTestId('unit-edit-parent-error')
        .getByText(`Không thể chọn «${p}-DUOI» làm đơn vị cấp trên`)
        .waitFor();
      // Nothing was written: the unit still has no parent.
      const after = await callApi(`/units/${top.body.id}`, { token });
      expect(after.body).toMatchObject({ parentId: null, version: top.body.version });
    } finally {
      await context.close();
    }
  });
});
