/**
 * The published results in a phone-sized Chromium, without login (issue 12): from the public
 * home to a group's ranking of the newest year (ties share rank 1, the next is 3, the change
 * against last year signed), the year before, and a unit's page with its areas and its history.
 * Two periods of one index are published through the admin's API with survey results only, so
 * each index is the survey score ÷ 6 points, worked out by hand below. A unit's officer then sees
 * its own result on its periods list in the portal.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { createUnit } from '../../services/assessment/test/integration/self-assessment-support';
import { launchChromium, loginThroughKeycloak } from '../support/browser';
import { openPortal, type Portal } from '../support/portal-fixture';
import {
  consolidateAndPublish,
  createSurveyOnlyPeriod,
  importSurveyScores,
} from '../support/published-ranking';

const publicSite = () => process.env.PAR_PUBLIC_URL!;
const shell = () => process.env.PAR_SHELL_URL!;
/** A cheap phone's screen. */
const phone = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };

describe('published results on a phone', () => {
  let portal: Portal<'admin' | 'officer'> | undefined;
  let browser: Browser;
  const suffix = randomUUID().slice(0, 5).toUpperCase();
  const group = `KC${suffix}`;
  const indexCode = `KC${suffix}`;
  const [u1, u2, u3] = ['K1', 'K2', 'K3'].map((p) => `${p}${suffix}`) as [string, string, string];
  let y2025: string;
  let y2026: string;

  beforeAll(async () => {
    portal = await openPortal({
      // The public site, and the units' own remote in the shell.
      apps: [
        'gateway',
        'accounts',
        'assessment',
        'appraisal',
        'ranking',
        'public-ui',
        'shell',
        'self-assessment',
      ],
      users: {
        admin: { roles: ['admin'], unit: 'SNV' },
        officer: { roles: ['data-entry'], unit: u1 },
      },
      routes: ['accounts', 'assessment'],
    });
    browser = await launchChromium();
    const admin = portal.tokens.admin;
    for (const code of [u1, u2, u3]) await createUnit(admin, code, group);
    const period = (year: number) =>
      createSurveyOnlyPeriod(admin, {
        indexCode,
        year,
        unitGroup: group,
        name: `Chỉ số cải cách hành chính năm ${year} (${suffix})`,
      });
    y2025 = await period(2025);
    y2026 = await period(2026);
    // 2025: K1 0.5 of 6 = 8.33 % first; K2 and K3 0.25 of 6 = 4.17 %, tied second.
    await importSurveyScores(admin, y2025, { [u1]: '0,5', [u2]: '0,25', [u3]: '0,25' });
    await consolidateAndPublish(admin, y2025);
    // 2026: K2 and K3 8.33 % tied first (+4.16 each); K1 4.17 % third (−4.16).
    await importSurveyScores(admin, y2026, { [u1]: '0,25', [u2]: '0,5', [u3]: '0,5' });
    await consolidateAndPublish(admin, y2026, { previousPeriodId: y2025 });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  const texts = (page: Page, prefix: string) =>
    page.locator(`[data-testid^="${prefix}-"]`).allTextContents();
  /** The page fits the phone's width: only a table may scroll sideways, inside its own box. */
  const fitsThePhone = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('shows the newest ranking, the year before and a unit’s page, without login', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', ...phone });
    const page = await context.newPage();
    try {
      await page.goto(`${publicSite()}/cong-khai/`);
      await page
        .getByRole('link', { name: 'Xem kết quả chỉ số cải cách hành chính đã công bố' })
        .click();
      await page.getByRole('heading', { name: 'Kết quả chỉ số đã công bố' }).waitFor();

      await page.getByTestId('results-index').selectOption(indexCode);
      await page.getByTestId('results-group').selectOption(group);
      const ranking = page.getByTestId('results-ranking');
      await ranking
        .getByRole('heading', { name: `Chỉ số cải cách hành chính năm 2026 (${suffix})` })
        .waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('results-year').inputValue()).toBe(y2026);
      expect(
        await page
          .getByRole('table', {
            name: `Xếp hạng nhóm ${group}, Chỉ số cải cách hành chính năm 2026 (${suffix})`,
          })
          .count(),
      ).toBe(1);
      // Ties share rank 1 (said to a screen reader), the next is 3.
      expect(await texts(page, 'rank')).toEqual(['1 (đồng hạng)', '1 (đồng hạng)', '3']);
      expect(await ranking.locator('tbody tr th, tbody tr td a').allInnerTexts()).toEqual([
        `Sở thử nghiệm ${u2}`,
        `Sở thử nghiệm ${u3}`,
        `Sở thử nghiệm ${u1}`,
      ]);
      expect(await texts(page, 'index')).toEqual(['8,33', '8,33', '4,17']);
      expect(await texts(page, 'change')).toEqual(['+4,16', '+4,16', '-4,16']);
      expect(await texts(page, 'band')).toEqual(['D', 'D', 'D']);
      expect(await fitsThePhone(page)).toBe(true);
      // The choice is in the address, to share.
      expect(new URL(page.url()).searchParams.get('dot')).toBe(y2026);

      // The year before: no earlier year to compare with.
      await page.getByTestId('results-year').selectOption(y2025);
      await ranking
        .getByRole('heading', { name: `Chỉ số cải cách hành chính năm 2025 (${suffix})` })
        .waitFor({ timeout: 30_000 });
      expect(await texts(page, 'rank')).toEqual(['1', '2 (đồng hạng)', '2 (đồng hạng)']);
      expect(await texts(page, 'index')).toEqual(['8,33', '4,17', '4,17']);
      expect(await texts(page, 'change')).toEqual([
        '—không có số liệu năm trước',
        '—không có số liệu năm trước',
        '—không có số liệu năm trước',
      ]);

      // K1's page in 2025, then its 2026 through the history.
      await ranking.getByRole('link', { name: `Sở thử nghiệm ${u1}` }).click();
      const unit = page.getByTestId('unit-result');
      await unit.getByRole('heading', { name: `Sở thử nghiệm ${u1}` }).waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('unit-rank').innerText()).toBe('1/3');
      expect(await page.getByTestId('unit-index').innerText()).toBe('8,33 %');
      expect(await page.getByTestId('unit-change').innerText()).toBe('không có số liệu năm trước');
      await page.getByTestId('history-2026').getByRole('link', { name: '2026' }).click();
      await page
        .getByText(`Nhóm ${group} · Chỉ số cải cách hành chính năm 2026 (${suffix})`)
        .waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('unit-rank').innerText()).toBe('3/3');
      expect(await page.getByTestId('unit-index').innerText()).toBe('4,17 %');
      expect(await page.getByTestId('unit-band').innerText()).toBe('D');
      expect(await page.getByTestId('unit-change').innerText()).toBe('-4,16 điểm %');
      expect(await page.getByTestId('unit-total').innerText()).toBe('0,25 / 6');
      // Area 1 nothing of 3 points; area 2 the survey's 0.25 of 3 = 8.33 %.
      expect(await page.getByTestId('area-1').locator('td').allInnerTexts()).toEqual([
        'Công tác chỉ đạo, điều hành',
        '0 / 3',
        '0',
      ]);
      expect(await page.getByTestId('area-2').locator('td').allInnerTexts()).toEqual([
        'Thủ tục hành chính',
        '0,25 / 3',
        '8,33',
      ]);
      // History: 2025 first (1 of 3, 8.33 %), then 2026 (3 of 3, 4.17 %), this one not a link.
      const history = page.getByTestId('unit-history').locator('tbody tr');
      expect(await history.count()).toBe(2);
      expect(await history.nth(0).locator('td').nth(1).innerText()).toBe('1/3');
      expect(await history.nth(1).locator('td').nth(1).innerText()).toBe('3/3');
      expect(await history.nth(1).locator('td').nth(2).innerText()).toBe('4,17');
      expect(await history.nth(1).getByRole('link').count()).toBe(0);
      expect(await fitsThePhone(page)).toBe(true);

      // Back to the ranking it came from: 2026, K1's group.
      await page.getByRole('link', { name: '← Về bảng xếp hạng' }).click();
      await ranking
        .getByRole('heading', { name: `Chỉ số cải cách hành chính năm 2026 (${suffix})` })
        .waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('results-group').inputValue()).toBe(group);
    } finally {
      await context.close();
    }
  });
  it('says a unit’s result did not load, and loads it again from the keyboard', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', ...phone });
    const page = await context.newPage();
    // The connection drops for the API only: the page itself and its config still load.
    const api = `**/api/public/results/${y2026}/units/**`;
    await page.route(api, (route) => route.abort('internetdisconnected'));
    try {
      await page.goto(`${publicSite()}/cong-khai/ket-qua/${y2026}/${u1}`);
      await page
        .getByRole('alert')
        .getByText('Chưa tải được kết quả. Hãy kiểm tra kết nối mạng rồi bấm «Tải lại».')
        .waitFor({ timeout: 30_000 });
      // The way back is there meanwhile.
      expect(await page.getByRole('link', { name: '← Về bảng xếp hạng' }).count()).toBe(1);

      await page.unroute(api);
      const retry = page.getByRole('button', { name: 'Tải lại' });
      // From the top of the page: the way back, then «Tải lại».
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await retry.evaluate((button) => button === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await page
        .getByTestId('unit-result')
        .getByRole('heading', { name: `Sở thử nghiệm ${u1}` })
        .waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('unit-rank').innerText()).toBe('3/3');

      // A unit the period does not hold: said so, with the way back to the ranking.
      await page.goto(`${publicSite()}/cong-khai/ket-qua/${y2026}/KHONGCO${suffix}`);
      await page
        .getByRole('alert')
        .getByText('Không tìm thấy kết quả đã công bố này. Hãy chọn lại trong bảng xếp hạng.')
        .waitFor({ timeout: 30_000 });
      expect(await page.getByRole('button', { name: 'Tải lại' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('shows a unit its own published result on its periods list', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const { officer } = portal!.users;
    try {
      await page.goto(`${shell()}/self-assessment`);
      await loginThroughKeycloak(page, officer.username, officer.password);
      const line = (periodId: string) =>
        page.getByTestId(`period-${periodId}`).getByTestId('period-published');
      await line(y2026).waitFor({ timeout: 30_000 });
      // K1: third of three in 2026 (4,17 %, 4,16 points down), first in 2025; default band D.
      expect(await line(y2026).innerText()).toBe(
        'Kết quả công bố (lần 1): hạng 3/3 trong nhóm · chỉ số 4,17 % · xếp loại D · so với năm trước -4,16 điểm phần trăm',
      );
      expect(await line(y2025).innerText()).toBe(
        'Kết quả công bố (lần 1): hạng 1/3 trong nhóm · chỉ số 8,33 % · xếp loại D',
      );
    } finally {
      await context.close();
    }
  });
});
