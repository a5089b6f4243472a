/**
 * Issue 4's "done when", lived through in Chromium as a new admin would: a province's units
 * come in from a sheet on "Đơn vị", every commune and ward of a group gets an account on
 * "Tài khoản", the hand-over sheet is downloaded from the page, and accounts from that sheet log
 * in with their temporary password, change it on Keycloak's page and land on their area.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { frontendApps, startApps, stopApps, type RunningApp } from '../../deploy/local/apps/apps';
import { adminApi } from '../../deploy/local/apps/keycloak-admin';
import { completeFirstLogin, launchChromium, loginThroughKeycloak } from '../support/browser';
import { createUser, deleteUser, type TestUser } from '../support/keycloak';

const shell = () => process.env.PAR_SHELL_URL!;

// Units are never deleted, so every run imports its own codes and groups: the fixture's
// placeholder "RUN" becomes a fresh prefix, and the test can run twice on one stack.
const run = `P${randomUUID().slice(0, 5).toUpperCase()}`;
const communeGroup = `xa-phuong-${run.toLowerCase()}`;

/** The fixture sheet with this run's codes and groups, as the admin's file picker gets it. */
async function provinceSheet(): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const text = await readFile(join(__dirname, 'fixtures', 'tinh-tuyen-quang.csv'), 'utf8');
  return {
    name: 'tinh-tuyen-quang.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      text.replace(/\bRUN-/g, `${run}-`).replace(/-run\b/g, `-${run.toLowerCase()}`),
      'utf8',
    ),
  };
}

/** The communes and wards of the fixture (code → name): the group that gets accounts. */
async function communesOfSheet(): Promise<Map<string, string>> {
  const { buffer } = await provinceSheet();
  const communes = new Map<string, string>();
  for (const line of buffer.toString('utf8').split(/\r?\n/).slice(1)) {
    const [code, name, , , group] = line.split(',');
    if (group === communeGroup) communes.set(code!, name!);
  }
  return communes;
}

/** The hand-over sheet as its reader sees it: one record per row, keyed by the header. */
function parseHandover(csv: string): Array<Record<string, string>> {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = csv
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map(splitCsvLine);
  return rows.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])));
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

