/**
 * Public questions and answers in Chromium (issue 13): a citizen asks a unit a question from a
 * phone without login, keyboard and messages in Vietnamese; the admin answers and publishes it
 * in «Hỏi đáp»; the public page then shows the question and its answer as the text typed (HTML
 * as characters), with the unit's answered count.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { callApi as call } from '../support/api';
import { launchChromium, loginThroughKeycloak } from '../support/browser';
import { openPortal, type Portal } from '../support/portal-fixture';

const publicSite = () => process.env.PAR_PUBLIC_URL!;
const shell = () => process.env.PAR_SHELL_URL!;
/** A cheap phone's screen. */
const phone = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };

describe('a citizen’s question answered and published', () => {
  let portal: Portal<'admin'> | undefined;
  let browser: Browser;
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const unit = `HD${suffix}`;
  const title = `Thời hạn cấp giấy phép ${suffix}`;
  const text = `Xin hỏi <b>bao lâu</b>?<script>window.hacked = 1</script> ${suffix}`;
  const answer = 'Tối đa 15 ngày làm việc <i>kể từ khi nhận đủ hồ sơ</i>.';

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'survey', 'shell', 'admin-ui', 'public-ui'],
      users: { admin: { roles: ['admin'], unit: 'SNV' } },
      routes: ['accounts'],
    });
    browser = await launchChromium();
    // The unit is set-up data, not what this flow is about: created through the API.
    const created = await call('/units', {
      method: 'POST',
      token: portal.tokens.admin,
      body: { code: unit, name: `Sở Xây dựng thử ${suffix}`, kind: 'department' },
    });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('lets a citizen ask from a phone, and shows the answer once the admin publishes it', async () => {
    const citizen = await browser.newContext({ locale: 'vi-VN', ...phone });
    const officer = await browser.newContext({ locale: 'vi-VN' });
    try {
      // The citizen comes from the home page and asks, without an account.
      const page = await citizen.newPage();
      await page.goto(`${publicSite()}/cong-khai/`);
      await page.getByTestId('home-questions').click();
      await page.getByRole('heading', { name: 'Hỏi đáp', exact: true }).waitFor();
      // Sent empty: the first box refused gets the focus and says what to do.
      await page.getByTestId('question-submit').click();
      await page.getByText('Hãy chọn đơn vị nhận câu hỏi.').waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('question-unitCode');
      // The unit chosen by its name; then from the keyboard: type, Tab to the next box, and so on.
      await page
        .getByLabel('Đơn vị nhận câu hỏi')
        .selectOption({ label: `Sở Xây dựng thử ${suffix}` });
      await page.getByLabel('Đơn vị nhận câu hỏi').focus();
      await page.keyboard.press('Tab');
      await page.keyboard.type(title);
      await page.keyboard.press('Tab');
      await page.keyboard.type(text);
      await page.getByLabel('Họ tên hoặc tên tổ chức (không bắt buộc)').fill('Lê Văn Cường');
      await page.getByTestId('question-submit').focus();
      await page.keyboard.press('Enter');
      await page
        .getByText(`Cảm ơn bạn! Câu hỏi đã được gửi tới Sở Xây dựng thử ${suffix}.`, {
          exact: false,
        })
        .waitFor();

      // Not answered yet: the unit's list is empty.
      await page.goto(`${publicSite()}/cong-khai/hoi-dap?don-vi=${unit}`);
      await page.getByText('Chưa có câu hỏi nào được trả lời công khai.').waitFor();

      // The admin finds it in «Hỏi đáp», answers and publishes it.
      const admin = portal!.users.admin;
      const desk = await officer.newPage();
      await desk.goto(`${shell()}/admin/questions`);
      await loginThroughKeycloak(desk, admin.username, admin.password);
      await desk.getByTestId('question-unit-filter').locator('input').fill(unit);
      await desk.getByTestId('question-unit-filter').locator('input').press('Enter');
      const row = desk.getByTestId(/^question-[0-9a-f]{24}$/).filter({ hasText: title });
      await row.waitFor({ timeout: 60_000 });
      await row.getByTestId('question-answer').click();
      await desk.getByTestId('question-dialog-ok').click();
      await desk.getByText('Hãy nhập nội dung trả lời (từ 1 đến 10.000 ký tự).').waitFor();
      await desk.getByTestId('question-dialog-text').fill(answer);
      await desk.getByTestId('question-dialog-ok').click();
      await desk.getByTestId('question-status-filter').getByText('Tất cả').click();
      await row.getByTestId('question-status').getByText('Đã trả lời').waitFor();
      await row.getByTestId('question-publish').click();
      await desk.getByTestId('question-publish-confirm').click();
      await row.getByTestId('question-status').getByText('Đã công bố').waitFor();
      // The statistics count it for the unit.
      await desk.getByRole('tab', { name: 'Thống kê theo đơn vị' }).click();
      const stats = desk.getByTestId(`question-statistics-${unit}`);
      await stats.waitFor();
      expect((await stats.locator('td').allInnerTexts()).slice(0, 6)).toEqual([
        unit,
        '1',
        '1',
        '1',
        '0',
        '0',
      ]);

      // The public list shows it with its answer and the unit's figures; its page, as typed.
      await page.reload();
      await page.getByTestId('question-list').getByText(answer).waitFor();
      // The unit is named once the list of units has arrived (its code until then).
      await page
        .getByTestId('questions-unit-figures')
        .getByText(`Sở Xây dựng thử ${suffix}: đã trả lời 1 câu hỏi`, { exact: false })
        .waitFor();
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { name: title }).waitFor();
      await page.getByText(`Sở Xây dựng thử ${suffix} · hỏi ngày`).waitFor();
      expect(await page.getByTestId('question-text').innerText()).toBe(text);
      expect(await page.getByTestId('question-answer').innerText()).toBe(answer);
      expect(await page.locator('main b, main i, main script').count()).toBe(0);
      expect(await page.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();
      expect(await page.getByText('Lê Văn Cường').count()).toBe(1);
    } finally {
      await citizen.close();
      await officer.close();
    }
  });
});
