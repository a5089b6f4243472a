/**
 * Building a criteria set in the editor, in Chromium: the admin creates a set, adds an area with
 * two leaves scored differently, sees the children's sum and the total with decimal commas,
 * moves a leaf with the keyboard and by drag and drop, previews the unit's form, saves, reads
 * the save in the set's history, and finds the set in the list;
 * and imports a messy sheet (row errors shown and blocking, safe cleaning shown), then clones the
 * imported set to the next year in one action; and a save over someone else's newer save is
 * refused with an offer to reload.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
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
import { type TestUser } from '../support/keycloak';

const shell = () => process.env.PAR_SHELL_URL!;

const sheetHeader =
  'Mã tiêu chí,Mã tiêu chí cha,Tên tiêu chí,Điểm tối đa,Giới hạn điểm,Cách chấm,Chi tiết cách chấm,' +
  'Số TLKC tối thiểu,Số TLKC tối đa,Bắt buộc giải trình,Đơn vị thẩm định,Hướng dẫn cho đơn vị,Hướng dẫn thẩm định';
const sheet = (rows: string[]) => ({
  name: 'bo-tieu-chi.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`\uFEFF${sheetHeader}\r\n${rows.join('\r\n')}\r\n`, 'utf8'),
});

/** The codes of the tree's nodes, top to bottom, as shown. */
const treeCodes = (page: Page) =>
  page.locator('[data-testid^="criteria-node-"]').evaluateAll((nodes) =>
    nodes
      .map((node) => node.getAttribute('data-testid') ?? '')
      .filter((id) => /^criteria-node-[0-9.]+$/.test(id))
      .map((id) => id.slice('criteria-node-'.length)),
  );

/**
 * Drags a node with the mouse, straight down or up so the tree keeps the level, and drops it
 * just below the middle of the target.
 */
async function drag(page: Page, from: string, to: string): Promise<void> {
  const source = (await page.getByTestId(`criteria-node-${from}`).boundingBox())!;
  const target = (await page.getByTestId(`criteria-node-${to}`).boundingBox())!;
  const x = source.x + source.width / 2;
  await page.mouse.move(x, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, source.y + source.height / 2 + 5, { steps: 3 });
  await page.mouse.move(x, target.y + target.height / 2 + 2, { steps: 8 });
  await page.mouse.up();
}

