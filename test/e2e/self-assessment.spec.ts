/**
 * A unit's self-assessment in Chromium: an officer fills a small set and watches each area's
 * score and progress change, a reload keeps every saved value, a second officer saving the same
 * entry shows both versions side by side, and the unit's approver submits, then withdraws.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { frontendApps } from '../../deploy/local/apps/apps';
import { launchChromium, loginThroughKeycloak } from '../support/browser';
import { callApi as call } from '../support/api';
import { openPortal, type Portal } from '../support/portal-fixture';
import { type TestUser } from '../support/keycloak';

const shell = () => process.env.PAR_SHELL_URL!;
const HOUR = 3_600_000;
const phases = [
  'setup',
  'selfAssessment',
  'appraisalRound1',
  'clarification',
  'appraisalRound2',
  'consolidation',
  'published',
];

/** An input by its id, which holds the criterion code's dots. */
const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

describe('a unit self-assesses in the browser', () => {
  let portal: Portal<'admin'> | undefined;
  let browser: Browser;
  let officer: TestUser;
  let colleague: TestUser;
  let approver: TestUser;
  let periodId: string;
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const group = `E2SA${suffix}`;
  const unit = `SA${suffix}`;
  const year = new Date().getFullYear();

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment', 'evidence', ...frontendApps],
      users: { admin: { roles: ['admin'], unit: 'SNV' } },
      routes: ['accounts', 'assessment'],
    });
    browser = await launchChromium();
    const token = portal.tokens.admin;
    const created = await call('/units', {
      method: 'POST',
      token,
      body: { code: unit, name: `Sở Thử ${unit}`, kind: 'department', unitGroup: group },
    });
    expect(created.status).toBe(201);
    await call('/indices', { method: 'POST', token, body: { code: 'PAR', name: 'Chỉ số PAR' } });
    // Area 1 (3 points): 1.1 manual up to 1,5 in steps of 0,25 with one evidence file (or its
    // reason); 1.2 yes 1,5. Area 2 (4 points): 2.1 a ratio, 50 % → 0, 100 % → 4.
    const set = await call('/criteria-sets', {
      method: 'POST',
      token,
      body: {
        indexCode: 'PAR',
        year,
        unitGroup: group,
        name: `Bộ tiêu chí ${group}`,
        nodes: [
          { code: '1', title: 'Công tác chỉ đạo, điều hành', maxScore: 300 },
          {
            code: '1.1',
            parentCode: '1',
            title: 'Ban hành kế hoạch CCHC năm',
            guidanceForUnits: 'Kế hoạch ban hành trước ngày 31/01.',
            maxScore: 150,
            rule: { type: 'manual', max: 150, step: 25 },
            evidence: { min: 1, max: 2 },
          },
          {
            code: '1.2',
            parentCode: '1',
            title: 'Báo cáo CCHC định kỳ đúng hạn',
            maxScore: 150,
            rule: { type: 'boolean', yesScore: 150 },
            evidence: { min: 0, max: 2 },
          },
          { code: '2', title: 'Cải cách thủ tục hành chính', maxScore: 400 },
          {
            code: '2.1',
            parentCode: '2',
            title: 'Hồ sơ giải quyết đúng hạn',
            maxScore: 400,
            rule: {
              type: 'ratio',
              numeratorLabel: 'Số hồ sơ đúng hạn',
              denominatorLabel: 'Tổng số hồ sơ',
              scale: { kind: 'linear', fromPercent: 5000, toPercent: 10000 },
            },
            evidence: { min: 0, max: 2 },
          },
        ],
      },
    });
    expect([set.status, set.body.error]).toEqual([201, undefined]);
    const period = await call('/periods', {
      method: 'POST',
      token,
      body: {
        indexCode: 'PAR',
        year,
        name: `Tự đánh giá CCHC ${year} ${suffix}`,
        criteriaSets: [{ unitGroup: group, criteriaSetId: set.body.id }],
        unitCodes: [unit],
        phases: phases.map((phase, i) => ({
          phase,
          startsAt: new Date(Date.now() + (i * 24 - 1) * HOUR).toISOString(),
          endsAt:
            phase === 'published'
              ? null
              : new Date(Date.now() + ((i + 1) * 24 - 1) * HOUR).toISOString(),
        })),
      },
    });
    expect([period.status, period.body.error]).toEqual([201, undefined]);
    periodId = period.body.id;
    const advanced = await call(`/periods/${periodId}/advance`, {
      method: 'POST',
      token,
      body: { version: period.body.version },
    });
    expect(advanced.status).toBe(200);
    ({ user: officer } = await portal.addUser({ roles: ['data-entry'], unit }));
    ({ user: colleague } = await portal.addUser({ roles: ['data-entry'], unit }));
    ({ user: approver } = await portal.addUser({
      roles: ['data-entry'],
      clientRoles: ['unit-approver'],
      unit,
    }));
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  const open = async (user: TestUser): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${shell()}/self-assessment/periods/${periodId}`);
    await loginThroughKeycloak(page, user.username, user.password);
    await page.locator('[data-first-input]').waitFor({ timeout: 30_000 });
    return { context, page };
  };
  const savedState = (page: Page) =>
    page.locator('[data-testid="page-save-state"][data-state="saved"]');
  const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
  /** Waits until the element shows the text (React renders a moment after the keystroke). */
  const shows = (page: Page, testId: string, value: string) =>
    page.getByTestId(testId).filter({ hasText: value }).waitFor({ timeout: 5_000 });

  it('fills a small set with live totals and progress, keeps it over a reload, and moves by keyboard', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      // The list first: the open period with its deadline and progress.
      await page.goto(`${shell()}/self-assessment`);
      await loginThroughKeycloak(page, officer.username, officer.password);
      const row = page.getByTestId(`period-${periodId}`);
      await row.waitFor({ timeout: 30_000 });
      expect(await row.getByTestId('period-deadline').innerText()).toMatch(
        /Hạn: \d\d\/\d\d\/\d{4} \d\d:\d\d \(giờ Việt Nam\)/,
      );
      expect(await row.getByTestId('period-progress').innerText()).toBe('0/3 tiêu chí hoàn thành');
      await page.getByTestId(`period-open-${periodId}`).click();

      const first = page.locator('[data-first-input]');
      await first.waitFor();
      expect(await first.getAttribute('id')).toBe('entry-1.1-value');
      await first.fill('1,25');
      await shows(page, 'area-1-score', '1,25 / 3');
      await shows(page, 'summary-total', '1,25 / 7');
      await byId(page, 'entry-1.1-explanation').fill('Đã ban hành kế hoạch\nsố 12/KH-UBND');
      await byId(page, 'entry-1.1-missing-evidence').fill('Bản scan đang chờ ký số');
      await page.getByTestId('area-1-progress-text').getByText('Hoàn thành 1/2').waitFor();

      // Alt+↓ moves to the next criterion's first input.
      await first.focus();
      await page.keyboard.press('Alt+ArrowDown');
      expect(
        await page.evaluate(() =>
          document.activeElement?.closest('[data-criterion]')?.getAttribute('data-criterion'),
        ),
      ).toBe('1.2');

      await page.getByTestId('entry-1.2-yes').click();
      await byId(page, 'entry-1.2-explanation').fill('Gửi đủ 4 báo cáo quý');
      await byId(page, 'entry-2.1-numerator').fill('3');
      await byId(page, 'entry-2.1-denominator').fill('4');
      await page.getByTestId('entry-2.1-ratio').getByText('Tỉ lệ 75 % → 2 điểm').waitFor();
      await shows(page, 'area-1-score', '2,75 / 3');
      await shows(page, 'area-2-score', '2 / 4');
      await page.getByTestId('area-1-progress-text').getByText('Hoàn thành 2/2').waitFor();
      await page.getByTestId('blocker-2.1').getByText('chưa giải trình').waitFor();
      await byId(page, 'entry-2.1-explanation').fill('Theo số liệu một cửa');
      await page.getByTestId('blockers-none').waitFor();
      await savedState(page).waitFor({ timeout: 15_000 });

      await page.reload();
      await page.locator('[data-first-input]').waitFor({ timeout: 30_000 });
      expect(await byId(page, 'entry-1.1-value').inputValue()).toBe('1,25');
      expect(await byId(page, 'entry-1.1-explanation').inputValue()).toBe(
        'Đã ban hành kế hoạch\nsố 12/KH-UBND',
      );
      expect(await byId(page, 'entry-1.1-missing-evidence').inputValue()).toBe(
        'Bản scan đang chờ ký số',
      );
      expect(await byId(page, 'entry-2.1-numerator').inputValue()).toBe('3');
      await shows(page, 'summary-total', '4,75 / 7');
      await page.getByTestId('blockers-none').waitFor();
    } finally {
      await context.close();
    }
  });

  it("shows both versions when a colleague saved the same entry, and keeps the officer's on request", async () => {
    const mine = await open(officer);
    const theirs = await open(colleague);
    try {
      // The officer is in 1.1's explanation when the colleague saves it.
      const field = byId(mine.page, 'entry-1.1-explanation');
      await field.focus();
      await byId(theirs.page, 'entry-1.1-explanation').fill('Bản của đồng nghiệp');
      await savedState(theirs.page).waitFor({ timeout: 15_000 });
      // The colleague leaves the field, so the officer's later save may show in it.
      await theirs.page.getByTestId('summary-total').click();
      await field.fill('Bản của tôi');

      const conflict = mine.page.getByTestId('conflict-1.1');
      await conflict.waitFor({ timeout: 30_000 });
      expect(await text(mine.page, 'conflict-1.1-mine-explanation')).toBe('Bản của tôi');
      expect(await text(mine.page, 'conflict-1.1-theirs-explanation')).toBe('Bản của đồng nghiệp');
      expect(await mine.page.getByTestId('page-save-state').getAttribute('data-state')).toBe(
        'error',
      );
      await mine.page.getByTestId('conflict-1.1-keep-mine').click();
      await conflict.waitFor({ state: 'detached' });
      await savedState(mine.page).waitFor({ timeout: 15_000 });

      // The colleague's page picks the officer's save up without a reload.
      await theirs.page.waitForFunction(
        () =>
          (document.getElementById('entry-1.1-explanation') as HTMLTextAreaElement | null)
            ?.value === 'Bản của tôi',
        undefined,
        { timeout: 30_000 },
      );
    } finally {
      await mine.context.close();
      await theirs.context.close();
    }
  });

  it('lets the approver submit the complete self-assessment, then withdraw it with a reason', async () => {
    const { context, page } = await open(approver);
    try {
      await page.getByTestId('blockers-none').waitFor();
      await page.getByTestId('approver-submit').click();
      await page.getByTestId('approver-submit-confirm').click();
      const notice = page.getByTestId('read-only');
      await notice.waitFor({ timeout: 15_000 });
      expect(await notice.getAttribute('data-reason')).toBe('submitted');
      expect(await notice.innerText()).toContain(approver.username);
      expect(await byId(page, 'entry-1.1-value').isDisabled()).toBe(true);

      // The submitted summary exports as a PDF the browser downloads.
      const [pdf] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByTestId('export-pdf').click(),
      ]);
      expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
      const bytes = await readFile((await pdf.path())!);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      await page.getByTestId('approver-withdraw').click();
      await page.getByTestId('withdraw-reason').fill('Sửa lại giải trình tiêu chí 2.1');
      await page.getByTestId('approver-withdraw-confirm').click();
      await notice.waitFor({ state: 'detached', timeout: 15_000 });
      expect(await byId(page, 'entry-1.1-value').isDisabled()).toBe(false);
      await page.getByTestId('approver-submit').waitFor();
    } finally {
      await context.close();
    }
  });
});