describe('setting up a province in the browser', () => {
  let apps: RunningApp[] = [];
  let browser: Browser;
  let admin: TestUser;

  beforeAll(async () => {
    apps = await startApps(['gateway', 'accounts', 'assessment', ...frontendApps]);
    browser = await launchChromium();
    admin = await createUser({
      roles: ['admin'],
      unit: 'SNV',
      firstName: 'Thu',
      lastName: 'Nguyễn',
    });
  });

  afterAll(async () => {
    await browser?.close();
    await stopApps(apps);
    // Units stay by design; the accounts this run issued go, found by their derived names.
    const issued = await adminApi<Array<{ id: string; username: string }>>(
      'GET',
      `/users?max=100&search=${encodeURIComponent(`nhaplieu.${run.toLowerCase()}-`)}`,
    ).catch(() => []);
    await Promise.allSettled(issued.map((user) => adminApi('DELETE', `/users/${user.id}`)));
    if (admin) await deleteUser(admin);
  });

  it('imports a province from a sheet, issues an account to every commune and ward of its group, hands the passwords over, and the accounts log in and change their password', async () => {
    const communes = await communesOfSheet();
    expect(communes.size).toBe(12);
    const context = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    let handover: Array<Record<string, string>>;
    try {
      await page.goto(`${shell()}/admin/units`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.waitForSelector('[data-testid="units-table"]', { timeout: 30_000 });

      // Import: the preview shows every row, cleaned and checked, before anything is written.
      await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
      // The dialog tells a new admin which kind codes the sheet takes.
      const kinds = await page.getByTestId('unit-import-kinds').innerText();
      for (const kind of ['province (Tỉnh, thành phố)', 'commune (Xã)', 'ward (Phường)'])
        expect(kinds).toContain(kind);
      await page.getByLabel('Tệp đơn vị').setInputFiles(await provinceSheet());
      const summary = page.getByTestId('unit-import-summary');
      await summary.getByText('Tệp «tinh-tuyen-quang.csv»: 17 dòng, không có lỗi').waitFor();
      await page.getByTestId('unit-import-row-18').waitFor();
      expect(await page.getByTestId('unit-import-cell-2-name').innerText()).toContain(
        'Tỉnh Tuyên Quang',
      );
      expect(await page.getByTestId('unit-import-cell-18-name').innerText()).toContain(
        'Xã Đồng Văn',
      );
      expect(await page.getByTestId('unit-import-cell-18-parentCode').innerText()).toContain(
        `${run}-TQ`,
      );
      expect(await page.getByTestId('unit-import-cell-7-kind').innerText()).toContain(
        'ward (Phường)',
      );
      const commit = page.getByTestId('unit-import-commit');
      expect(await commit.innerText()).toContain('Nhập 17 đơn vị');
      await page.waitForFunction(
        () =>
          !(document.querySelector('[data-testid="unit-import-commit"]') as HTMLButtonElement)
            .disabled,
      );
      await commit.click();
      await page.getByText('Đã nhập 17 đơn vị từ tệp «tinh-tuyen-quang.csv».').waitFor();

      await page.getByLabel('Tìm đơn vị').fill(run);
      await page.getByTestId('unit-count').getByText('17 đơn vị').waitFor();
      const table = page.getByTestId('units-table');
      const row = table
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: `${run}-X-CHIEMHOA`, exact: true }) });
      await row.waitFor();
      const rowText = await row.innerText();
      expect(rowText).toContain('Xã Chiêm Hóa');
      expect(rowText).toContain('Tỉnh Tuyên Quang');
      expect(rowText).toContain(communeGroup);

      // Accounts for the whole group, chosen by the group's name and size.
      await page.getByRole('link', { name: 'Tài khoản' }).first().click();
      await page.waitForSelector('[data-testid="accounts-table"]');
      await page.getByRole('button', { name: 'Cấp tài khoản' }).click();
      await page.getByRole('radio', { name: 'Tất cả đơn vị của một nhóm' }).check();
      // Many groups pile up on a province's list (and on a test stack): type to find this one.
      await page.locator('#account-unit-group').click();
      await page.keyboard.type(communeGroup);
      await page
        .locator('.ant-select-item-option', { hasText: `${communeGroup} (12 đơn vị)` })
        .click();
      expect(await page.getByRole('checkbox', { name: /Nhập liệu/ }).isChecked()).toBe(true);
      await page.getByTestId('account-submit').click();
      // A group is issued as a job: its progress, then the passwords on request, once.
      await page.getByTestId('account-job-passwords').click();

      // Every password is shown once, next to the unit it belongs to.
      const issued = page.getByRole('dialog', { name: 'Mật khẩu tạm thời (12 tài khoản)' });
      await issued.waitFor();
      expect(await issued.getByTestId('issued-password').count()).toBe(12);
      const shown = issued
        .getByRole('row')
        .filter({ hasText: `nhaplieu.${run.toLowerCase()}-x-chiemhoa` });
      expect(await shown.innerText()).toContain('Xã Chiêm Hóa');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        issued.getByRole('button', { name: 'Tải bảng bàn giao (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^ban-giao-tai-khoan-\d{4}-\d{2}-\d{2}\.csv$/);
      handover = parseHandover(await readFile((await download.path())!, 'utf8'));

      expect(handover.map((r) => r['Đơn vị']).sort()).toEqual([...communes.keys()].sort());
      for (const record of handover) {
        const code = record['Đơn vị']!;
        expect(record['Tên đăng nhập']).toBe(`nhaplieu.${code.toLowerCase()}`);
        expect(record['Vai trò']).toBe('data-entry');
        // Whoever hands the sheet out needs the unit's name, not only its code.
        expect(record['Tên đơn vị']).toBe(communes.get(code));
        expect(record['Mật khẩu tạm thời']!.length).toBeGreaterThanOrEqual(10);
        const onPage = issued.getByRole('row').filter({ hasText: record['Tên đăng nhập']! });
        expect(await onPage.getByTestId('issued-password').innerText()).toBe(
          record['Mật khẩu tạm thời'],
        );
      }

      await issued.getByRole('button', { name: 'Tôi đã lưu, đóng lại' }).click();
      const listed = page
        .getByTestId('accounts-table')
        .getByRole('row')
        .filter({ hasText: `nhaplieu.${run.toLowerCase()}-x-chiemhoa` });
      await listed.waitFor();
      expect(await listed.innerText()).toContain('Chờ đổi mật khẩu');
    } finally {
      await context.close();
    }

    // Two of the handed-over accounts, a ward and a commune, as their officers first use them.
    for (const code of [`${run}-P-MINHXUAN`, `${run}-X-DONGVAN`]) {
      const record = handover.find((r) => r['Đơn vị'] === code)!;
      const officerContext = await browser.newContext({ locale: 'vi-VN' });
      const officer = await officerContext.newPage();
      try {
        await officer.goto(shell());
        await loginThroughKeycloak(officer, record['Tên đăng nhập']!, record['Mật khẩu tạm thời']!);
        await completeFirstLogin(officer, `Moi-${randomUUID().slice(0, 12)}`, shell());
        await officer.waitForURL((url) => url.pathname.startsWith('/self-assessment'), {
          timeout: 30_000,
        });
        // The area's own page, not only the shell's tab: the remote has loaded for this account.
        await officer.getByTestId('no-open-period').waitFor({ timeout: 30_000 });
        // The shell names the account's unit in its user menu, as imported, with its code.
        await officer.getByTestId('user-menu').click();
        const unit = officer.getByTestId('user-unit');
        await unit.getByText(`Đơn vị: ${record['Tên đơn vị']}`).waitFor();
        expect(await unit.innerText()).toContain(`(${code})`);
      } finally {
        await officerContext.close();
      }
    }
  });
});
