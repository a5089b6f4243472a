/**
 * The admin's "Tiến độ thẩm định" in Chromium: reached from the period's assignments, it shows an
 * appraiser's round-1 progress change live as the appraiser (through the API) saves, then the
 * round sent; the reopen dialog wants a reason, shows the server's refusal when another admin
 * reopened first, and reopens the re-sent round with the reason the appraiser then reads; the
 * export downloads and reads back: the units, then the appraisers with their sending time, and
 * round 2 left empty (page and sheet) since the period has not reached it.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { formatVietnamDateTime } from '@par/contracts';
import { readXlsxTable } from '@par/sheets';
import { callApi } from '../support/api';
import { chooseBySearch, launchChromium, loginThroughKeycloak } from '../support/browser';
import { openAppraisalPortal, openRound1 } from '../support/appraisal-fixture';
import { twoLeafSetWithoutEvidence } from '../support/open-period';
import type { Portal } from '../support/portal-fixture';

const shell = () => process.env.PAR_SHELL_URL!;

describe("the admin's appraisal progress in the browser", () => {
  let portal: Portal<'admin' | 'appraiser'> | undefined;
  let browser: Browser;
  let periodId: string;
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const group = `E2PG${suffix}`;
  const unit = `PG${suffix}`;
  const periodName = `Tiến độ thẩm định ${suffix}`;

  const asAppraiser = (path: string, method = 'GET', body?: object) =>
    callApi(`/appraisal/periods/${periodId}${path}`, {
      method,
      token: portal!.tokens.appraiser,
      body,
    });
  const send = async () => {
    const sent = await asAppraiser('/rounds/1/send', 'POST', {});
    expect(sent.status).toBe(200);
    return sent.body.sentAt as string;
  };

  beforeAll(async () => {
    portal = await openAppraisalPortal({
      admin: { roles: ['admin'], unit: 'SNV' },
      appraiser: { roles: ['appraisal'], unit: 'STP' },
    });
    browser = await launchChromium();
    // Area 1 (3 points): 1.1 manual up to 1,5 in steps of 0,25; 1.2 yes 1,5. No evidence asked.
    // The unit self-scores 1,5 and yes, and its approver submits; area 1 of the unit to the
    // appraiser; then the admin starts round 1.
    ({ periodId } = await openRound1(portal, {
      token: portal.tokens.admin,
      unitGroup: group,
      units: [unit],
      name: periodName,
      nodes: twoLeafSetWithoutEvidence,
      selfAssessments: { [unit]: { inputs: { '1.1': { value: 150 }, '1.2': { yes: true } } } },
      assignments: [
        { appraiserIds: [portal.users.appraiser.id], criterionCodes: ['1'], unitCodes: [unit] },
      ],
    }));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('follows an appraiser live, reopens a sent round with a reason, and exports', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    const { admin, appraiser } = portal!.users;
    const row = `appraiser-${appraiser.username}-round1`;
    const live = { timeout: 30_000 };
    try {
      // From the period's assignments to its progress page.
      await page.goto(`${shell()}/admin/assignments`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await chooseBySearch(page, 'assignment-period', periodName);
      await page.getByTestId('assignment-progress-link').click();
      await page.waitForURL(`**/admin/appraisal-progress/${periodId}`);
      await page.getByTestId('progress-phase').getByText('Thẩm định vòng 1').waitFor(live);

      // Nothing appraised yet: 0 of the 2 entries, not sent; the unit not opened.
      await page.getByTestId(`${row}-count`).getByText('đã thẩm định 0/2').waitFor(live);
      await page.getByTestId(`${row}-not-sent`).waitFor();
      await page.getByTestId(`unit-${unit}-state`).getByText('Chưa mở').waitFor();
      // Round 2 has not begun: nothing to show for it yet.
      await page
        .getByTestId(`appraiser-${appraiser.username}-round2-not-begun`)
        .getByText('Chưa bắt đầu')
        .waitFor();
      await page.getByTestId(`unit-${unit}-round2-not-begun`).waitFor();
      expect(await page.getByTestId(`reopen-${appraiser.username}-round1`).count()).toBe(0);

      // The appraiser opens the unit and saves 1.1 at its self-score: 1/2 without a reload.
      const opened = await asAppraiser(`/units/${unit}`);
      expect(opened.status).toBe(200);
      const saved = await asAppraiser(`/units/${unit}/entries/1.1/rounds/1`, 'PUT', {
        version: 0,
        inputs: { value: 150 },
      });
      expect(saved.status).toBe(200);
      await page.getByTestId(`${row}-count`).getByText('đã thẩm định 1/2').waitFor(live);
      await page.getByTestId(`unit-${unit}-state`).getByText('Đang thẩm định vòng 1').waitFor();
      await page.getByTestId(`unit-${unit}-round1`).getByText('1/2').waitFor();

      // 1.2 too, and the round is sent: 2/2, sent at the server's time, the unit done.
      const saved2 = await asAppraiser(`/units/${unit}/entries/1.2/rounds/1`, 'PUT', {
        version: 0,
        inputs: { yes: true },
      });
      expect(saved2.status).toBe(200);
      const firstSent = await send();
      await page
        .getByTestId(`${row}-sent`)
        .getByText(`Đã gửi lúc ${formatVietnamDateTime(firstSent)}`)
        .waitFor(live);
      await page.getByTestId(`${row}-count`).getByText('đã thẩm định 2/2').waitFor();
      await page.getByTestId(`unit-${unit}-state`).getByText('Xong vòng 1').waitFor();
      // 1,5 + 1,5 = 3 points in round 1.
      await page.getByTestId('unit-table').getByText(`${unit} — Sở Thử ${unit}`).waitFor();
      await page
        .getByTestId('progress-totals')
        .getByText('1/1 người thẩm định đã gửi vòng 1')
        .waitFor();

      // The dialog wants a reason: empty is refused here, too short by the server.
      await page.getByTestId(`reopen-${appraiser.username}-round1`).click();
      const reason = page.locator('#reopen-reason');
      await reason.waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'reopen-reason');
      await page.keyboard.press('Enter');
      await page.getByText('Hãy ghi lý do mở lại vòng.', { exact: true }).waitFor();
      await page.keyboard.type('abc');
      await page.keyboard.press('Enter');
      await page.getByText('Hãy ghi lý do mở lại vòng (từ 5 đến 1000 ký tự).').waitFor(live);

      // Another admin reopens it first: the dialog shows the server's refusal.
      const first = await callApi(`/appraisal/periods/${periodId}/rounds/1/reopen`, {
        method: 'POST',
        token: portal!.tokens.admin,
        body: { appraiserId: appraiser.id, reason: 'Mở lại qua API trước' },
      });
      expect(first.status).toBe(200);
      await reason.fill('Chấm lại tiêu chí 1.1 theo văn bản mới');
      await page.keyboard.press('Enter');
      await page
        .getByTestId('reopen-error')
        .getByText('Người thẩm định này chưa gửi vòng 1; không có gì để mở lại.')
        .waitFor(live);
      await page.keyboard.press('Escape');
      await page.getByTestId(`${row}-not-sent`).waitFor(live);

      // The appraiser sends again; the page sees it and the export carries it.
      const sentAt = await send();
      await page
        .getByTestId(`${row}-sent`)
        .getByText(`Đã gửi lúc ${formatVietnamDateTime(sentAt)}`)
        .waitFor(live);
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByTestId('progress-export').click(),
      ]);
      expect(download.suggestedFilename()).toBe(`tien-do-tham-dinh-${periodId}.xlsx`);
      const file = await readFile((await download.path())!);
      const units = await readXlsxTable(file);
      expect(units[0]).toEqual([
        'Mã đơn vị',
        'Tên đơn vị',
        'Nhóm đơn vị',
        'Trạng thái',
        'Số tiêu chí',
        'Đã thẩm định vòng 1',
        'Đã thẩm định vòng 2',
        'Câu hỏi giải trình',
        'Đã trả lời',
        'Điểm vòng 1',
        'Điểm vòng 2',
      ]);
      // Round 2 has not begun: its columns are left empty (a reader may drop empty last cells).
      const padded = (cells: string[]) => [...cells, ...Array(11 - cells.length).fill('')];
      expect(units.slice(1).map(padded)).toEqual([
        [unit, `Sở Thử ${unit}`, group, 'Xong vòng 1', '2', '2', '', '0', '0', '3', ''],
      ]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
      const people = workbook.getWorksheet('Người thẩm định')!;
      // Six columns read by position, so that an empty last cell still counts.
      const rowsOf = (r: number) => [1, 2, 3, 4, 5, 6].map((c) => people.getRow(r).getCell(c).text);
      expect(rowsOf(1)).toEqual([
        'Người thẩm định',
        'Số tiêu chí được giao',
        'Đã thẩm định vòng 1',
        'Gửi vòng 1 lúc',
        'Đã thẩm định vòng 2',
        'Gửi vòng 2 lúc',
      ]);
      expect(rowsOf(2)).toEqual([
        appraiser.username,
        '2',
        '2',
        formatVietnamDateTime(sentAt),
        '',
        '',
      ]);

      // Reopened from the page, by the keyboard, with the reason the appraiser then reads.
      await page.getByTestId(`reopen-${appraiser.username}-round1`).click();
      await page.waitForFunction(() => document.activeElement?.id === 'reopen-reason');
      await page.keyboard.type('Chấm lại tiêu chí 1.1 theo văn bản mới');
      await page.keyboard.press('Enter');
      await page.getByText(`Đã mở lại vòng 1 của ${appraiser.username}.`).waitFor(live);
      await page.getByTestId(`${row}-not-sent`).waitFor(live);
      const worklist = await asAppraiser('/my/units');
      const round1 = worklist.body.rounds.find((r: { round: number }) => r.round === 1);
      expect(round1).toMatchObject({
        sentAt: null,
        reopened: {
          reason: 'Chấm lại tiêu chí 1.1 theo văn bản mới',
          by: { id: admin.id },
        },
      });
    } finally {
      await context.close();
    }
  });
});
