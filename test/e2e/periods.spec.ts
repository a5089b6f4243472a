/**
 * Opening an assessment period in Chromium: the admin picks a set for a unit group, types the
 * phases in Vietnam time, saves, moves the period on to self-assessment and watches the
 * progress board update by itself when a unit's entries arrive; and before a period in set-up
 * moves to a new edition of its set, the admin sees what changed and confirms it.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import mongoose, { type Connection } from 'mongoose';
import { frontendApps } from '../../deploy/local/apps/apps';
import { storeEntry } from '../../services/assessment/test/integration/entries-support';
import { chooseOptionIn, launchChromium, loginThroughKeycloak } from '../support/browser';
import { callApi as call } from '../support/api';
import { eventually } from '../support/eventually';
import { openPortal, type Portal } from '../support/portal-fixture';
import { tokenFor, type TestClient, type TestUser } from '../support/keycloak';
import { openPeriod } from '../support/open-period';
import { createCriteriaSetForTest } from '../../services/assessment/test/integration/periods-support';

const shell = () => process.env.PAR_SHELL_URL!;
const HOUR = 3_600_000;

/** `YYYY-MM-DDTHH:mm` in Vietnam time, `ms` from now, as a datetime-local input takes it. */
const vietnamInput = (ms: number) =>
  new Date(Date.now() + ms + 7 * HOUR).toISOString().slice(0, 16);

/** The same time as a Vietnamese admin types it in the phase pickers: `dd/mm/yyyy HH:mm`. */
const vietnamTyped = (ms: number) => {
  const [date, time] = vietnamInput(ms).split('T') as [string, string];
  return `${date.split('-').reverse().join('/')} ${time}`;
};

