/**
 * A unit's own consultation in Chromium (issue 13): an officer posts a draft on «Góp ý dự thảo»
 * of the self-assessment area (no unit to pick: it is their own), a citizen comments on the
 * public page without login, the officer approves the comment and it shows publicly; an officer
 * of another unit neither sees the draft in their list nor can open or moderate it. The officer
 * attaches the draft as a PDF (progress, then checked by the service), and the citizen's page
 * lists it as a link that downloads the same file under its Vietnamese name.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { callApi as call } from '../support/api';
import { launchChromium, loginThroughKeycloak } from '../support/browser';
import { openUnitOfficersPortal, type UnitOfficersPortal } from '../support/unit-officers';

const publicSite = () => process.env.PAR_PUBLIC_URL!;
const shell = () => process.env.PAR_SHELL_URL!;

describe('an officer’s consultation on a draft policy of their own unit', () => {
  let portal: UnitOfficersPortal | undefined;
  let browser: Browser;
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const unitA = `GA${suffix}`;
  const unitB = `GB${suffix}`;
  const title = `Dự thảo Quy định tiếp công dân ${suffix}`;
  const comment = `Đề nghị bổ sung lịch tiếp công dân buổi chiều ${suffix}`;
  const attachmentName = 'Dự thảo Quy định tiếp công dân.pdf';
  /** A small but well-formed PDF, written by hand. */
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
      '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n' +
      'trailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );

  beforeAll(async () => {
    portal = await openUnitOfficersPortal(
      ['gateway', 'accounts', 'survey', 'shell', 'self-assessment', 'public-ui'],
      [unitA, unitB],
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('lets the officer post, moderate and publish a comment, and hides it from another unit', async () => {
    const officerContext = await browser.newContext({ locale: 'vi-VN' });
    const citizenContext = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
    const otherContext = await browser.newContext({ locale: 'vi-VN' });
    try {
      // The officer finds «Góp ý dự thảo» from the self-assessment area: nothing posted yet.
      const officer = await officerContext.newPage();
      await officer.goto(`${shell()}/self-assessment`);
      const a = portal!.users.officerA;
      await loginThroughKeycloak(officer, a.username, a.password);
      await officer.getByTestId('consultations-link').click();
      await officer.waitForURL((url) => url.pathname === '/self-assessment/consultations');
      await officer.getByTestId('consultations-empty').waitFor({ timeout: 60_000 });

      // The form names no unit; sent empty, it says what each field needs.
      await officer.getByTestId('consultation-create').first().click();
      await officer.getByTestId('consultation-title').waitFor();
      expect(await officer.getByTestId('consultation-unit').count()).toBe(0);
      await officer.getByTestId('consultation-submit').click();
      await officer.getByText('Hãy nhập tên dự thảo (tối đa 300 ký tự).').waitFor();
      await officer.getByText('Hãy chọn hạn góp ý là một thời điểm trong tương lai.').waitFor();
      await officer.getByTestId('consultation-title').fill(title);
      await officer.getByTestId('consultation-text').fill('Điều 1. Lịch tiếp công dân');
      // Two days from now, as a Vietnam wall-clock time (UTC+7).
      const deadline = new Date(Date.now() + (48 + 7) * 3600_000).toISOString().slice(0, 16);
      await officer.getByTestId('consultation-closes').fill(deadline);
      await officer.getByTestId('consultation-submit').click();

      // The draft opens, in the officer's own unit, with no comment waiting.
      await officer.waitForURL(/\/self-assessment\/consultations\/[0-9a-f]{24}$/);
      const consultationId = officer.url().split('/').pop()!;
      await officer.getByRole('heading', { name: title }).waitFor();
      await officer.getByText(`${unitA} · nhận góp ý đến`).waitFor();
      await officer.getByText('Không còn ý kiến nào chờ duyệt.').waitFor();

      // The officer attaches the draft as a PDF: it is uploaded, checked and listed.
      await officer.getByTestId('attachments-empty').waitFor();
      await officer.getByTestId('attachment-input').setInputFiles({
        name: attachmentName,
        mimeType: 'application/pdf',
        buffer: pdf,
      });
      await officer
        .getByTestId('attachment')
        .filter({ hasText: attachmentName })
        .waitFor({ timeout: 60_000 });
      await officer.getByText(`Đã đính kèm tệp «${attachmentName}».`).waitFor();

      // A citizen comments on the public page, without an account.
      const citizen = await citizenContext.newPage();
      await citizen.goto(`${publicSite()}/cong-khai/gop-y`);
      await citizen.getByRole('link', { name: title }).click();
      await citizen.getByRole('heading', { name: title }).waitFor();
      // The draft's file is a link that downloads the very bytes under the Vietnamese name.
      const link = citizen.getByTestId('attachment-link').filter({ hasText: attachmentName });
      await link.waitFor();
      const [download] = await Promise.all([citizen.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe(attachmentName);
      const saved = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of saved) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).equals(pdf)).toBe(true);
      await citizen.getByTestId('comment-text').fill(comment);
      await citizen.getByTestId('comment-submit').click();
      await citizen
        .getByText('Cảm ơn bạn! Ý kiến đã được gửi và sẽ hiển thị sau khi cơ quan duyệt.')
        .waitFor();
      await citizen.reload();
      await citizen.getByText('Chưa có ý kiến nào được duyệt.').waitFor();

      // The officer of another unit: not in their list, refused when opened by its address,
      // and refused by the service when they try to moderate it anyway.
      const other = await otherContext.newPage();
      await other.goto(`${shell()}/self-assessment/consultations`);
      const b = portal!.users.officerB;
      await loginThroughKeycloak(other, b.username, b.password);
      await other.getByTestId('consultations-empty').waitFor({ timeout: 60_000 });
      expect(await other.getByText(title).count()).toBe(0);
      await other.goto(`${shell()}/self-assessment/consultations/${consultationId}`);
      await other
        .getByText('Dự thảo này thuộc đơn vị khác: bạn chỉ quản lý được dự thảo của đơn vị mình.')
        .waitFor({ timeout: 60_000 });
      expect(await other.getByText(comment).count()).toBe(0);
      expect(await other.getByTestId('comment-approve').count()).toBe(0);

      // The officer approves it (after a reload, as they would come back to the page).
      await officer.reload();
      const card = officer.getByTestId(/^comment-[0-9a-f]{24}$/).filter({ hasText: comment });
      await card.waitFor({ timeout: 60_000 });
      const commentId = (await card.getAttribute('data-testid'))!.slice('comment-'.length);
      const byOther = await call(
        `/survey/consultations/${consultationId}/comments/${commentId}/moderation`,
        { method: 'POST', token: portal!.tokens.officerB, body: { decision: 'approve' } },
      );
      expect({ status: byOther.status, code: byOther.body.error?.code }).toEqual({
        status: 403,
        code: 'E_FORBIDDEN',
      });
      await card.getByTestId('comment-approve').click();
      await officer.getByText('Không còn ý kiến nào chờ duyệt.').waitFor();

      // Now the public sees it.
      await citizen.reload();
      const approved = citizen.getByTestId('approved-comments');
      await approved.waitFor();
      expect(await approved.getByText(comment, { exact: true }).count()).toBe(1);
    } finally {
      await officerContext.close();
      await citizenContext.close();
      await otherContext.close();
    }
  });
});
