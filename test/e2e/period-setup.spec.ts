/**
 * Issue 5's "Done when", lived through in Chromium as a new admin would: the PAR criteria sets
 * for departments and for communes made from the shipped templates, two criteria adjusted in
 * the editor, a period opened for every unit of both groups with deadlines typed the Vietnamese
 * way, and the progress board watched until a unit's first entry shows up by itself.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import mongoose, { type Connection } from 'mongoose';
import { frontendApps } from '../../deploy/local/apps/apps';
import { storeEntry } from '../../services/assessment/test/integration/entries-support';
import { launchChromium, loginThroughKeycloak } from '../support/browser';
import { callApi as call } from '../support/api';
import { openPortal, type Portal } from '../support/portal-fixture';
import { type TestUser } from '../support/keycloak';

const shell = () => process.env.PAR_SHELL_URL!;
const HOUR = 3_600_000;

// One "now" for the whole form, so a phase's end and the next one's start are the same minute.
const now = Date.now();

/** `dd/mm/yyyy HH:mm` in Vietnam time, `ms` from now, as a Vietnamese admin writes it. */
const vietnamTyped = (ms: number) => {
  const [date, time] = new Date(now + ms + 7 * HOUR).toISOString().slice(0, 16).split('T');
  const [year, month, day] = date!.split('-');
  return `${day}/${month}/${year} ${time}`;
};

