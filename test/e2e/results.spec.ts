/**
 * The results area in Chromium: the admin opens "Kết quả", picks a period with no draft yet and
 * makes one; another admin's decisions land meanwhile, so the admin's own decision is first
 * refused (409, said plainly) and then saved; the admin consolidates again, publishes, and reads
 * the published version with its hand-computed table (ties share rank 1, the next is 3); the
 * same draft again is refused in the server's words, a corrected one is republished with a
 * reason, and the diff of the two versions shows the one unit that moved; the admin downloads
 * the published version as Excel and the draft as the council's PDF report.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { readXlsxTable } from '@par/sheets';
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
import { chooseBySearch, launchChromium, loginThroughKeycloak } from '../support/browser';
import { eventually } from '../support/eventually';
import { pdfText } from '../support/pdf-text';
import { openPortal, type Portal } from '../support/portal-fixture';

const shell = () => process.env.PAR_SHELL_URL!;

describe('consolidating and publishing results in the browser', () => {
  let portal: Portal<'admin'> | undefined;
  let browser: Browser;
  const suffix = randomUUID().slice(0, 5).toUpperCase();
  const group = `KQ${suffix}`;
  const [u1, u2, u3, u4] = ['R1', 'R2', 'R3', 'R4'].map((p) => `${p}${suffix}`) as [
    string,
    string,
    string,
    string,
  ];
  const periodName = `Kết quả ${suffix}`;
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
    for (const code of [u1, u2, u3, u4]) await createUnit(token, code, group);
    const indexCode = `KQ${suffix}`;
    // 6 points: area 1 (1.1 of 2, 1.2 of 1), area 2 (2.1 of 1.5, 2.2 of 1, survey 2.3 of 0.5).
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
    // Survey results only: nobody submits, so every unit is blocked until the admin decides.
    await importSurvey(`${u1},2.3,"0,5"`, `${u2},2.3,"0,5"`, `${u3},2.3,"0,25"`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  async function importSurvey(...rows: string[]): Promise<void> {
    const csv = ['Mã đơn vị,Mã tiêu chí,Điểm', ...rows].join('\r\n');
    const res = await call(`${ranking()}/survey-results/import`, {
      method: 'POST',
      token: portal!.tokens.admin,
      body: { fileName: 'sipas.csv', contentBase64: Buffer.from(`${csv}\r\n`).toString('base64') },
    });
    if (res.status !== 200) throw new Error(`survey: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** Another admin counts R1–R3's missing scores 0, straight through the API. */
  async function anotherAdminDecides(): Promise<void> {
    const token = portal!.tokens.admin;
    let version = (await call(`${ranking()}/blocker-decisions`, { token })).body.version as number;
    for (const unit of [u1, u2, u3]) {
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

  it('makes a draft, decides a blocker past a conflict, publishes and reads the version', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const { admin } = portal!.users;
    try {
      await page.goto(`${shell()}/admin/results`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await chooseBySearch(page, 'results-period', periodName);

      // No draft yet: the empty state offers to make one.
      await page.getByTestId('results-empty').waitFor({ timeout: 30_000 });
      await page.getByTestId('results-consolidate').click();
      const draft = page.getByTestId('results-draft');
      await draft.getByText('Bảng tổng hợp (bản nháp 1)').waitFor({ timeout: 30_000 });
      // Every unit blocked: 2 blockers each for R1–R3, 3 for R4 (no survey result either).
      const blockers = page.getByTestId('results-blockers');
      await page.getByTestId(`blocker-decide-${u4}-surveyMissing`).waitFor();
      expect(await blockers.locator('tbody tr.ant-table-row').count()).toBe(9);

      await anotherAdminDecides();

      // The page still holds the decisions as read before: the server refuses, the page says why.
      await page.getByTestId(`blocker-decide-${u4}-notSubmitted`).click();
      await page.getByTestId('decide-reason').waitFor();
      await page.getByTestId('decide-exclude').click();
      await page.getByTestId('decide-reason').fill('Đơn vị sáp nhập giữa năm');
      await page.getByTestId('decide-submit').press('Enter');
      await page
        .getByTestId('decide-error')
        .getByText(/vừa được người khác thay đổi/)
        .waitFor({ timeout: 15_000 });
      // Read again, saved on the second try; the exclusion covers all three of R4's blockers.
      await page.getByTestId('decide-submit').click();
      await page.getByTestId('results-blockers-none').waitFor({ timeout: 15_000 });
      await page.getByTestId('results-blockers-stale').waitFor();

      await page.getByTestId('results-consolidate').click();
      await draft.getByText('Bảng tổng hợp (bản nháp 2)').waitFor({ timeout: 30_000 });
      // 0,5 of 6 points = 8,33 % (R1, R2 tied first), 0,25 of 6 = 4,17 % (third, not second).
      await expect(draft.getByTestId(`index-${u1}`).innerText()).resolves.toBe('8,33 %');
      await expect(draft.getByTestId(`index-${u3}`).innerText()).resolves.toBe('4,17 %');
      const ranks = await draft.locator('[data-testid^="rank-"]').allInnerTexts();
      expect(ranks.map((r) => Number.parseInt(r, 10))).toEqual([1, 1, 3]);
      await draft.getByTestId('results-excluded').getByText(u4).waitFor();

      // The charts: R1's profile by area against the group's average, with its table: area 2 is
      // 0,5 of 3 = 16,67 %, the group's (16,67 + 16,67 + 8,33) ÷ 3 = 13,89 %; all three indices in
      // the first 10 % band; no comparison with last year yet.
      const profile = page.getByTestId('results-chart-profile');
      await profile.getByText('Xem số liệu dạng bảng').click();
      const area2 = page.getByTestId('results-chart-profile-table').locator('tr', { hasText: '2' });
      await expect(area2.last().innerText()).resolves.toMatch(/2\s+16,67 %\s+13,89 %/);
      const histogram = page.getByTestId('results-chart-histogram');
      await histogram.getByText('Xem số liệu dạng bảng').click();
      const firstBin = page
        .getByTestId('results-chart-histogram-table')
        .locator('tbody tr')
        .first();
      await expect(firstBin.innerText()).resolves.toMatch(/Từ 0 % đến dưới 10 %\s+3/);
      await page.getByTestId('results-chart-change-none').waitFor();

      await page.getByTestId('results-publish').click();
      await page.getByTestId('publish-submit').click();
      const published = page.getByTestId('results-publication');
      await published.getByText('Kết quả công bố lần 1 (bản nháp 2)').waitFor({ timeout: 30_000 });
      await expect(published.getByTestId(`index-${u2}`).innerText()).resolves.toBe('8,33 %');
      await page.getByTestId('publication-1').getByText('đang hiệu lực').waitFor();

      // The same draft a second time is refused, in the server's words, and nothing is written.
      await page.getByTestId('results-publish').click();
      await page.getByTestId('publish-reason').fill('Sửa điểm khảo sát');
      await page.getByTestId('publish-submit').click();
      await page
        .getByTestId('publish-error')
        .getByText('Bản tổng hợp số 2 đang là bản được công bố.', { exact: false })
        .waitFor({ timeout: 15_000 });
      const listed = await call(`${ranking()}/publications`, { token: portal!.tokens.admin });
      expect(listed.body.items.map((p: { number: number }) => p.number)).toEqual([1]);
      await page.getByRole('button', { name: 'Hủy' }).click();

      // A corrected survey result for R3, a new draft, republished with a reason.
      await importSurvey(`${u3},2.3,"0,5"`);
      await page.getByTestId('results-consolidate').click();
      await draft.getByText('Bảng tổng hợp (bản nháp 3)').waitFor({ timeout: 30_000 });
      await page.getByTestId('results-publish').click();
      await page.getByTestId('publish-submit').click();
      // Without a reason the server refuses a republication, on the field.
      await page
        .getByText('Đợt này đã công bố; hãy ghi lý do công bố lại bản đã sửa', { exact: false })
        .waitFor({ timeout: 15_000 });
      await page.getByTestId('publish-reason').fill('Sửa điểm khảo sát của R3');
      await page.getByTestId('publish-submit').click();
      await published.getByText('Kết quả công bố lần 2 (bản nháp 3)').waitFor({ timeout: 30_000 });
      await page.getByTestId('publication-1').getByText('đã được thay').waitFor();
      await page.getByTestId('publication-2').getByText('đang hiệu lực').waitFor();
      // Only R3 moved: 4,17 % third → 8,33 % tied first.
      const diff = page.getByTestId('results-diff');
      await diff.getByText('1 đơn vị thay đổi').waitFor({ timeout: 15_000 });
      const moved = diff.locator('tbody tr.ant-table-row', { hasText: u3 });
      await moved.getByText('3 · 4,17 % · D').waitFor();
      await moved.getByText('1 · 8,33 % · D').waitFor();

      // The reports download: version 2 as Excel (R1–R3 tied first, by code), the draft as PDF.
      const [xlsx] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByTestId('results-export-publication-2-xlsx').click(),
      ]);
      expect(xlsx.suggestedFilename()).toBe(
        `ket-qua-kq${suffix.toLowerCase()}-2026-cong-bo-2.xlsx`,
      );
      const sheet = await readXlsxTable(await readFile((await xlsx.path())!));
      expect(sheet.slice(1)).toEqual(
        [u1, u2, u3].map((u) => [group, '1', u, `Sở thử nghiệm ${u}`, '0.5', '6', '8.33', 'D', '']),
      );
      const [pdf] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByTestId('results-export-draft-pdf').click(),
      ]);
      expect(pdf.suggestedFilename()).toBe(`ket-qua-kq${suffix.toLowerCase()}-2026-du-thao-3.pdf`);
      const text = pdfText(await readFile((await pdf.path())!), { layout: true }).replace(
        /\s+/g,
        ' ',
      );
      for (const expected of [
        'Bản dự thảo tổng hợp lần 3',
        `1 (đồng hạng) ${u3} Sở thử nghiệm ${u3} 0,5 8,33 % D —`,
        `Sở thử nghiệm ${u4} (${u4}): Đơn vị sáp nhập giữa năm`,
        'GIÁM ĐỐC SỞ NỘI VỤ',
      ])
        expect(text).toContain(expected);
    } finally {
      await context.close();
    }
  });
});
