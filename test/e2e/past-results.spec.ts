/**
 * The past results import in Chromium: a province's first year, its last year only in a sheet.
 * The admin picks last year's period under "So sánh với năm trước", uploads a sheet with a score
 * the criterion cannot have (the row's error shown in Vietnamese, nothing to import), then the
 * corrected sheet whose score column is mapped by hand, imports it, and consolidates again: the
 * change chart shows each unit's hand-computed fall.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
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
  name: 'ket-qua-2025.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`${lines.join('\r\n')}\r\n`),
});

describe("importing last year's results in the browser", () => {
  let portal: Portal<'admin'> | undefined;
  let browser: Browser;
  const suffix = randomUUID().slice(0, 5).toUpperCase();
  const group = `QK${suffix}`;
  const indexCode = `QK${suffix}`;
  const [A, B] = ['A', 'B'].map((p) => `${p}${suffix}`) as [string, string];
  const periodName = `Năm nay ${suffix}`;
  const pastName = `Năm trước ${suffix}`;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment', 'appraisal', 'ranking', ...frontendApps],
      users: { admin: { roles: ['admin'], unit: 'SNV' } },
      routes: ['accounts', 'assessment'],
    });
    browser = await launchChromium();
    const token = portal.tokens.admin;
    for (const code of [A, B]) await createUnit(token, code, group);
    // The support's 6-point set each year: 1.1 manual 0–2 step 0,25; 1.2 yes = 1; 2.1 options
    // 1,5 / 0,5; 2.2 ratio bands; 2.3 survey 0,5.
    const pastSet = await createSelfAssessmentSet(token, {
      indexCode,
      year: 2025,
      unitGroup: group,
    });
    await createPeriod(token, {
      indexCode,
      year: 2025,
      name: pastName,
      criteriaSets: [{ unitGroup: group, criteriaSetId: pastSet }],
      phases: phasesFrom(30 * DAY),
    });
    const setId = await createSelfAssessmentSet(token, { indexCode, year: 2026, unitGroup: group });
    const { id: periodId } = await createPeriod(token, {
      indexCode,
      year: 2026,
      name: periodName,
      criteriaSets: [{ unitGroup: group, criteriaSetId: setId }],
      phases: phasesFrom(-HOUR, 2 * DAY),
    });
    const ranking = `/ranking/periods/${periodId}`;
    await eventually(
      async () => (await call(`${ranking}/publications`, { token })).status === 200,
      30_000,
      'the gateway routing to the ranking service',
    );
    // This year, survey only: A 0,5 of 6 → 8,33 %, B 0 %; a first draft without comparison.
    const csv = Buffer.from(`Mã đơn vị,Mã tiêu chí,Điểm\r\n${A},2.3,"0,5"\r\n`);
    const survey = await call(`${ranking}/survey-results/import`, {
      method: 'POST',
      token,
      body: { fileName: 'sipas.csv', contentBase64: csv.toString('base64') },
    });
    expect(survey.status).toBe(200);
    const draft = await call(`${ranking}/consolidations`, { method: 'POST', token, body: {} });
    expect(draft.status).toBe(201);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('refuses a sheet with a wrong score, imports the corrected one with a hand-mapped column, and shows the change', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const { admin } = portal!.users;
    try {
      await page.goto(`${shell()}/admin/results`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await chooseBySearch(page, 'results-period', periodName);
      await page.getByTestId('results-comparison').waitFor({ timeout: 30_000 });
      await page.getByTestId('results-chart-change-none').waitFor();
      await chooseOption(page, 'results-previous-period', pastName);
      await page.getByTestId('past-import-open').click();

      // 1,3 is between two steps of 1.1 (0,25 each): the row's error, and nothing to import.
      await page
        .getByTestId('past-import-file')
        .setInputFiles(
          sheet(['Mã đơn vị,Mã tiêu chí,Điểm tự chấm,Điểm thẩm định', `${A},1.1,2,"1,3"`]),
        );
      await page
        .getByTestId('past-import-preview')
        .getByText('Điểm 1,3 không hợp lệ với tiêu chí «1.1» (từ 0 đến 2, bước 0,25)', {
          exact: false,
        })
        .waitFor({ timeout: 30_000 });
      await expect(page.getByTestId('past-import-commit').isDisabled()).resolves.toBe(true);

      // The corrected sheet: its «Điểm cuối» column is not recognised, the admin maps it.
      // A: 1,75 + 1 + 0,5 + 0,5 + 0,5 = 4,25 of 6 → 70,83 %; B: 1 + 1,5 = 2,5 of 6 → 41,67 %.
      await page
        .getByTestId('past-import-file')
        .setInputFiles(
          sheet([
            'Đơn vị,Mã tiêu chí,Ghi chú,Điểm cuối',
            `${A},1.1,,"1,75"`,
            `${A},1.2,,1`,
            `${A},2.1,,"0,5"`,
            `${A},2.2,,"0,5"`,
            `${A},2.3,,"0,5"`,
            `${B},1.1,,1`,
            `${B},2.1,,"1,5"`,
          ]),
        );
      await page.getByTestId('past-import-mapping-problem').first().waitFor({ timeout: 30_000 });
      await chooseOption(page, 'past-import-role-3', 'Điểm thẩm định');
      await page
        .getByTestId('past-import-summary')
        .getByText('không có lỗi')
        .waitFor({ timeout: 30_000 });
      await page.getByTestId('past-import-commit').click();
      await page.getByText('Đã nhập 7 điểm của 2 đơn vị', { exact: false }).waitFor();

      // Consolidated again with the comparison: A 8,33 − 70,83 = −62,5; B 0 − 41,67 = −41,67.
      await page.getByTestId('results-compare').click();
      await page.getByText('Bảng tổng hợp (bản nháp 2)').waitFor({ timeout: 30_000 });
      await page
        .getByTestId('results-comparison-source')
        .getByText('kết quả năm trước nhập từ tệp', { exact: false })
        .waitFor();
      const changeOf = (unit: string) => page.getByTestId(`results-chart-change-${unit}`);
      await expect(changeOf(A).getAttribute('aria-label')).resolves.toBe('giảm -62,5');
      await expect(changeOf(B).getAttribute('aria-label')).resolves.toBe('giảm -41,67');
    } finally {
      await context.close();
    }
  });
});
