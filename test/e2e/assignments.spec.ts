/**
 * Assigning appraisers in Chromium: the admin opens "Phân công thẩm định", picks a period, sees
 * every entry as a gap, creates two assignments with the keyboard-friendly dialog (a council on
 * area 1 of two listed units, one appraiser on area 2 of the whole group) and watches coverage
 * reach zero gaps and zero overlaps.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { frontendApps } from '../../deploy/local/apps/apps';
import {
  DAY,
  createPeriod,
  createSelfAssessmentSet,
  createUnit,
  phasesFrom,
} from '../../services/assessment/test/integration/self-assessment-support';
import {
  chooseBySearch,
  chooseOption,
  launchChromium,
  loginThroughKeycloak,
} from '../support/browser';
import { openPortal, type Portal } from '../support/portal-fixture';

const shell = () => process.env.PAR_SHELL_URL!;

describe('assigning appraisers in the browser', () => {
  let portal: Portal<'admin' | 'law' | 'finance'> | undefined;
  let browser: Browser;
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const group = `E2EA${suffix}`;
  const units = [`A1${suffix}`, `A2${suffix}`];
  const periodName = `Phân công thẩm định ${suffix}`;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment', 'appraisal', ...frontendApps],
      users: {
        admin: { roles: ['admin'], unit: 'SNV' },
        law: { roles: ['appraisal'], unit: 'STP' },
        finance: { roles: ['appraisal'], unit: 'STC' },
      },
      routes: ['accounts', 'assessment'],
    });
    browser = await launchChromium();
    const token = portal.tokens.admin;
    for (const code of units) await createUnit(token, code, group);
    const setId = await createSelfAssessmentSet(token, {
      indexCode: 'PAR',
      year: 2026,
      unitGroup: group,
    });
    // Still in set-up for a day: assignments may change.
    await createPeriod(token, {
      indexCode: 'PAR',
      year: 2026,
      name: periodName,
      criteriaSets: [{ unitGroup: group, criteriaSetId: setId }],
      phases: phasesFrom(DAY),
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('creates two assignments and sees coverage reach zero gaps', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const { admin, law, finance } = portal!.users;
    try {
      await page.goto(`${shell()}/admin/assignments`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await chooseBySearch(page, 'assignment-period', periodName);

      // 2 units × 4 appraised leaves (1.1, 1.2, 2.1, 2.2; 2.3 is a survey leaf).
      const gaps = page.getByTestId('coverage-gaps');
      await gaps.getByText('Chưa có ai phụ trách: 8').waitFor({ timeout: 30_000 });
      await page.getByText('Đợt này chưa có phân công nào').waitFor();

      // A council of two on area 1 of both units, typed and picked in the dialog.
      await page.getByTestId('assignment-create').click();
      await page.getByTestId('assignment-form').waitFor();
      await chooseBySearch(page, 'assignment-appraisers', law.username);
      await chooseBySearch(page, 'assignment-appraisers', finance.username);
      await page.fill('#assignment-name', 'Hội đồng lĩnh vực 1');
      await page.locator('#assignment-criteria').fill('1');
      await page.keyboard.press('Enter');
      await chooseBySearch(page, 'assignment-units', units[0]!);
      await chooseBySearch(page, 'assignment-units', units[1]!);
      // A click beside the list closes it, then the dialog is saved.
      await page.locator('.ant-modal-title').click();
      await page.getByTestId('assignment-save').click();
      await gaps.getByText('Chưa có ai phụ trách: 4').waitFor({ timeout: 15_000 });

      // One appraiser on area 2 of the whole group.
      await page.getByTestId('assignment-create').click();
      await chooseBySearch(page, 'assignment-appraisers', finance.username);
      await page.locator('#assignment-criteria').fill('2');
      await page.keyboard.press('Enter');
      await page.getByLabel('Một nhóm đơn vị').check();
      await chooseOption(page, 'assignment-group', group);
      await page.locator('.ant-modal-title').click();
      await page.getByTestId('assignment-save').click();

      await gaps.getByText('Chưa có ai phụ trách: 0').waitFor({ timeout: 15_000 });
      await page.getByTestId('coverage-overlaps').getByText('Trùng phân công: 0').waitFor();
      await page.getByText('Không còn thiếu hay trùng: có thể bắt đầu vòng thẩm định 1.').waitFor();
      const table = page.getByTestId('assignment-table');
      await table.getByText('Hội đồng lĩnh vực 1').waitFor();
      await table.getByText(`Nhóm đơn vị ${group}`).waitFor();
    } finally {
      await context.close();
    }
  });
});
