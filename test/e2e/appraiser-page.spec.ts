/**
 * The appraiser's page in Chromium: a unit submits its self-assessment, an appraiser assigned to
 * its area opens the worklist (0/2), opens the unit beside its self-scores, scores one criterion
 * below the self-score (the save waits for the reason it needs), moves on with Alt+↓, sees the
 * totals so far, and sends round 1 after a confirmation; the round is then read-only with a
 * notice, and the server refuses a further save.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { CriterionNodeInput } from '@par/contracts';
import { callApi } from '../support/api';
import { launchChromium, loginThroughKeycloak } from '../support/browser';
import { eventually } from '../support/eventually';
import { openAppraisalPortal, openRound1 } from '../support/appraisal-fixture';
import { twoLeafSetWithoutEvidence } from '../support/open-period';
import type { Portal } from '../support/portal-fixture';

const shell = () => process.env.PAR_SHELL_URL!;

/** An input by its id, which holds the criterion code's dots. */
const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

// Area 1 (3 points): 1.1 manual up to 1,5 in steps of 0,25, with guidance for appraisers;
// 1.2 yes 1,5. No evidence asked.
const nodes: CriterionNodeInput[] = twoLeafSetWithoutEvidence.map((node) =>
  node.code === '1.1'
    ? { ...node, guidanceForAppraisers: 'Đối chiếu ngày ban hành với hạn 31/01.' }
    : node,
);

describe("an appraiser's round 1 in the browser", () => {
  let portal: Portal<'admin' | 'appraiser'> | undefined;
  let browser: Browser;
  let periodId: string;
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const group = `E2AP${suffix}`;
  const unit = `AP${suffix}`;
  const periodName = `Thẩm định CCHC ${suffix}`;

  beforeAll(async () => {
    portal = await openAppraisalPortal({
      admin: { roles: ['admin'], unit: 'SNV' },
      appraiser: { roles: ['appraisal'], unit: 'STP' },
    });
    browser = await launchChromium();
    // The unit self-scores 1,5 and yes, explains both ("Giải trình tiêu chí <code>"), and its
    // approver submits; area 1 of the unit to the appraiser; then the admin starts round 1.
    ({ periodId } = await openRound1(portal, {
      token: portal.tokens.admin,
      unitGroup: group,
      units: [unit],
      name: periodName,
      nodes,
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

  it('scores with a reason where it differs, sees the totals, and sends the round', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const { appraiser } = portal!.users;
    try {
      await page.goto(`${shell()}/appraisal`);
      await loginThroughKeycloak(page, appraiser.username, appraiser.password);

      // The worklist: one unit, nothing appraised yet.
      const progress = page.getByTestId(`progress-${unit}`);
      await progress.getByText('0/2').waitFor({ timeout: 30_000 });
      await page.getByTestId(`status-${unit}`).getByText('Chưa chấm').waitFor();
      await page
        .getByTestId('round-totals')
        .getByText('Vòng 1: đã chấm 0/2 tiêu chí của 1 đơn vị')
        .waitFor();
      // A search that matches nothing says so, and clearing it brings the unit back.
      await page.getByPlaceholder('Tìm theo mã hoặc tên đơn vị').fill('không có đơn vị này');
      await page.keyboard.press('Enter');
      await page.getByTestId('worklist-no-match').waitFor();
      await page.getByPlaceholder('Tìm theo mã hoặc tên đơn vị').fill('');
      await page.keyboard.press('Enter');
      await page.getByTestId(`open-unit-${unit}`).click();

      // The unit's self-assessment beside the appraisal input.
      await page
        .getByTestId('self-1.1-score')
        .getByText('Điểm tự chấm: 1,5')
        .waitFor({ timeout: 30_000 });
      await page.getByTestId('self-1.1-explanation').getByText('Giải trình tiêu chí 1.1').waitFor();
      await page.getByTestId('total-self').getByText('3 / 3').waitFor();

      // 1,25 is below the self-score 1,5: the save waits for a reason.
      await byId(page, 'appraisal-1.1-value').fill('1,25');
      await page.getByTestId('reason-1.1-required').waitFor();
      await page.locator('[data-testid="save-1.1"][data-state="needsReason"]').waitFor();
      await byId(page, 'appraisal-1.1-reason').fill('Kế hoạch ban hành ngày 15/02, sau hạn 31/01.');
      await page
        .locator('[data-testid="save-1.1"][data-state="saved"]')
        .waitFor({ timeout: 15_000 });

      // Alt+↓ moves to the next criterion's input; yes equals the self-score, no reason needed.
      await page.keyboard.press('Alt+ArrowDown');
      await eventually(
        async () =>
          page.evaluate(() => Boolean(document.activeElement?.closest('[data-criterion="1.2"]'))),
        5_000,
        'the focus on criterion 1.2',
      );
      await page.getByTestId('appraisal-1.2-yes').click();
      await page
        .locator('[data-testid="save-1.2"][data-state="saved"]')
        .waitFor({ timeout: 15_000 });
      // 1,25 + 1,5 = 2,75 of 3.
      await page.getByTestId('total-appraisal').getByText('2,75 / 3').waitFor();
      await page.getByTestId('total-progress').getByText('2/2 tiêu chí').waitFor();

      const read = await callApi(`/appraisal/periods/${periodId}/units/${unit}`, {
        token: portal!.tokens.appraiser,
      });
      const round1 = Object.fromEntries(
        read.body.entries.map((e: { criterionCode: string; round1: unknown }) => [
          e.criterionCode,
          e.round1,
        ]),
      );
      expect(round1['1.1']).toMatchObject({
        score: 125,
        reason: 'Kế hoạch ban hành ngày 15/02, sau hạn 31/01.',
      });
      expect(round1['1.2']).toMatchObject({ score: 150 });

      // Back to the worklist: 2/2, and the round is sent after the confirmation.
      await page.getByRole('link', { name: 'Danh sách đơn vị' }).click();
      await progress.getByText('2/2').waitFor({ timeout: 15_000 });
      await page.getByTestId('send-round-open').click();
      await page.getByTestId('send-round-ready').waitFor();
      await page.getByTestId('send-round-confirm').click();
      await page.getByTestId('round-sent').waitFor({ timeout: 15_000 });

      // The unit's page is read-only now, with the notice; the server refuses a further save.
      await page.getByTestId(`open-unit-${unit}`).click();
      await page
        .locator('[data-testid="read-only"][data-reason="sent"]')
        .waitFor({ timeout: 30_000 });
      expect(await byId(page, 'appraisal-1.1-value').isDisabled()).toBe(true);
      const refused = await callApi(
        `/appraisal/periods/${periodId}/units/${unit}/entries/1.1/rounds/1`,
        {
          method: 'PUT',
          token: portal!.tokens.appraiser,
          body: { version: read.body.entries[0].version, inputs: { value: 150 }, reason: '' },
        },
      );
      expect(refused.status).toBeGreaterThanOrEqual(400);
    } finally {
      await context.close();
    }
  });
});
