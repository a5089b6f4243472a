/**
 * The public survey pages in a phone-sized Chromium (issue 13): a citizen answers a unit's survey
 * from its link without logging in, a second answer from the same device is refused, a
 * surveyor's forms saved while offline are sent exactly once when the connection returns, and
 * a form sent after the campaign closed says the survey is over, not that it was answered.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApps, stopApps, type RunningApp } from '../../deploy/local/apps/apps';
import { launchChromium, loginThroughKeycloak } from '../support/browser';
import {
  createTestClient,
  createUser,
  deleteTestClient,
  deleteUser,
  tokenFor,
  type TestClient,
  type TestUser,
} from '../support/keycloak';
import { callApi } from '../support/api';
import { openSurvey, responseCount, type OpenedSurvey } from '../support/open-survey';
import { eventually } from '../support/eventually';

const publicSite = () => process.env.PAR_PUBLIC_URL!;
const shell = () => process.env.PAR_SHELL_URL!;
/** A cheap phone's screen. */
const phone = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };

describe('public survey pages on a phone', () => {
  let apps: RunningApp[] = [];
  let browser: Browser;
  let admin: TestUser;
  let client: TestClient;
  let token: string;
  let survey: OpenedSurvey;
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const unit = `KS${suffix}`;

  beforeAll(async () => {
    // The shell (for the surveyors' form, a remote of it) and the public site; no other remote.
    apps = await startApps(['gateway', 'accounts', 'assessment', 'survey', 'shell', 'public-ui']);
    browser = await launchChromium();
    admin = await createUser({ roles: ['admin'], unit: 'SNV' });
    client = await createTestClient();
    token = await tokenFor(admin, client);
    survey = await openSurvey({
      token,
      unitGroup: `ks-${suffix.toLowerCase()}`,
      units: [unit],
      name: `Kỳ khảo sát ${suffix}`,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await stopApps(apps);
    if (admin) await deleteUser(admin);
    if (client) await deleteTestClient(client);
  });

  /** Picks a radio or check box by its label's text, as a thumb would. */
  const choose = (page: Page, label: string) => page.getByLabel(label, { exact: true }).check();
  /** Answers the required questions: heard of it on the portal, both scales at `level`. */
  const answerRequired = async (page: Page, level: RegExp) => {
    await choose(page, 'Cổng dịch vụ công');
    for (const group of [/tiếp cận dịch vụ\?/, /kết quả nhận được\?/])
      await page.getByRole('group', { name: group }).getByLabel(level).check();
  };

  it('lets a citizen answer from the unit’s link without login, and refuses a second answer from the same device', async () => {
    const context: BrowserContext = await browser.newContext({ locale: 'vi-VN', ...phone });
    const keycloak = new URL(process.env.PAR_KEYCLOAK_URL!).origin;
    const keycloakRequests: string[] = [];
    context.on('request', (request) => {
      if (request.url().startsWith(keycloak)) keycloakRequests.push(request.url());
    });
    const page = await context.newPage();
    const link = `${publicSite()}/cong-khai/khao-sat/${survey.campaignId}/${unit}`;
    try {
      await page.goto(link);
      await page.getByRole('heading', { name: 'Khảo sát sự hài lòng của người dân' }).waitFor();
      expect(await page.getByText(`Sở Thử ${unit}`).count()).toBe(1);

      // Sending nothing names the required questions, in Vietnamese, and sends nothing.
      await page.getByTestId('survey-submit').click();
      await page.getByText('Phiếu còn 3 câu cần sửa.', { exact: false }).waitFor();
      expect(await page.getByText('Hãy trả lời câu hỏi này.').count()).toBe(3);

      // The conditional question appears only after its answer.
      const followUp = page.getByLabel('Người quen đó làm nghề gì?');
      expect(await followUp.count()).toBe(0);
      await choose(page, 'Người quen giới thiệu');
      await followUp.fill('Giáo viên');
      await page
        .getByRole('group', { name: /tiếp cận dịch vụ\?/ })
        .getByLabel(/^4/)
        .check();
      await page
        .getByRole('group', { name: /kết quả nhận được\?/ })
        .getByLabel(/^5/)
        .check();
      await page.getByLabel('Góp ý khác (nếu có)').fill('<b>Cán bộ</b> nhiệt tình');
      await page.getByTestId('survey-submit').click();

      const outcome = page.getByTestId('survey-outcome');
      await outcome.waitFor();
      expect(await outcome.innerText()).toContain('Cảm ơn bạn đã trả lời!');
      expect(await responseCount(token, survey.campaignId)).toBe(1);

      // The same phone opens the link again: it already answered.
      await page.goto(link);
      await page.getByTestId('survey-outcome').waitFor();
      expect(await page.getByTestId('survey-outcome').innerText()).toContain(
        'Bạn đã trả lời phiếu này',
      );

      // Even with the page's own note wiped, the service refuses a second answer from its token.
      await page.evaluate(() => {
        for (const key of Object.keys(localStorage))
          if (key.startsWith('par.survey.answered.')) localStorage.removeItem(key);
      });
      await page.goto(link);
      await answerRequired(page, /^3/);
      await page.getByTestId('survey-submit').click();
      await page.getByTestId('survey-outcome').waitFor();
      expect(await page.getByTestId('survey-outcome').innerText()).toContain(
        'Thiết bị này đã gửi phiếu khảo sát cho đơn vị này.',
      );
      expect(await responseCount(token, survey.campaignId)).toBe(1);
      expect(keycloakRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps a surveyor’s forms saved offline and sends each exactly once when the connection returns', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', ...phone });
    const page = await context.newPage();
    try {
      const before = await responseCount(token, survey.campaignId);
      await page.goto(`${shell()}/public/truc-tiep/${survey.campaignId}/${unit}`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.getByRole('heading', { name: 'Nhập phiếu khảo sát trực tiếp' }).waitFor({
        timeout: 60_000,
      });
      await page.getByTestId('direct-save').waitFor();

      await context.setOffline(true);
      await page.getByText('Đang mất mạng', { exact: false }).waitFor();
      const fill = async (paperId: string, level: RegExp) => {
        await page.getByLabel('Số phiếu giấy').fill(paperId);
        await answerRequired(page, level);
        await page.getByTestId('direct-save').click();
      };
      await fill(`TP-${suffix}-1`, /^4/);
      await page.getByText(`Đã lưu phiếu giay-TP-${suffix}-1 trên máy.`).waitFor();
      await fill('', /^2/);
      await page.getByTestId('direct-pending').getByText('Phiếu chờ gửi: 2').waitFor();
      // The same paper form twice is refused on the device already.
      await fill(`tp-${suffix}-1`, /^5/);
      await page.getByText(`Phiếu giấy số tp-${suffix}-1 đã được nhập`, { exact: false }).waitFor();
      expect(await responseCount(token, survey.campaignId)).toBe(before);

      // Back online, the forms kept in IndexedDB go out.
      await context.setOffline(false);
      await page.getByTestId('direct-pending').getByText('Phiếu chờ gửi: 0').waitFor({
        timeout: 30_000,
      });
      await eventually(
        async () => (await responseCount(token, survey.campaignId)) === before + 2,
        30_000,
      );
      // Nothing more goes out afterwards, even after a reload that flushes again.
      await page.reload();
      await page.getByTestId('direct-pending').getByText('Phiếu chờ gửi: 0').waitFor({
        timeout: 60_000,
      });
      expect(await responseCount(token, survey.campaignId)).toBe(before + 2);
    } finally {
      await context.close();
    }
  });

  // Last: it closes the campaign the other cases answer.
  it('says the survey is over when the campaign closed while the citizen filled the form', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', ...phone });
    const page = await context.newPage();
    try {
      await page.goto(`${publicSite()}/cong-khai/khao-sat/${survey.campaignId}/${unit}`);
      await page.getByRole('heading', { name: 'Khảo sát sự hài lòng của người dân' }).waitFor();
      await answerRequired(page, /^2/);

      const before = await responseCount(token, survey.campaignId);
      const campaign = await callApi(`/survey/campaigns/${survey.campaignId}`, { token });
      const closed = await callApi(`/survey/campaigns/${survey.campaignId}/close`, {
        method: 'POST',
        token,
        body: { version: campaign.body.version },
      });
      expect(closed.status).toBe(200);

      await page.getByTestId('survey-submit').click();
      const outcome = page.getByTestId('survey-outcome');
      await outcome.waitFor();
      const text = await outcome.innerText();
      expect(text).toContain('Đợt khảo sát đã kết thúc');
      expect(text).toContain('không nhận thêm phiếu');
      expect(text).not.toContain('Bạn đã trả lời phiếu này');
      expect(await responseCount(token, survey.campaignId)).toBe(before);
      // Not noted as answered: should the campaign open again, this phone may still answer.
      const noted = await page.evaluate(() =>
        Object.keys(localStorage).filter((key) => key.startsWith('par.survey.answered.')),
      );
      expect(noted).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