describe('opening a period in the browser', () => {
  let portal: Portal<'admin'> | undefined;
  let browser: Browser;
  let admin: TestUser;
  let client: TestClient;
  let db: Connection;
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const group = `E2EP${suffix}`;
  const units = [`P1${suffix}`, `P2${suffix}`];
  const year = new Date().getFullYear();

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment', ...frontendApps],
      users: { admin: { roles: ['admin'], unit: 'SNV' } },
      routes: ['assessment'],
    });
    browser = await launchChromium();
    admin = portal.users.admin;
    client = portal.client;
    const token = portal.tokens.admin;
    for (const code of units) {
      const res = await call('/units', {
        method: 'POST',
        token,
        body: { code, name: `Sở Thử ${code}`, kind: 'department', unitGroup: group },
      });
      expect(res.status).toBe(201);
    }
    await createCriteriaSetForTest(token, { indexCode: 'PAR', year, unitGroup: group });
    db = await mongoose
      .createConnection(process.env.PAR_MONGO_URL!, { dbName: 'assessment' })
      .asPromise();
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await db?.close();
  });

  it('creates a period for all units of a group with deadlines, moves it on and shows live progress', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await page.goto(`${shell()}/admin/periods`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.getByTestId('period-create').click();
      const name = `Đánh giá CCHC ${year} ${suffix}`;
      await page.fill('#period-name', name);
      await page.getByTestId(`period-set-${group}`).click();
      await page.locator('.ant-select-item-option', { hasText: `Bộ tiêu chí ${group}` }).click();

      const phases = [
        'setup',
        'selfAssessment',
        'appraisalRound1',
        'clarification',
        'appraisalRound2',
        'consolidation',
        'published',
      ];
      for (const [i, phase] of phases.entries()) {
        await page.fill(`#period-${phase}-startsAt`, vietnamTyped((i * 24 - 1) * HOUR));
        await page.keyboard.press('Tab');
        if (phase !== 'published') {
          await page.fill(`#period-${phase}-endsAt`, vietnamTyped(((i + 1) * 24 - 1) * HOUR));
          await page.keyboard.press('Tab');
        }
      }
      await page.getByTestId('period-submit').click();

      const detail = page.getByTestId('period-detail');
      await detail.getByText(name).waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('period-current-phase').innerText()).toBe('Chuẩn bị');
      const board = page.getByTestId('progress-board');
      for (const code of units) {
        await board.getByTestId(`progress-status-${code}`).getByText('Chưa bắt đầu').waitFor();
      }

      await page.getByTestId('period-advance').click();
      await page.getByTestId('confirm-ok').click();
      await page.getByTestId('period-current-phase').getByText('Tự đánh giá').waitFor();

      // The period's history tells who moved it on and that its set was frozen.
      await page.getByTestId('history-open').click();
      const history = page.getByTestId('history-drawer');
      await history.getByText('Chuẩn bị → Tự đánh giá').waitFor();
      // Names come from the accounts list, which may answer after the trail.
      await history.getByText(admin.username).first().waitFor();
      const entries = await history.getByTestId('history-entry').allInnerTexts();
      expect(entries[0]).toContain('Đưa bộ tiêu chí vào sử dụng');
      expect(entries[1]).toContain('Chuyển giai đoạn');
      expect(entries[1]).toContain(admin.username);
      expect(entries.at(-1)).toContain('Tạo đợt đánh giá');
      await page.keyboard.press('Escape');
      await history.waitFor({ state: 'hidden' });

      // A unit scores and explains one of the set's two leaves; the board shows it unprompted.
      const period = await db.collection('periods').findOne({ name });
      // Files are the evidence service's: none here, so the missing one is explained.
      await storeEntry(db, {
        periodId: period!._id.toHexString(),
        unitCode: units[0]!,
        areaCode: '1',
        criterionCode: '1.1',
        score: 125,
        explanation: 'Đã ban hành kế hoạch',
        missingEvidenceExplanation: 'Văn bản đang chờ ký số',
      });
      await board
        .getByTestId(`progress-completed-${units[0]}`)
        .getByText('50 % (1/2)')
        .waitFor({ timeout: 15_000 });
      await board.getByTestId(`progress-status-${units[0]}`).getByText('Đang thực hiện').waitFor();

      // The second unit gets two more days, with a reason; a deadline after publication is refused.
      await board.getByTestId(`extend-${units[1]}`).click();
      // The dialog names the deadline an extension replaces: the common one, as stored.
      const common = period!.phases.find((p: { phase: string }) => p.phase === 'selfAssessment')
        .endsAt as Date;
      const [day, time] = new Date(common.getTime() + 7 * HOUR)
        .toISOString()
        .slice(0, 16)
        .split('T') as [string, string];
      await page
        .getByTestId('extend-current')
        .getByText(`${day.split('-').reverse().join('/')} ${time} (hạn chung)`, { exact: false })
        .waitFor();
      await page.fill('#extend-ends-at', vietnamTyped(30 * 24 * HOUR));
      await page.keyboard.press('Tab');
      await page.fill('#extend-reason', 'Đơn vị mới được sáp nhập');
      await page.getByTestId('extend-submit').click();
      await page
        .getByTestId('extend-ends-at-error')
        .getByText('trước khi công bố kết quả', { exact: false })
        .waitFor();
      await page.fill('#extend-ends-at', vietnamTyped(3 * 24 * HOUR));
      await page.keyboard.press('Tab');
      await page.getByTestId('extend-submit').click();
      await page.getByText('Đã gia hạn').waitFor();
      const row = board.getByRole('row').filter({ hasText: units[1]! });
      await row.getByText(vietnamInput(3 * 24 * HOUR).slice(11, 16)).waitFor();
      await board.getByTestId(`progress-deadline-${units[1]}`).getByText('gia hạn').waitFor();
    } finally {
      await context.close();
    }
  });

  it('shows what a new edition of the set changes before an edit in set-up moves the period to it', async () => {
    const token = await tokenFor(admin, client);
    const editionGroup = `E2EV${suffix}`;
    const unit = `V1${suffix}`;
    // A period that started froze the first edition; a new edition raises one maximum.
    const { setId: first } = await openPeriod({
      token,
      unitGroup: editionGroup,
      units: [unit],
      year,
      name: `Đợt đã bắt đầu ${suffix}`,
    });
    const next = await call(`/criteria-sets/${first}/versions`, { method: 'POST', token });
    expect(next.status).toBe(201);
    const saved = await call(`/criteria-sets/${next.body.id}`, {
      method: 'PUT',
      token,
      body: {
        version: next.body.version,
        nodes: next.body.nodes.map((n: { code: string; maxScore: number; rule?: object }) =>
          n.code === '1.2'
            ? { ...n, maxScore: 200, rule: { type: 'boolean', yesScore: 200 } }
            : n.code === '1'
              ? { ...n, maxScore: 350 }
              : n,
        ),
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.valid).toBe(true);
    const { periodId } = await openPeriod({
      token,
      unitGroup: editionGroup,
      setId: first,
      year,
      name: `Đợt chuyển phiên bản ${suffix}`,
      phase: 'setup',
    });

    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    try {
      await page.goto(`${shell()}/admin/periods`);
      await loginThroughKeycloak(page, admin.username, admin.password);
      await page.getByTestId(`period-open-${periodId}`).click();
      await page.getByTestId('period-edit').click();
      // The form shows the period's current edition once its sets have loaded.
      await page
        .getByTestId(`period-set-${editionGroup}`)
        .getByText('phiên bản 1')
        .waitFor({ timeout: 15_000 });
      await chooseOptionIn(page, page.getByTestId(`period-set-${editionGroup}`), [
        `Bộ tiêu chí ${editionGroup}`,
        'phiên bản 2',
      ]);

      // Shown in the form before anything is saved.
      const inline = page.getByTestId(`period-set-diff-${editionGroup}`);
      await inline.getByText('Thay đổi của phiên bản 2 so với phiên bản 1').waitFor();
      const changedRow = inline
        .getByRole('row')
        .filter({ hasText: 'Báo cáo CCHC định kỳ đúng hạn' });
      await changedRow.getByText('1,5 → 2').waitFor();
      expect(await inline.getByRole('row').filter({ hasText: 'Ban hành kế hoạch' }).count()).toBe(
        0,
      );

      // Saving asks first, with the same changes; the period keeps edition 1 until confirmed.
      await page.getByTestId('period-submit').click();
      const confirm = page.getByTestId(`period-edition-change-${editionGroup}`);
      await confirm.getByText('phiên bản 1 → phiên bản 2').waitFor();
      await confirm
        .getByRole('row')
        .filter({ hasText: 'Báo cáo CCHC định kỳ đúng hạn' })
        .getByText('1,5 → 2')
        .waitFor();
      const before = await call(`/periods/${periodId}`, { token });
      expect(before.body.criteriaSets).toEqual([{ unitGroup: editionGroup, criteriaSetId: first }]);
      await page.getByTestId('period-edition-confirm').click();
      await eventually(
        async () =>
          (await call(`/periods/${periodId}`, { token })).body.criteriaSets[0]?.criteriaSetId ===
          next.body.id,
        15_000,
        'the period using edition 2',
      );
    } finally {
      await context.close();
    }
  });
});
