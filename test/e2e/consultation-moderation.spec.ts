/**
 * A consultation on a draft policy in Chromium (issue 13): a citizen comments from a phone
 * without login, the comment stays off the public page until the moderator approves it in the
 * admin's "Góp ý dự thảo" page, and then shows as the text typed (HTML as characters); another,
 * rejected with a reason, never shows. The admin's form names the draft's unit, and a code that
 * names no unit is refused under the field.
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

describe('moderating a public comment on a draft policy', () => {
  let portal: Portal<'admin'> | undefined;
  let browser: Browser;
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const title = `Dự thảo Quy chế một cửa ${suffix}`;
  const comment = `<b>Nên</b> rút ngắn thời hạn ${suffix}<script>window.hacked = 1</script>`;
  let consultationId: string;
  const unitCode = `GM${suffix}`;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'survey', 'shell', 'admin-ui', 'public-ui'],
      users: { admin: { roles: ['admin'], unit: 'SNV' } },
      routes: ['accounts'],
    });
    browser = await launchChromium();
    // The draft is set-up data, not what this flow is about: posted through the API, for a unit
    // of its own (the service takes only a unit that exists).
    const unit = await call('/units', {
      method: 'POST',
      token: portal.tokens.admin,
      body: { code: unitCode, name: `Sở Thử ${unitCode}`, kind: 'department' },
    });
    expect(unit.status).toBe(201);
    const created = await call('/survey/consultations', {
      method: 'POST',
      token: portal.tokens.admin,
      body: {
        unitCode,
        title,
        text: 'Điều 1. Phạm vi điều chỉnh\nĐiều 2. Đối tượng áp dụng',
        closesAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
      },
    });
    expect(created.status).toBe(201);
    consultationId = created.body.id;
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('keeps a citizen’s comment off the public page until the moderator approves it', async () => {
    const citizen = await browser.newContext({ locale: 'vi-VN', ...phone });
    const moderator = await browser.newContext({ locale: 'vi-VN' });
    try {
      // The citizen finds the draft in the list and comments, without an account.
      const page = await citizen.newPage();
      await page.goto(`${publicSite()}/cong-khai/gop-y`);
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { name: title }).waitFor();
      await page.getByTestId('comment-submit').click();
      await page.getByText('Hãy nhập ý kiến góp ý (từ 1 đến 2.000 ký tự).').waitFor();
      await page.getByLabel('Họ tên hoặc tên tổ chức (không bắt buộc)').fill('Trần Thị Bình');
      await page.getByTestId('comment-text').fill(comment);
      await page.getByTestId('comment-submit').click();
      await page
        .getByText('Cảm ơn bạn! Ý kiến đã được gửi và sẽ hiển thị sau khi cơ quan duyệt.')
        .waitFor();

      // Reloaded, the public page still shows no comment.
      await page.reload();
      await page.getByText('Chưa có ý kiến nào được duyệt.').waitFor();
      expect(await page.getByTestId('approved-comments').count()).toBe(0);

      // A second citizen's advertisement, sent straight to the API.
      const advert = `Quảng cáo bán hàng ${suffix}`;
      const sent = await call(`/public/consultations/${consultationId}/comments`, {
        method: 'POST',
        body: { text: advert },
      });
      expect(sent.status).toBe(201);

      // The moderator sees both pending, as text; rejects the advert with a reason, approves the other.
      const admin = portal!.users.admin;
      const mod = await moderator.newPage();
      await mod.goto(`${shell()}/admin/consultations/${consultationId}`);
      await loginThroughKeycloak(mod, admin.username, admin.password);
      const card = (text: string) =>
        mod.getByTestId(/^comment-[0-9a-f]{24}$/).filter({ hasText: text });
      await card(advert).waitFor({ timeout: 60_000 });
      expect(await card(suffix).getByTestId('comment-text').allInnerTexts()).toEqual([
        comment,
        advert,
      ]);
      await card(advert).getByTestId('comment-reject').click();
      await mod.getByTestId('reject-confirm').click();
      await mod.getByText('Hãy nêu lý do từ chối (từ 1 đến 500 ký tự).').waitFor();
      await mod.getByTestId('reject-reason').fill('Không liên quan đến dự thảo');
      await mod.getByTestId('reject-confirm').click();
      await card(advert).waitFor({ state: 'detached' });
      await card(comment).getByTestId('comment-approve').click();
      await mod.getByText('Không còn ý kiến nào chờ duyệt.').waitFor();
      await mod
        .getByTestId('comment-filter')
        .getByText(/^Đã từ chối/)
        .click();
      await mod.getByText('Lý do từ chối: Không liên quan đến dự thảo').waitFor();

      // Now the public sees it, with the name, as the characters typed: nothing ran.
      await page.reload();
      const approved = page.getByTestId('approved-comments');
      await approved.waitFor();
      expect(await approved.innerText()).toContain('Trần Thị Bình');
      expect(await approved.getByText(comment, { exact: true }).count()).toBe(1);
      expect(await approved.locator('b, script').count()).toBe(0);
      expect(await page.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();
      expect(await approved.innerText()).not.toContain(advert);
    } finally {
      await citizen.close();
      await moderator.close();
    }
  });

  it('has the admin name the draft’s unit, refusing under the field a code that names none', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      await page.goto(`${shell()}/admin/consultations`);
      const admin = portal!.users.admin;
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.getByTestId('consultation-create').first().click({ timeout: 60_000 });
      const ownTitle = `Dự thảo Quy chế lưu trữ ${suffix}`;
      await page.getByTestId('consultation-title').fill(ownTitle);
      await page.getByTestId('consultation-text').fill('Điều 1.');
      const deadline = new Date(Date.now() + (48 + 7) * 3600_000).toISOString().slice(0, 16);
      await page.getByTestId('consultation-closes').fill(deadline);
      // No unit: asked before anything is sent; a code of no unit: refused by the service.
      await page.getByTestId('consultation-submit').click();
      await page.getByText('Hãy chọn đơn vị chủ trì dự thảo.').waitFor();
      await page.getByTestId('consultation-unit').fill(`KHONGCO${suffix}`);
      await page.getByTestId('consultation-submit').click();
      await page
        .getByTestId('consultation-unit-error')
        .getByText(`Không có đơn vị đang hoạt động nào mang mã KHONGCO${suffix}.`, { exact: false })
        .waitFor();
      await page.getByTestId('consultation-unit').fill(unitCode.toLowerCase());
      await page.getByTestId('consultation-submit').click();
      await page.waitForURL(/\/admin\/consultations\/[0-9a-f]{24}$/);
      await page.getByText(`${unitCode} · nhận góp ý đến`).waitFor();
    } finally {
      await context.close();
    }
  });
});