describe('the criteria-set editor in the browser', () => {
  let portal: Portal<'admin'> | undefined;
  let browser: Browser;
  let admin: TestUser;
  let token: string;
  const indexCode = `E2E${randomUUID().slice(0, 6).toUpperCase().replace(/-/g, '')}`;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment', ...frontendApps],
      users: { admin: { roles: ['admin'], unit: 'SNV' } },
    });
    browser = await launchChromium();
    admin = portal.users.admin;
    token = portal.tokens.admin;
    // The index is set-up data, not what this flow is about: made through the API.
    await eventually(
      async () =>
        (
          await callApi('/indices', {
            method: 'POST',
            token,
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

  it('builds an area with two differently scored leaves, shows sums and total, previews, saves and lists it', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const name = `Bộ tiêu chí thử ${indexCode}`;
    try {
      await page.goto(`${shell()}/admin/criteria-sets`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.waitForSelector('[data-testid="criteria-sets-table"]', { timeout: 30_000 });

      await page.click('[data-testid="criteria-set-create-open"]');
      await chooseBySearch(page, 'criteria-set-index', indexCode);
      await page.fill('[data-testid="criteria-set-year"]', '2026');
      await page.fill('[data-testid="criteria-set-unit-group"]', 'so-nganh');
      await page.fill('[data-testid="criteria-set-name"]', name);
      await page.click('[data-testid="criteria-set-create-submit"]');
      await page.getByTestId('criteria-tree-empty').waitFor();

      // An area, then a leaf typed by hand (2,5 points) under it.
      await page.click('[data-testid="criteria-add-area"]');
      await page.fill('#criterion-title', 'Công tác chỉ đạo, điều hành');
      await page.click('[data-testid="criteria-add-child"]');
      await page.getByTestId('criteria-node-1.1').waitFor();
      await page.fill('#criterion-title', 'Ban hành kế hoạch CCHC năm');
      await page.fill('#criterion-max', '2,5');
      await page.fill('#rule-manual-max', '2,5');

      // A sibling scored yes/no, with a decimal maximum.
      await page.click('[data-testid="criteria-add-sibling"]');
      await page.getByTestId('criteria-node-1.2').waitFor();
      await page.fill('#criterion-title', 'Có kiểm tra CCHC tại các đơn vị');
      await page.fill('#criterion-max', '1,25');
      // A click can land while the list redraws; the yes/no sub-form shows the choice was taken.
      for (let attempt = 1; attempt <= 3; attempt++) {
        await chooseOption(page, 'criterion-rule-type', 'Có/Không');
        const shown = await page
          .locator('#rule-boolean-yes')
          .waitFor({ timeout: 3_000 })
          .then(() => true)
          .catch(() => false);
        if (shown) break;
      }
      await page.fill('#rule-boolean-yes', '1,25');

      // The area shows its children's sum; its own maximum still says 1 until it takes the sum.
      const areaSum = page.getByTestId('criteria-node-sum-1');
      await page.waitForFunction(() =>
        document
          .querySelector('[data-testid="criteria-node-sum-1"]')
          ?.textContent?.includes('3,75'),
      );
      expect(await areaSum.innerText()).toBe('Tổng con: 3,75');
      await page.click('[data-testid="criteria-node-1"]');
      // The server's check lands under the area's maximum, in Vietnamese with decimal commas.
      await page
        .getByTestId('criterion-max-error')
        .getByText('Điểm tối đa 1 khác tổng điểm tối đa các tiêu chí con (3,75)')
        .waitFor({ timeout: 15_000 });
      await page.click('[data-testid="criterion-use-sum"]');
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="criteria-node-max-1"]')?.textContent ===
          'Tối đa 3,75',
      );
      expect(await page.getByTestId('criteria-set-total').innerText()).toBe('3,75');
      await page.getByTestId('criteria-set-valid').waitFor({ timeout: 15_000 });

      // Alt+↑ moves the selected leaf above its sibling; Alt+↓ puts it back.
      await page.click('[data-testid="criteria-node-1.2"]');
      await page.keyboard.press('Alt+ArrowUp');
      await eventually(
        async () => (await treeCodes(page)).join() === '1,1.2,1.1',
        5_000,
        'moved up',
      );
      await page.keyboard.press('Alt+ArrowDown');
      await eventually(
        async () => (await treeCodes(page)).join() === '1,1.1,1.2',
        5_000,
        'moved back',
      );

      // Enter opens the selected node in the form; Escape returns to the tree.
      const focused = () =>
        page.evaluate(() =>
          document.activeElement?.getAttribute('role') === 'tree'
            ? 'tree'
            : (document.activeElement?.id ?? ''),
        );
      await page.keyboard.press('Enter');
      await eventually(async () => (await focused()) === 'criterion-title', 5_000, 'form focus');
      await page.keyboard.press('Escape');
      await eventually(async () => (await focused()) === 'tree', 5_000, 'tree focus');

      // Dragged onto the area, a leaf becomes its first child.
      await drag(page, '1.2', '1');
      await eventually(
        async () => (await treeCodes(page)).join() === '1,1.2,1.1',
        5_000,
        'dragged onto the area',
      );

      // The unit's form: each leaf with the input its rule gives.
      await page.click('[data-testid="criteria-tab-preview"]');
      const manual = page.getByTestId('criteria-preview-leaf-1.1');
      await manual.waitFor();
      expect(await manual.innerText()).toContain('Từ 0 đến 2,5 điểm, bước 0,25');
      const yesNo = await page.getByTestId('criteria-preview-leaf-1.2').innerText();
      expect(yesNo).toContain('Có (1,25 điểm)');
      expect(yesNo).toContain('Cần 1–2 tài liệu kiểm chứng');

      await page.click('[data-testid="criteria-set-save"]');
      await page.getByText('Đã lưu. Bộ tiêu chí hợp lệ.').waitFor();
      expect(await page.getByTestId('criteria-set-unsaved').count()).toBe(0);

      // The save is in the set's history: who made it and which criteria it added.
      await page.click('[data-testid="history-open"]');
      const entries = page.getByTestId('history-entry');
      await entries.first().waitFor();
      expect(await entries.count()).toBe(2);
      const saved = await entries.nth(0).innerText();
      expect(saved).toContain('Lưu bộ tiêu chí');
      expect(saved).toContain(admin.username);
      // Added nodes are listed in the set's order, which the drag above made 1.2 before 1.1.
      expect(saved).toContain('Thêm: 1, 1.2, 1.1');
      expect(saved).toContain('Tổng điểm tối đa: 0 → 3,75');
      expect(await entries.nth(1).innerText()).toContain('Tạo mới trong trình soạn thảo');
      await page.keyboard.press('Escape');
      await page.getByTestId('history-drawer').waitFor({ state: 'hidden' });

      await page.getByRole('link', { name: 'Về danh sách bộ tiêu chí' }).click();
      // Earlier runs leave many sets on this stack: show only this run's index.
      await chooseBySearch(page, 'criteria-filter-index', indexCode);
      const row = page
        .getByTestId('criteria-sets-table')
        .getByRole('row')
        .filter({ hasText: name });
      await row.waitFor();
      const text = await row.innerText();
      expect(text).toContain(indexCode);
      expect(text).toContain('3,75');
      expect(text).toContain('Nháp');
      expect(text).toContain('Hợp lệ');
    } finally {
      await context.close();
    }
  });
  it('shows a messy sheet row by row, imports the corrected one, and clones it to the next year', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const name = `Bộ nhập thử ${indexCode}`;
    // A title over two lines with stray spaces, a decimal comma, a missing parent code, a total row.
    const rows = (rule: string) => [
      '1,,"  Lĩnh vực   thử\nnhiều dòng ",3,,,,0,0,không,,,',
      '1.1,,Tiêu chí A,"1,5",,manual,min=0 | max=1.5 | step=0.25,1,2,có,,,',
      `1.2,1,Tiêu chí B,1.5,,${rule},1,2,có,,,`,
      'Tổng cộng,,,3,,,,,,,,,',
    ];
    try {
      await page.goto(`${shell()}/admin/criteria-sets`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.waitForSelector('[data-testid="criteria-sets-table"]', { timeout: 30_000 });

      await page.click('[data-testid="criteria-import-open"]');
      const picker = page.locator('[data-testid="criteria-import-file"]');
      await picker.setInputFiles(sheet(rows('magic,')));
      const summary = page.getByTestId('criteria-import-summary');
      await summary.getByText('1 dòng có lỗi').waitFor();
      expect(await summary.innerText()).toContain('Dòng 5 là dòng tổng cộng (3)');
      expect(await page.getByTestId('criteria-import-cell-4-ruleType').innerText()).toContain(
        'Cách chấm điểm «magic» không hợp lệ',
      );
      expect(await page.getByTestId('criteria-import-cell-2-title').innerText()).toBe(
        'Lĩnh vực thử nhiều dòngđã làm sạch',
      );
      expect(await page.getByTestId('criteria-import-cell-3-parentCode').innerText()).toBe(
        '1đã làm sạch',
      );
      const commit = page.getByTestId('criteria-import-commit');
      expect(await commit.isDisabled()).toBe(true);

      await picker.setInputFiles(sheet(rows('boolean,yes=1.5 | no=0')));
      await summary.getByText('không có lỗi').waitFor();
      await chooseBySearch(page, 'criteria-import-index', indexCode);
      await page.fill('#criteria-import-year', '2025');
      await page.fill('#criteria-import-unit-group', 'xa-phuong');
      await page.fill('#criteria-import-name', name);
      await commit.click();
      await page.getByTestId('criteria-node-1.2').waitFor();
      expect(await page.getByTestId('criteria-set-total').innerText()).toBe('3');

      await page.getByRole('link', { name: 'Về danh sách bộ tiêu chí' }).click();
      // Earlier runs leave many sets on this stack: show only this run's index.
      await chooseBySearch(page, 'criteria-filter-index', indexCode);
      const row = page
        .getByTestId('criteria-sets-table')
        .getByRole('row')
        .filter({ hasText: name });
      await row.getByRole('button', { name: 'Sao chép cho năm 2026' }).click();
      await page.getByRole('button', { name: 'Sao chép', exact: true }).click();
      await page.getByText('cho năm 2026.').waitFor();
      await page.getByTestId('criteria-node-1.2').waitFor();
      expect(await page.getByTestId('criteria-set-total').innerText()).toBe('3');

      await page.getByRole('link', { name: 'Về danh sách bộ tiêu chí' }).click();
      // Earlier runs leave many sets on this stack: show only this run's index.
      await chooseBySearch(page, 'criteria-filter-index', indexCode);
      const years = page
        .getByTestId('criteria-sets-table')
        .getByRole('row')
        .filter({ hasText: 'xa-phuong' })
        .filter({ hasText: indexCode });
      await eventually(async () => (await years.count()) === 2, 10_000, 'both years listed');
      const listed = (await years.allInnerTexts()).join('\n');
      expect(listed).toContain('2025');
      expect(listed).toContain('2026');
    } finally {
      await context.close();
    }
  });
  it('refuses a save over a newer one and reloads the latest version on request', async () => {
    const created = await callApi('/criteria-sets', {
      method: 'POST',
      token,
      body: {
        indexCode,
        year: 2024,
        unitGroup: 'so-nganh',
        name: `Bộ sửa đồng thời ${indexCode}`,
        nodes: [
          {
            code: '1',
            title: 'Lĩnh vực',
            maxScore: 100,
            rule: { type: 'boolean', yesScore: 100, noScore: 0 },
          },
        ],
      },
    });
    expect(created.status).toBe(201);
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await page.goto(`${shell()}/admin/criteria-sets/${created.body.id}`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.getByTestId('criteria-node-1').waitFor({ timeout: 30_000 });
      await page.click('[data-testid="criteria-node-1"]');

      // Someone else saves first, through the API.
      const other = await callApi(`/criteria-sets/${created.body.id}`, {
        method: 'PUT',
        token,
        body: {
          version: created.body.version,
          nodes: [{ ...created.body.nodes[0], title: 'Đổi bởi người khác' }],
        },
      });
      expect(other.status).toBe(200);

      await page.fill('#criterion-title', 'Sửa của tôi');
      await page.getByTestId('criteria-set-unsaved').waitFor();
      await page.click('[data-testid="criteria-set-save"]');
      await page.getByTestId('criteria-set-conflict').waitFor();
      await page.click('[data-testid="criteria-set-reload"]');
      await page
        .getByTestId('criteria-node-1')
        .getByText('Đổi bởi người khác')
        .waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('criteria-set-unsaved').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