/** Picks the option of an antd select (found by its test id) whose label contains `text`. */
async function pick(page: Page, testId: string, text: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId(testId).click();
    try {
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
        .first()
        .click({ timeout: 3_000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
}

describe('setting up a period from the PAR templates, as a new admin', () => {
  let portal: Portal<'admin'> | undefined;
  let browser: Browser;
  let admin: TestUser;
  let db: Connection;
  // Units are never deleted: every run brings its own codes and groups.
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const departments = { group: `so-nganh-${suffix}`, codes: [`SD1${suffix}`, `SD2${suffix}`] };
  const communes = {
    group: `cap-xa-${suffix}`,
    codes: [`XA1${suffix}`, `XA2${suffix}`, `XA3${suffix}`],
  };
  const year = new Date().getFullYear();

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment', ...frontendApps],
      users: { admin: { roles: ['admin'], unit: 'SNV' } },
      routes: ['assessment'],
    });
    browser = await launchChromium();
    admin = portal.users.admin;
    const token = portal.tokens.admin;
    // The province's units exist before anyone sets up a period.
    for (const [kind, { group, codes }] of [
      ['department', departments],
      ['commune', communes],
    ] as const) {
      for (const code of codes) {
        const res = await call('/units', {
          method: 'POST',
          token,
          body: {
            code,
            name: `${kind === 'department' ? 'Sở' : 'Xã'} thử ${code}`,
            kind,
            unitGroup: group,
          },
        });
        expect(res.status).toBe(201);
      }
    }
    db = await mongoose
      .createConnection(process.env.PAR_MONGO_URL!, { dbName: 'assessment' })
      .asPromise();
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await db?.close();
  });

  it('makes both sets from the templates, adjusts two criteria, opens the period and watches progress', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const setName = (group: string) => `Bộ chỉ số CCHC ${year} ${group}`;
    try {
      // 2. Both sets from the shipped templates.
      await page.goto(`${shell()}/admin/criteria-sets`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.getByTestId('criteria-sets-table').waitFor({ timeout: 30_000 });
      for (const [template, group] of [
        ['par-cap-xa', communes.group],
        ['par-so-nganh', departments.group],
      ]) {
        await page.getByTestId('criteria-template-open').click();
        await page.getByTestId(`criteria-template-${template}`).click();
        expect(await page.inputValue('#criteria-template-year')).toBe(String(year));
        await page.fill('#criteria-template-unit-group', group!);
        await page.fill('#criteria-template-name', setName(group!));
        await page.getByTestId('criteria-template-submit').click();
        await page.getByRole('heading', { name: setName(group!) }).waitFor({ timeout: 15_000 });
        await page.getByTestId('criteria-set-valid').waitFor({ timeout: 15_000 });
        expect(await page.getByTestId('criteria-set-total').innerText()).toBe('100');
        if (template === 'par-cap-xa') await page.goBack();
      }

      // 3. In the departments' set: 1.4 loses half a point to 1.6, and 1.4 gets a clearer title.
      const areaSum = page.getByTestId('criteria-node-sum-1');
      const sumBefore = await areaSum.innerText();
      await page.getByTestId('criteria-node-1.4').click();
      await page.fill('#criterion-max', '1,5');
      await page.fill('#rule-manual-max', '1,5');
      await page.fill('#criterion-title', 'Công tác tuyên truyền, phổ biến cải cách hành chính');
      // Until the sibling takes the half point the area no longer adds up, and says so.
      await page.getByTestId('criteria-set-invalid').waitFor({ timeout: 15_000 });
      await page.getByTestId('criteria-node-1.6').click();
      await page.fill('#criterion-max', '4,5');
      await page.getByTestId('criteria-node-max-1.6').getByText('4,5').waitFor();
      await page.getByTestId('criteria-node-max-1.4').getByText('1,5').waitFor();
      await page.getByTestId('criteria-set-valid').waitFor({ timeout: 15_000 });
      expect(await areaSum.innerText()).toBe(sumBefore);
      expect(await page.getByTestId('criteria-set-total').innerText()).toBe('100');
      await page.getByTestId('criteria-set-unsaved').waitFor();
      await page.getByTestId('criteria-set-save').click();
      await page.getByTestId('criteria-set-unsaved').waitFor({ state: 'hidden', timeout: 15_000 });
      // What was saved is what the server keeps: a fresh load shows both changes.
      await page.reload();
      await page
        .getByTestId('criteria-node-1.4')
        .getByText('phổ biến')
        .waitFor({ timeout: 30_000 });
      await page.getByTestId('criteria-node-max-1.6').getByText('4,5').waitFor();
      await page.getByTestId('criteria-set-valid').waitFor({ timeout: 15_000 });

      // 4. A period for both groups, all their units, phases typed as dd/mm/yyyy HH:mm.
      await page.goto(`${shell()}/admin/periods`);
      await page.getByTestId('period-create').click();
      const name = `Đánh giá CCHC ${year} ${suffix}`;
      await page.fill('#period-name', name);
      for (const { group } of [departments, communes]) {
        await pick(page, `period-set-${group}`, setName(group));
      }
      const phases = [
        'setup',
        'selfAssessment',
        'appraisalRound1',
        'clarification',
        'appraisalRound2',
        'consolidation',
        'published',
      ];
      const typed: string[] = [];
      for (const [i, phase] of phases.entries()) {
        const startsAt = vietnamTyped((i * 7 * 24 - 1) * HOUR);
        typed.push(startsAt);
        await page.fill(`#period-${phase}-startsAt`, startsAt);
        await page.keyboard.press('Tab');
        if (phase !== 'published') {
          await page.fill(`#period-${phase}-endsAt`, vietnamTyped(((i + 1) * 7 * 24 - 1) * HOUR));
          await page.keyboard.press('Tab');
        }
      }
      // The picker keeps what was typed, in the admin's own format.
      expect(await page.inputValue('#period-selfAssessment-startsAt')).toBe(typed[1]);
      await page.getByTestId('period-submit').click();

      const detail = page.getByTestId('period-detail');
      await detail.getByText(name).waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('period-current-phase').innerText()).toBe('Chuẩn bị');
      // Every phase is shown from the Vietnam time it was typed in.
      for (const startsAt of typed)
        await detail.getByText(startsAt, { exact: false }).first().waitFor();

      // 5. Every unit of both groups on the board, none started.
      const board = page.getByTestId('progress-board');
      const allCodes = [...departments.codes, ...communes.codes];
      for (const code of allCodes) {
        await board.getByTestId(`progress-status-${code}`).getByText('Chưa bắt đầu').waitFor();
        expect(await board.getByTestId(`progress-completed-${code}`).innerText()).toMatch(
          /^0 % \(0\/\d+\)$/,
        );
      }
      await pick(page, 'progress-group', communes.group);
      await board
        .getByTestId(`progress-status-${departments.codes[0]}`)
        .waitFor({ state: 'detached' });
      for (const code of communes.codes)
        await board.getByTestId(`progress-status-${code}`).waitFor();
      await pick(page, 'progress-group', departments.group);
      await board
        .getByTestId(`progress-status-${communes.codes[0]}`)
        .waitFor({ state: 'detached' });

      // A department scores and explains its first leaf; the board shows it unprompted.
      const unit = departments.codes[0]!;
      const before = await board.getByTestId(`progress-completed-${unit}`).innerText();
      const leaves = Number(/\/(\d+)\)/.exec(before)![1]);
      const period = await db.collection('periods').findOne({ name });
      // Files are the evidence service's: none here, so the missing one is explained.
      await storeEntry(db, {
        periodId: period!._id.toHexString(),
        unitCode: unit,
        areaCode: '1',
        criterionCode: '1.1.1',
        score: 100,
        explanation: 'Đã ban hành kế hoạch đúng hạn',
        missingEvidenceExplanation: 'Văn bản đang chờ ký số',
      });
      await board
        .getByTestId(`progress-completed-${unit}`)
        .getByText(`(1/${leaves})`, { exact: false })
        .waitFor({ timeout: 15_000 });
      await board.getByTestId(`progress-status-${unit}`).getByText('Đang thực hiện').waitFor();
      expect(
        await board.getByTestId(`progress-completed-${departments.codes[1]}`).innerText(),
      ).toBe(`0 % (0/${leaves})`);
    } finally {
      await context.close();
    }
  });
});
