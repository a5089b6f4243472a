/**
 * The admin's "Khảo sát" area in Chromium (issue 13): an admin builds a questionnaire in the
 * editor (a question shown only after a given answer; the contract's message under an empty
 * field), freezes it, creates a campaign for a unit of a period and opens it, then sees the
 * citizens' answers (sent through the public API) in the campaign's results, downloads the
 * Excel table and closes the campaign after a confirmation.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { callApi } from '../support/api';
import {
  chooseBySearch,
  chooseOption,
  chooseOptionIn,
  launchChromium,
  loginThroughKeycloak,
} from '../support/browser';
import { openPeriod } from '../support/open-period';
import { openPortal, type Portal } from '../support/portal-fixture';

const shell = () => process.env.PAR_SHELL_URL!;

describe('the admin’s survey screens in the browser', () => {
  let portal: Portal<'admin'> | undefined;
  let browser: Browser;
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const unit = `KA${suffix}`;
  const periodName = `Kỳ khảo sát quản trị ${suffix}`;
  const title = `Phiếu hài lòng ${suffix}`;
  const campaignName = `Đợt khảo sát ${suffix}`;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment', 'survey', 'shell', 'admin-ui'],
      users: { admin: { roles: ['admin'], unit: 'SNV' } },
      routes: ['accounts', 'assessment'],
    });
    browser = await launchChromium();
    // The period and its unit are set-up data, not what this flow is about: made through the API.
    await openPeriod({
      token: portal.tokens.admin,
      unitGroup: `ka-${suffix.toLowerCase()}`,
      units: [unit],
      name: periodName,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('builds and freezes a questionnaire, opens a campaign for a unit, and shows its answers in the results', async () => {
    const admin = portal!.users.admin;
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await page.goto(`${shell()}/admin/surveys`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.getByTestId('questionnaire-create').first().waitFor({ timeout: 30_000 });

      // A new questionnaire starts with the access section and one 1–5 scale question (q1).
      await page.getByTestId('questionnaire-create').first().click();
      await page.fill('#questionnaire-new-title', title);
      await page.keyboard.press('Enter');
      await page.getByTestId('sections-0-questions-0').waitFor();
      expect(await page.inputValue('#sections-0-questions-0-label')).toBe(
        'Ông/Bà hài lòng thế nào với việc tiếp cận dịch vụ?',
      );

      // A single-choice question, left empty: saving names each empty field in Vietnamese.
      await chooseOption(page, 'section-0-new-type', 'Một lựa chọn');
      await page.getByTestId('section-0-add-question').click();
      await page.getByTestId('sections-0-questions-1').waitFor();
      await page.getByTestId('questionnaire-save').click();
      const required = 'Hãy nhập nội dung (câu hỏi, tiêu đề hoặc phương án).';
      expect(await page.getByTestId('sections-0-questions-1-label-error').innerText()).toBe(
        required,
      );
      expect(
        await page.getByTestId('sections-0-questions-1-options-0-label-error').innerText(),
      ).toBe(required);
      expect(await page.getByTestId('questionnaire-error').innerText()).toContain(
        'Hãy sửa các ô được đánh dấu đỏ',
      );

      // Filled in, and shown only after a "2" on the scale.
      await page.fill('#sections-0-questions-1-label', 'Ông/Bà chưa hài lòng vì điều gì?');
      await page.fill('#sections-0-questions-1-options-0-label', 'Phải chờ lâu');
      await page.fill('#sections-0-questions-1-options-1-label', 'Khó tìm thông tin');
      await chooseOption(page, 'sections-0-questions-1-showIf-question', 'q1 —');
      await chooseOptionIn(
        page,
        page.locator('.ant-select', { has: page.locator('#sections-0-questions-1-showIf-anyOf') }),
        ['2'],
      );
      await page.keyboard.press('Escape');
      expect(await page.getByTestId('sections-0-questions-1-label-error').count()).toBe(0);

      // Freezing saves the draft first, then lists version 1; the version reads as frozen.
      await page.getByTestId('questionnaire-publish').click();
      await page.getByTestId('questionnaire-publish-confirm').click();
      await page.getByTestId('version-1').click();
      await page.getByTestId('version-frozen').getByText('Phiên bản 1 — đã chốt').waitFor();
      expect(await page.getByText('Chỉ hiện khi câu q1 được trả lời: 2').count()).toBe(1);

      // A campaign of the period's unit, asking version 1 with a sample of 10, then opened.
      await page.getByTestId('survey-back-to-draft').click();
      await page.getByTestId('survey-back-to-list').click();
      await page.getByTestId('survey-tabs').getByText('Đợt khảo sát').click();
      await page
        .getByTestId('campaign-table')
        .or(page.getByTestId('campaigns-empty'))
        .first()
        .waitFor();
      await page.getByTestId('campaign-create').first().click();
      await page.fill('#campaign-name', campaignName);
      await chooseBySearch(page, 'campaign-period', periodName);
      await chooseBySearch(page, 'campaign-questionnaire', title);
      await chooseBySearch(page, 'campaign-units', unit);
      await page.fill('#campaign-sample', '10');
      await page.getByTestId('campaign-submit').click();
      const row = page.locator('tr', { hasText: campaignName });
      await row.getByText('Bản nháp').waitFor();
      await row.getByTestId('campaign-open').click();
      await row.getByText('Đang mở').waitFor();

      // Two citizens answer through the public API: one satisfied, one not (who says why).
      const list = await callApi('/survey/campaigns?limit=200', { token: portal!.tokens.admin });
      const campaign = (list.body as { items: Array<{ id: string; name: string }> }).items.find(
        (c) => c.name === campaignName,
      )!;
      for (const answers of [{ q1: 5 }, { q1: 2, q2: 'b' }]) {
        const sent = await callApi(`/public/surveys/${campaign.id}/units/${unit}/responses`, {
          method: 'POST',
          body: { deviceToken: randomUUID(), answers, consent: false },
        });
        expect(sent.status).toBe(201);
      }

      // Results: 2 answers of a sample of 10; 1 of 2 scale answers at 4 or above → 50 %.
      await row.getByTestId('campaign-results').click();
      const unitRow = page.getByTestId(`unit-result-${unit}`);
      await unitRow.waitFor();
      expect(await unitRow.getByTestId('unit-responses').innerText()).toBe('2 / 10');
      expect(await unitRow.getByTestId('unit-index').innerText()).toBe('50 %');
      expect(await page.getByTestId('overall-index').innerText()).toBe('50 %');
      expect(
        await page.getByText('Mức 1–5: 0 / 1 / 0 / 0 / 1; trung bình 3,5; hài lòng 50 %').count(),
      ).toBe(1);
      expect(await page.getByText('Khó tìm thông tin: 1 (100 %)', { exact: false }).count()).toBe(
        1,
      );

      // The Excel table downloads.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-table').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

      // Closing asks first, then the campaign reads as closed.
      await page.getByTestId('survey-back-to-list').click();
      await row.getByTestId('campaign-close').click();
      await page.getByTestId('campaign-close-confirm').click();
      await row.getByText('Đã đóng').waitFor();
    } finally {
      await context.close();
    }
  });
});
