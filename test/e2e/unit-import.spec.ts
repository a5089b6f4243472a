/**
 * Importing units from a sheet in Chromium: a bad row is shown with its error and blocks the
 * import, the corrected file imports, and the new units appear in the table; a sheet with its
 * own headers goes through the mapping step (the criteria import's), one column placed by hand.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { frontendApps, startApps, stopApps, type RunningApp } from '../../deploy/local/apps/apps';
import { chooseOption, launchChromium, loginThroughKeycloak } from '../support/browser';
import { createUser, deleteUser, type TestUser } from '../support/keycloak';

const shell = () => process.env.PAR_SHELL_URL!;

const sheet = (rows: string[]) => ({
  name: 'don-vi.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(
    `\uFEFFMã đơn vị;Tên đơn vị;Loại;Mã đơn vị cấp trên;Nhóm đơn vị\r\n${rows.join('\r\n')}\r\n`,
    'utf8',
  ),
});

describe('importing units from a file in the browser', () => {
  let apps: RunningApp[] = [];
  let browser: Browser;
  let admin: TestUser;

  beforeAll(async () => {
    apps = await startApps(['gateway', 'accounts', ...frontendApps]);
    browser = await launchChromium();
    admin = await createUser({ roles: ['admin'], unit: 'SNV' });
  });

  afterAll(async () => {
    await browser?.close();
    await stopApps(apps);
    if (admin) await deleteUser(admin);
  });

  it('shows the bad row with its error, imports the corrected file, lists the units and exports them', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    try {
      await page.goto(`${shell()}/admin/units`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.waitForSelector('[data-testid="units-table"]', { timeout: 30_000 });

      const p = `E2EI${randomUUID().slice(0, 6).toUpperCase()}`;
      const good = [
        `${p}-ROOT;Sở Thử nhập ${p};department;;so-nganh`,
        `${p}-A;"  Phòng  Thử A ";agency;${p}-ROOT;`,
      ];
      await page.click('[data-testid="unit-import-open"]');
      const picker = page.locator('[data-testid="unit-import-file"]');
      await picker.setInputFiles(sheet([...good, `${p}-B;Phòng Thử B;city;${p}-ROOT;`]));

      // Row 4 (header is row 1) has an unknown kind: its cell says so and the import is blocked.
      await page
        .getByTestId('unit-import-cell-4-kind')
        .getByText('Dòng 4: Loại «city» không hợp lệ')
        .waitFor();
      await page.getByTestId('unit-import-summary').getByText('1 dòng có lỗi').waitFor();
      const commit = page.getByTestId('unit-import-commit');
      expect(await commit.innerText()).toContain('Nhập 3 đơn vị');
      expect(await commit.isDisabled()).toBe(true);
      // The messy name is shown cleaned.
      expect(await page.getByTestId('unit-import-cell-3-name').innerText()).toContain(
        'Phòng Thử A',
      );

      await picker.setInputFiles(sheet([...good, `${p}-B;Phòng Thử B;agency;${p}-ROOT;`]));
      await page.getByTestId('unit-import-summary').getByText('không có lỗi').waitFor();
      await page.waitForFunction(
        () =>
          !(document.querySelector('[data-testid="unit-import-commit"]') as HTMLButtonElement)
            .disabled,
      );
      await commit.click();
      await page.getByText(`Đã nhập 3 đơn vị từ tệp «don-vi.csv».`).waitFor();

      await page.fill('[data-testid="unit-search"]', p);
      const table = page.getByTestId('units-table');
      for (const code of [`${p}-ROOT`, `${p}-A`, `${p}-B`]) {
        await table.getByRole('cell', { name: code, exact: true }).waitFor();
      }
      const row = table
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: `${p}-A`, exact: true }) });
      expect(await row.innerText()).toContain(`Sở Thử nhập ${p}`);

      // "Xuất tệp" downloads every unit as a CSV that names the new units under their parents.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-testid="unit-export"]'),
      ]);
      expect(download.suggestedFilename()).toMatch(/^don-vi-\d{4}-\d{2}-\d{2}\.csv$/);
      const exported = readFileSync((await download.path())!, 'utf8');
      expect(exported.startsWith('\uFEFFMã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên')).toBe(true);
      expect(exported).toContain(`${p}-A,Phòng Thử A,agency,${p}-ROOT,`);
    } finally {
      await context.close();
    }
  });

  it('imports a sheet with its own headers once the admin places the column no header named', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const p = `E2EM${randomUUID().slice(0, 6).toUpperCase()}`;
    const own = {
      name: 'danh-sach-co-quan.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'DANH SÁCH CƠ QUAN, ĐƠN VỊ',
          'Mã ĐVHC;Tên cơ quan;Kiểu;Ghi chú',
          `${p}-1;Xã Thử Một;commune;mới`,
          `${p}-2;Xã Thử Hai;commune;`,
        ].join('\r\n'),
        'utf8',
      ),
    };
    try {
      await page.goto(`${shell()}/admin/units`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.waitForSelector('[data-testid="units-table"]', { timeout: 30_000 });
      await page.click('[data-testid="unit-import-open"]');
      await page.locator('[data-testid="unit-import-file"]').setInputFiles(own);

      // "Kiểu" names no role: the step says which one is missing and nothing can be imported.
      await page
        .getByTestId('unit-import-mapping-problem')
        .getByText('Chưa có cột nào được chọn là «Loại»')
        .waitFor();
      const commit = page.getByTestId('unit-import-commit');
      expect(await commit.isDisabled()).toBe(true);
      const roleShown = (column: number) =>
        page.getByTestId(`unit-import-column-${column}`).locator('.ant-select').innerText();
      expect([await roleShown(0), await roleShown(1), await roleShown(3)]).toEqual([
        'Mã đơn vị',
        'Tên đơn vị',
        'Bỏ qua',
      ]);

      await chooseOption(page, 'unit-import-role-2', 'Loại');
      await page.getByTestId('unit-import-summary').getByText('không có lỗi').waitFor();
      await page.waitForFunction(
        () =>
          !(document.querySelector('[data-testid="unit-import-commit"]') as HTMLButtonElement)
            .disabled,
      );
      await commit.click();
      await page.getByText('Đã nhập 2 đơn vị từ tệp «danh-sach-co-quan.csv».').waitFor();
      await page.fill('[data-testid="unit-search"]', p);
      await page
        .getByTestId('units-table')
        .getByRole('cell', { name: `${p}-2`, exact: true })
        .waitFor();
    } finally {
      await context.close();
    }
  });
});
