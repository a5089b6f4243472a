/**
 * A unit's self-assessment in Chromium: an officer fills a small set and watches each area's
 * score and progress change, a reload keeps every saved value, a second officer saving the same
 * entry shows both versions side by side, and the unit's approver submits, then withdraws; an
 * officer's open page locks and unlocks with the submission, and a period past its deadline is
 * read-only with the deadline named.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { frontendApps } from '../../deploy/local/apps/apps';
import { formatVietnamDate, formatVietnamDateTime, formatVietnamTime } from '@par/contracts';
import { callApi } from '../support/api';
import { launchChromium, loginThroughKeycloak } from '../support/browser';
import { eventually } from '../support/eventually';
import { dailyPhases, openPeriod } from '../support/open-period';
import { pdfText } from '../support/pdf-text';
import { openPortal, type Portal } from '../support/portal-fixture';
import { type TestUser } from '../support/keycloak';

const shell = () => process.env.PAR_SHELL_URL!;

/** An input by its id, which holds the criterion code's dots. */
const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

describe('a unit self-assesses in the browser', () => {
  let portal: Portal<'admin'> | undefined;
  let browser: Browser;
  let officer: TestUser;
  let colleague: TestUser;
  let approver: TestUser;
  let periodId: string;
  let setId: string;
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
    // Area 1 (3 points): 1.1 manual up to 1,5 in steps of 0,25 with one evidence file (or its
    // reason); 1.2 yes 1,5. Area 2 (4 points): 2.1 a ratio, 50 % → 0, 100 % → 4.
    ({ periodId, setId } = await openPeriod({
      token: portal.tokens.admin,
      unitGroup: group,
      units: [unit],
      name: `Tự đánh giá CCHC ${year} ${suffix}`,
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
    }));
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

  const open = async (
    user: TestUser,
    period = periodId,
  ): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${shell()}/self-assessment/periods/${period}`);
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

  /**
   * Holds the page's saves of entries at the network until `release()`, so a test can act
   * while a save is on its way; counts how many were held.
   */
  async function holdSaves(page: Page): Promise<{ held: () => number; release: () => void }> {
    const waiting: Array<() => void> = [];
    let count = 0;
    let released = false;
    await page.route('**/api/self-assessment/periods/*/entries/*', (route) => {
      if (route.request().method() !== 'PUT' || released) return void route.continue();
      count += 1;
      waiting.push(() => void route.continue());
    });
    return {
      held: () => count,
      release: () => {
        released = true;
        for (const go of waiting.splice(0)) go();
      },
    };
  }
  /** Until the input (by its id) is disabled, or enabled: the page switches without a reload. */
  const inputDisabled = (page: Page, id: string, disabled: boolean, timeout = 15_000) =>
    page.waitForFunction(
      ([id, disabled]) =>
        (document.getElementById(id as string) as HTMLInputElement | null)?.disabled === disabled,
      [id, disabled] as const,
      { timeout },
    );
  /** Marks the page's document, so a test can tell that it was never reloaded. */
  const markDocument = (page: Page) =>
    page.evaluate(() => document.documentElement.setAttribute('data-test-mark', 'same'));
  const stillSameDocument = async (page: Page) =>
    expect(await page.locator('html').getAttribute('data-test-mark')).toBe('same');
  /** The confirmation asked before unsaved work is left. */
  const leaveDialog = (page: Page) =>
    page.locator('.ant-modal-confirm-title', { hasText: 'Còn thay đổi chưa lưu' });
  /** Until the page has sent a save that the test holds. */
  const eventuallyHeld = (held: () => number) =>
    eventually(async () => held() > 0, 15_000, 'a save held at the network');

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

  it('warns before leaving unsaved work by a link or the back button, and lets the officer stay', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      // From the list, so that the back button has somewhere to go.
      await page.goto(`${shell()}/self-assessment`);
      await loginThroughKeycloak(page, officer.username, officer.password);
      await page.getByTestId(`period-open-${periodId}`).click({ timeout: 30_000 });
      await page.locator('[data-first-input]').waitFor({ timeout: 30_000 });
      const periodUrl = page.url();
      const saves = await holdSaves(page);
      await byId(page, 'entry-1.2-explanation').fill('Gửi đủ 4 báo cáo quý, đúng hạn');
      await page
        .locator('[data-testid="page-save-state"][data-state="saving"]')
        .waitFor({ timeout: 15_000 });

      // A link inside the portal (the breadcrumb back to the list): asked, and stays.
      await page.locator('.ant-breadcrumb a').first().click();
      await leaveDialog(page).waitFor({ timeout: 5_000 });
      await page.getByTestId('leave-stay').click();
      await leaveDialog(page).waitFor({ state: 'hidden' });
      expect(page.url()).toBe(periodUrl);

      // The browser's back button: asked too, and the page stays with the typed text.
      await page.evaluate(() => window.history.back());
      await leaveDialog(page).waitFor({ timeout: 5_000 });
      await page.getByTestId('leave-stay').click();
      await leaveDialog(page).waitFor({ state: 'hidden' });
      expect(page.url()).toBe(periodUrl);
      expect(await byId(page, 'entry-1.2-explanation').inputValue()).toBe(
        'Gửi đủ 4 báo cáo quý, đúng hạn',
      );

      // Once the save lands, leaving asks nothing.
      expect(saves.held()).toBeGreaterThan(0);
      saves.release();
      await savedState(page).waitFor({ timeout: 15_000 });
      await page.evaluate(() => window.history.back());
      await page.getByTestId(`period-${periodId}`).waitFor({ timeout: 15_000 });
      expect(await leaveDialog(page).count()).toBe(0);
    } finally {
      await context.close();
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
      // Hand-computed: 1.1 (1,25) + 1.2 (yes, 1,5) = 2,75 of 3; 2.1 (75 %: 2 of 4); 4,75 of 7.
      const text = pdfText(bytes);
      for (const expected of [
        `Sở Thử ${unit} (${unit})`,
        'Hồ sơ giải quyết đúng hạn',
        'Bản của tôi',
        'Tổng điểm của đơn vị',
        'THỦ TRƯỞNG ĐƠN VỊ',
      ])
        expect(text).toContain(expected);
      expect(text).toMatch(/2,75/);
      expect(text).toMatch(/4,75/);

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
  it("submits only after the approver's own pending save lands, and refuses a colleague's save that arrives after it, saying so", async () => {
    const approving = await open(approver);
    const writing = await open(officer);
    try {
      // The officer's change to 1.2 leaves before the submission but reaches the server after it.
      const late = await holdSaves(writing.page);
      await byId(writing.page, 'entry-1.2-explanation').fill('Bản sửa đến sau khi gửi');
      await eventuallyHeld(late.held);

      // The approver's own change to 2.1 is still on its way when the approver submits.
      const own = await holdSaves(approving.page);
      const order: string[] = [];
      approving.page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().endsWith('/submit')) order.push('submit');
      });
      approving.page.on('response', (response) => {
        if (response.request().method() === 'PUT') order.push('save landed');
      });
      await byId(approving.page, 'entry-2.1-explanation').fill('Theo số liệu một cửa, quý IV');
      await eventuallyHeld(own.held);
      await approving.page.getByTestId('approver-submit').click();
      await approving.page.getByTestId('approver-submit-confirm').click();
      await approving.page.getByTestId('approver-waiting-for-saves').waitFor({ timeout: 5_000 });
      expect(order).toEqual([]);
      own.release();
      const notice = approving.page.getByTestId('read-only');
      await notice.waitFor({ timeout: 15_000 });
      expect(order).toEqual(['save landed', 'submit']);
      expect(await byId(approving.page, 'entry-2.1-explanation').inputValue()).toBe(
        'Theo số liệu một cửa, quý IV',
      );

      // The officer's save now reaches a submitted self-assessment: refused, in Vietnamese,
      // naming the submission; the page locks and shows what the approver submitted.
      late.release();
      const refused = writing.page.getByTestId('save-refused');
      await refused.waitFor({ timeout: 15_000 });
      expect(await refused.innerText()).toContain(
        `Thay đổi ở tiêu chí 1.2 chưa được lưu: bản tự đánh giá đã được ${approver.username} gửi lúc`,
      );
      await writing.page
        .locator('[data-testid="read-only"][data-reason="submitted"]')
        .waitFor({ timeout: 15_000 });
      expect(await byId(writing.page, 'entry-1.2-explanation').inputValue()).toBe(
        'Gửi đủ 4 báo cáo quý, đúng hạn',
      );
      expect(await byId(writing.page, 'entry-1.2-explanation').isDisabled()).toBe(true);
    } finally {
      await approving.context.close();
      await writing.context.close();
    }
  });

  it("locks an officer's open page when the approver submits, and unlocks it after a withdrawal, without a reload", async () => {
    // The case before left the self-assessment submitted: the colleague's page opens locked.
    const approving = await open(approver);
    const watching = await open(colleague);
    try {
      const notice = watching.page.getByTestId('read-only');
      await notice.waitFor({ timeout: 15_000 });
      expect(await notice.getAttribute('data-reason')).toBe('submitted');
      expect(await byId(watching.page, 'entry-1.1-value').isDisabled()).toBe(true);
      await markDocument(watching.page);

      // The approver withdraws: the colleague's read-only page keeps polling and unlocks.
      await approving.page.getByTestId('approver-withdraw').click();
      await approving.page.getByTestId('withdraw-reason').fill('Bổ sung giải trình tiêu chí 1.2');
      await approving.page.getByTestId('approver-withdraw-confirm').click();
      await approving.page.getByTestId('approver-submit').waitFor({ timeout: 15_000 });
      await notice.waitFor({ state: 'detached', timeout: 60_000 });
      await inputDisabled(watching.page, 'entry-1.1-value', false);
      await inputDisabled(watching.page, 'entry-1.2-explanation', false);

      // The approver submits again: the colleague's page locks and says who submitted, and when.
      await approving.page.getByTestId('blockers-none').waitFor({ timeout: 15_000 });
      await approving.page.getByTestId('approver-submit').click();
      await approving.page.getByTestId('approver-submit-confirm').click();
      await approving.page
        .locator('[data-testid="read-only"][data-reason="submitted"]')
        .waitFor({ timeout: 15_000 });
      const submitted = watching.page.locator('[data-testid="read-only"][data-reason="submitted"]');
      await submitted.waitFor({ timeout: 45_000 });
      expect(await submitted.innerText()).toContain(`${approver.username} đã gửi lúc`);
      await inputDisabled(watching.page, 'entry-1.1-value', true);
      await inputDisabled(watching.page, 'entry-1.2-explanation', true);
      // It learned from its poll, not from a refused save.
      expect(await watching.page.getByTestId('save-refused').count()).toBe(0);
      await stillSameDocument(watching.page);
    } finally {
      await approving.context.close();
      await watching.context.close();
    }
  });

  it('shows a period past its deadline read-only with the deadline named, unlocks under an extension, and refuses a save once it has passed', async () => {
    const admin = portal!.tokens.admin;
    const HOUR = 3_600_000;
    const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
    // Every phase a day long, the self-assessment ended a day ago. The scheduler moves the
    // period on as far as self-assessment and holds it there (round 1 cannot open: no appraiser
    // is assigned, the late unit is undecided), so the unit's deadline is what closes its page.
    const created = await callApi('/periods', {
      method: 'POST',
      token: admin,
      body: {
        indexCode: 'PAR',
        year,
        name: `Tự đánh giá đã hết hạn ${suffix}`,
        criteriaSets: [{ unitGroup: group, criteriaSetId: setId }],
        unitCodes: [unit],
        phases: dailyPhases(Date.now() - 48 * HOUR),
      },
    });
    expect(created.status).toBe(201);
    const late: string = created.body.id;
    await eventually(
      async () =>
        (await callApi(`/periods/${late}`, { token: admin })).body.currentPhase ===
        'selfAssessment',
      30_000,
      'the late period in self-assessment',
    );
    const period = (await callApi(`/periods/${late}`, { token: admin })).body;
    const common: string = period.phases.find(
      (p: { phase: string }) => p.phase === 'selfAssessment',
    ).endsAt;
    const extend = async (endsAt: string, reason: string) =>
      expect(
        (
          await callApi(`/periods/${late}/extensions`, {
            method: 'POST',
            token: admin,
            body: { unitCode: unit, phase: 'selfAssessment', endsAt, reason },
          })
        ).status,
      ).toBe(200);

    const { context, page } = await open(officer, late);
    try {
      const passed = page.locator('[data-testid="read-only"][data-reason="deadlinePassed"]');
      await passed.waitFor({ timeout: 15_000 });
      expect(await passed.innerText()).toContain(
        `Hạn tự đánh giá của đơn vị đã hết lúc ${formatVietnamDateTime(common)} (giờ Việt Nam)`,
      );
      expect(await byId(page, 'entry-1.1-value').isDisabled()).toBe(true);
      await markDocument(page);

      // The department extends the unit's deadline by an hour: the open page unlocks.
      await extend(inHours(1), 'Đơn vị mới sáp nhập');
      await passed.waitFor({ state: 'detached', timeout: 60_000 });
      await inputDisabled(page, 'entry-1.1-value', false);
      await stillSameDocument(page);

      // The extension is corrected to half an hour ago. The page's polls are cut off from here,
      // so it learns of it from its own save: refused, naming both deadlines, and locked.
      await page.route(
        (url) => url.pathname.endsWith('/entries'),
        (route) =>
          route.request().method() === 'GET' ? void route.abort() : void route.continue(),
      );
      const corrected = inHours(-0.5);
      await extend(corrected, 'Sửa hạn gia hạn');
      await byId(page, 'entry-1.1-value').fill('1');
      const refused = page.getByTestId('save-refused');
      await refused.waitFor({ timeout: 15_000 });
      expect(await refused.innerText()).toContain(
        `Đã hết hạn tự đánh giá được gia hạn cho đơn vị lúc ${formatVietnamTime(corrected)} ngày ${formatVietnamDate(corrected)} (giờ Việt Nam; hạn chung là ${formatVietnamTime(common)} ngày ${formatVietnamDate(common)})`,
      );
      await passed.waitFor({ timeout: 15_000 });
      expect(await passed.innerText()).toContain(
        `đã hết lúc ${formatVietnamDateTime(corrected)} (giờ Việt Nam)`,
      );
      await inputDisabled(page, 'entry-1.1-value', true);
      // Nothing was written.
      const entries = await callApi(`/self-assessment/periods/${late}/entries?unitCode=${unit}`, {
        token: admin,
      });
      expect(entries.body.items).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
