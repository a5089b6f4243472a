/**
 * Importing a criteria sheet as a province has it, in Chromium: an Excel file with a title line,
 * its own headers, areas as a merged column of names, no rule column and a column of self-scores.
 * The admin sees each column's guessed role, sees the preview follow at once when a column is
 * changed (and a role taken twice refused), renames an area's code, imports by confirming the
 * mapping, and gets a valid set with the right total; the next file with the same header comes
 * back with that mapping.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { frontendApps } from '../../deploy/local/apps/apps';
import { callApi } from '../support/api';
import {
  chooseBySearch,
  chooseOption,
  launchChromium,
  loginThroughKeycloak,
} from '../support/browser';
import { eventually } from '../support/eventually';
import { openPortal, type Portal } from '../support/portal-fixture';

const shell = () => process.env.PAR_SHELL_URL!;

/** The province's sheet: areas merged down column B, maxima in "Điểm chuẩn", self-scores beside. */
async function provincialSheet() {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Bộ tiêu chí');
  sheet.addRows([
    ['BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CCHC CẤP XÃ NĂM 2026', '', '', '', '', ''],
    ['STT', 'Lĩnh vực', 'Nội dung', 'Điểm chuẩn', 'Điểm tự chấm', 'Ghi chú'],
    [1, 'Công tác chỉ đạo, điều hành', 'Ban hành kế hoạch CCHC năm', 2, 2, ''],
    [2, '', 'Báo cáo CCHC đúng hạn', 1.5, 1, 'quý'],
    [1, 'Cải cách thể chế', 'Ban hành văn bản QPPL đúng thẩm quyền', 3, 3, ''],
    [2, '', 'Kiểm tra, rà soát văn bản', 0.75, 0.5, ''],
  ]);
  sheet.mergeCells('B3:B4');
  sheet.mergeCells('B5:B6');
  return {
    name: 'bo-tieu-chi-cua-tinh.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

describe("importing a province's own criteria sheet in the browser", () => {
  let portal: Portal<'admin'> | undefined;
  let browser: Browser;
  const indexCode = `MAP${randomUUID().slice(0, 5).toUpperCase().replace(/-/g, '')}`;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment', ...frontendApps],
      users: { admin: { roles: ['admin'], unit: 'SNV' } },
    });
    browser = await launchChromium();
    await eventually(
      async () =>
        (
          await callApi('/indices', {
            method: 'POST',
            token: portal!.tokens.admin,
            body: { code: indexCode, name: `Chỉ số thử ${indexCode}` },
          })
        ).status === 201,
      20_000,
      'the gateway routing to the assessment service',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('imports the sheet by confirming the guessed columns, and becomes a valid set with the right total', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const admin = portal!.users.admin;
    const file = await provincialSheet();
    try {
      await page.goto(`${shell()}/admin/criteria-sets`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.waitForSelector('[data-testid="criteria-sets-table"]', { timeout: 30_000 });
      await page.click('[data-testid="criteria-import-open"]');
      await page.locator('[data-testid="criteria-import-file"]').setInputFiles(file);

      // Every column with the role guessed for it.
      const summary = page.getByTestId('criteria-import-summary');
      await summary.getByText('không có lỗi').waitFor();
      const role = (column: number) => page.getByTestId(`criteria-import-column-${column}`);
      const shownRoles = await Promise.all(
        [0, 1, 2, 3, 4, 5].map(async (c) =>
          (await role(c).locator('.ant-select').innerText()).trim(),
        ),
      );
      expect(shownRoles).toEqual([
        'Mã tiêu chí',
        'Tên lĩnh vực',
        'Tên tiêu chí',
        'Điểm tối đa',
        'Điểm tự chấm (không nhập)',
        'Bỏ qua',
      ]);
      expect(await page.getByTestId('criteria-import-kept-aside').innerText()).toContain(
        '«Điểm tự chấm»: không nhập thành tiêu chí',
      );
      // Areas made from the merged column, shown as created, with their children's sum.
      expect(await page.getByTestId('criteria-import-row-new-1').innerText()).toContain('tạo mới');
      expect(await page.getByTestId('criteria-import-cell-new-1-title').innerText()).toBe(
        'Công tác chỉ đạo, điều hành',
      );
      expect(await page.getByTestId('criteria-import-cell-new-2-maxScore').innerText()).toContain(
        '3.75',
      );
      expect(await page.getByTestId('criteria-import-cell-4-code').innerText()).toContain('1.2');
      expect(await page.getByTestId('criteria-import-cell-4-ruleType').innerText()).toContain(
        'manual',
      );

      // A second column as the maximum: refused at once, nothing to import.
      const commit = page.getByTestId('criteria-import-commit');
      await chooseOption(page, 'criteria-import-role-5', 'Điểm tối đa');
      await page
        .getByTestId('criteria-import-mapping-problem')
        .getByText('cùng được chọn là «Điểm tối đa»')
        .waitFor();
      expect(await commit.isDisabled()).toBe(true);
      await chooseOption(page, 'criteria-import-role-5', 'Bỏ qua');
      await page.getByTestId('criteria-import-mapping-problem').waitFor({ state: 'detached' });

      // The second area's code, changed by the admin: its rows follow.
      await page.getByTestId('criteria-import-area-code-1').fill('TC');
      await page.getByTestId('criteria-import-cell-6-code').getByText('TC.2').waitFor();
      await eventually(async () => !(await commit.isDisabled()), 20_000, 'the re-check');

      await chooseBySearch(page, 'criteria-import-index', indexCode);
      await page.fill('#criteria-import-year', '2026');
      await page.fill('#criteria-import-unit-group', 'xa-phuong');
      await page.fill('#criteria-import-name', `Bộ của tỉnh ${indexCode}`);
      await commit.click();
      await page.getByTestId('criteria-node-TC.2').waitFor();
      // 2 + 1.5 + 3 + 0.75, by hand.
      expect(await page.getByTestId('criteria-set-total').innerText()).toBe('7,25');
      const sets = await callApi(`/criteria-sets?indexCode=${indexCode}`, {
        token: portal!.tokens.admin,
      });
      expect(sets.body.items).toEqual([
        expect.objectContaining({ valid: true, totalMax: 725, unitGroup: 'xa-phuong' }),
      ]);

      // The same header again: the mapping made for it comes back.
      await page.getByRole('link', { name: 'Về danh sách bộ tiêu chí' }).click();
      await page.click('[data-testid="criteria-import-open"]');
      await page.locator('[data-testid="criteria-import-file"]').setInputFiles(file);
      await page.getByTestId('criteria-import-mapping-recalled').waitFor();
      expect(await page.getByTestId('criteria-import-area-code-1').inputValue()).toBe('TC');
    } finally {
      await context.close();
    }
  });
});
