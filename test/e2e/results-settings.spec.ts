/**
 * The results settings in Chromium: the admin imports survey results through the dialog (a
 * score out of range refused in Vietnamese with nothing to import, then the corrected sheet;
 * one result sent again replaces the earlier one and the preview says which), consolidates and
 * sees the survey scores in the table; sets a band table of the index (the server's refusal of a
 * bound out of order shown on its row, then the corrected table saved with Enter) and sees the
 * new bands in the table; picks a tie-break and sees it recorded with the draft.
 *
 * Each unit scores only the survey leaf 2.3 (0,5 points at most) of the 6-point set.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { frontendApps } from '../../deploy/local/apps/apps';
import {
  DAY,
  HOUR,
  createPeriod,
  createSelfAssessmentSet,
  createUnit,
  phasesFrom,
} from '../../services/assessment/test/integration/self-assessment-support';
import { callApi as call } from '../support/api';
import {
  chooseBySearch,
  chooseOption,
  launchChromium,
  loginThroughKeycloak,
} from '../support/browser';
import { eventually } from '../support/eventually';
import { openPortal, type Portal } from '../support/portal-fixture';

const shell = () => process.env.PAR_SHELL_URL!;
const sheet = (lines: string[]) => ({
  name: 'sipas.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`${lines.join('\r\n')}\r\n`),
});

describe('survey import, band table and tie-break in the browser', () => {
  let portal: Portal<'admin'> | undefined;
  let browser: Browser;
  const suffix = randomUUID().slice(0, 5).toUpperCase();
  const group = `TS${suffix}`;
  const indexCode = `TS${suffix}`;
  const [A, B, C] = ['A', 'B', 'C'].map((p) => `${p}${suffix}`) as [string, string, string];
  const periodName = `Thiết lập ${suffix}`;
  let periodId: string;
  const ranking = () => `/ranking/periods/${periodId}`;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment', 'appraisal', 'ranking', ...frontendApps],
      users: { admin: { roles: ['admin'], unit: 'SNV' } },
      routes: ['accounts', 'assessment'],
    });
    browser = await launchChromium();
    const token = portal.tokens.admin;
    for (const code of [A, B, C]) await createUnit(token, code, group);
    const setId = await createSelfAssessmentSet(token, { indexCode, year: 2026, unitGroup: group });
    periodId = (
      await createPeriod(token, {
        indexCode,
        year: 2026,
        name: periodName,
        criteriaSets: [{ unitGroup: group, criteriaSetId: setId }],
        phases: phasesFrom(-HOUR, 2 * DAY),
      })
    ).id;
    await eventually(
      async () => (await call(`${ranking()}/publications`, { token })).status === 200,
      30_000,
      'the gateway routing to the ranking service',
    );
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  /** Nobody submits: the admin counts every unit's missing scores 0, through the API. */
  async function countMissingAsZero(): Promise<void> {
    const token = portal!.tokens.admin;
    let version = (await call(`${ranking()}/blocker-decisions`, { token })).body.version as number;
    for (const unit of [A, B, C]) {
      for (const kind of ['notSubmitted', 'notAppraised']) {
        const res = await call(`${ranking()}/blocker-decisions/${unit}/${kind}`, {
          method: 'PUT',
          token,
          body: { decision: 'zero', reason: 'Đơn vị không nộp hồ sơ đúng hạn', version },
        });
        if (res.status !== 200)
          throw new Error(`decide: ${res.status} ${JSON.stringify(res.body)}`);
        version = res.body.version;
      }
    }
  }

  const importSheet = async (page: Page, lines: string[]) => {
    await page.getByTestId('survey-import-open').click();
    await page.getByTestId('survey-import-file').setInputFiles(sheet(lines));
  };

  it('imports survey scores, sets the bands and a tie-break, and sees them in the table', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const { admin } = portal!.users;
    const draft = page.getByTestId('results-draft');
    const rowOf = (unit: string) => draft.locator('tbody tr.ant-table-row', { hasText: unit });
    try {
      await page.goto(`${shell()}/admin/results`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await chooseBySearch(page, 'results-period', periodName);
      await page.getByTestId('results-empty').waitFor({ timeout: 30_000 });
      // Before the first draft there are no areas to break ties with: said, not an empty select.
      await page.getByTestId('results-tie-break-empty').waitFor();

      // 0,75 is above 2.3's 0,5 points: the row's error, and nothing to import.
      await importSheet(page, ['Mã đơn vị,Mã tiêu chí,Điểm', `${A},2.3,"0,75"`]);
      await page
        .getByTestId('survey-import-preview')
        .getByText('nằm ngoài khoảng 0 – 0,5 của tiêu chí «2.3». Hãy sửa điểm.', { exact: false })
        .waitFor({ timeout: 30_000 });
      await expect(page.getByTestId('survey-import-commit').isDisabled()).resolves.toBe(true);
      await page
        .getByTestId('survey-import-file')
        .setInputFiles(
          sheet([
            'Mã đơn vị,Mã tiêu chí,Điểm',
            `${A},2.3,"0,5"`,
            `${B},2.3,"0,25"`,
            `${C},2.3,"0,25"`,
          ]),
        );
      await page
        .getByTestId('survey-import-summary')
        .getByText('không có lỗi')
        .waitFor({ timeout: 30_000 });
      await page.getByTestId('survey-import-commit').click();
      await page
        .getByText('Đã nhập 3 điểm điều tra từ tệp «sipas.csv» (0 điểm thay điểm cũ)')
        .waitFor({ timeout: 30_000 });

      // B's result sent again: the preview shows the 0,25 it replaces; it replaces, never adds.
      await importSheet(page, ['Mã đơn vị,Mã tiêu chí,Điểm', `${B},2.3,"0,5"`]);
      await expect(
        page.getByTestId('survey-import-replaces-2').innerText({ timeout: 30_000 }),
      ).resolves.toBe('0,25');
      await page.getByTestId('survey-import-commit').click();
      await page
        .getByText('Đã nhập 1 điểm điều tra từ tệp «sipas.csv» (1 điểm thay điểm cũ)')
        .waitFor({ timeout: 30_000 });

      await page.getByTestId('results-consolidate').click();
      await draft.getByText('Bảng tổng hợp (bản nháp 1)').waitFor({ timeout: 30_000 });
      await countMissingAsZero();
      await page.getByTestId('results-consolidate').click();
      await draft.getByText('Bảng tổng hợp (bản nháp 2)').waitFor({ timeout: 30_000 });
      // A and B 0,5 of 6 = 8,33 % (tied first), C 0,25 of 6 = 4,17 %; all D by default.
      await expect(draft.getByTestId(`index-${A}`).innerText()).resolves.toBe('8,33 %');
      await expect(draft.getByTestId(`index-${B}`).innerText()).resolves.toBe('8,33 %');
      await expect(draft.getByTestId(`index-${C}`).innerText()).resolves.toBe('4,17 %');
      await rowOf(C).getByText('D', { exact: true }).waitFor();

      // The band table: the default until one is set; its 4 rows become 3.
      await page.getByTestId('band-table-open').click();
      await page.getByTestId('band-table-default').waitFor({ timeout: 30_000 });
      await expect(page.getByTestId('band-min-0').inputValue()).resolves.toBe('90');
      await page.getByTestId('band-remove-3').click();
      const fillRow = async (position: number, label: string, min: string) => {
        await page.getByTestId(`band-label-${position}`).fill(label);
        await page.getByTestId(`band-min-${position}`).fill(min);
      };
      await fillRow(0, 'Khá', '8,3');
      await fillRow(1, 'Trung bình', '8,5');
      await fillRow(2, 'Yếu', '0');
      await page.getByTestId('band-save').click();
      // 8,5 % is not below the band above's 8,3 %: the server refuses, the row says what to do.
      await page
        .getByTestId('band-errors-1')
        .getByText('Ngưỡng phải thấp hơn ngưỡng của mức ngay trên', { exact: false })
        .waitFor({ timeout: 15_000 });
      await page.getByTestId('band-table-error').getByText('Bảng xếp loại chưa hợp lệ').waitFor();
      expect(await page.getByTestId('band-errors-0').count()).toBe(0);
      await page.getByTestId('band-min-1').fill('5');
      await page.getByTestId('band-min-1').press('Enter');
      await page
        .getByText(`Đã lưu bảng xếp loại của chỉ số ${indexCode}.`, { exact: false })
        .waitFor({ timeout: 30_000 });
      const stored = await call(`/ranking/indices/${indexCode}/bands`, {
        token: portal!.tokens.admin,
      });
      expect(stored.body).toEqual({
        indexCode,
        configured: true,
        bands: [
          { label: 'Khá', minIndex: 830 },
          { label: 'Trung bình', minIndex: 500 },
          { label: 'Yếu', minIndex: 0 },
        ],
      });

      // Consolidated again: 8,33 % ≥ 8,3 % is «Khá», 4,17 % < 5 % is «Yếu».
      await page.getByTestId('results-consolidate').click();
      await draft.getByText('Bảng tổng hợp (bản nháp 3)').waitFor({ timeout: 30_000 });
      await rowOf(A).getByText('Khá', { exact: true }).waitFor();
      await rowOf(B).getByText('Khá', { exact: true }).waitFor();
      await rowOf(C).getByText('Yếu', { exact: true }).waitFor();

      // The tie-break: area 2 first, then 1. A and B score the same in both, so they stay tied.
      await page.getByTestId('results-tie-break-current').getByText('không phân định').waitFor();
      await chooseOption(page, 'results-tie-break', '2');
      await page.keyboard.press('Escape');
      await page.getByTestId('results-tie-break-apply').click();
      await draft.getByText('Bảng tổng hợp (bản nháp 4)').waitFor({ timeout: 30_000 });
      await page.getByTestId('results-draft-tie-break').getByText('lĩnh vực: 2').waitFor();
      await page.getByTestId('results-tie-break-current').getByText('phân định theo: 2.').waitFor();
      const ranks = await draft.locator('[data-testid^="rank-"]').allInnerTexts();
      expect(ranks.map((r) => Number.parseInt(r, 10))).toEqual([1, 1, 3]);
    } finally {
      await context.close();
    }
  });
});
