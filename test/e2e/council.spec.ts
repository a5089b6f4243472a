/**
 * A council appraises three units through both rounds in Chromium (issue 11's required test).
 * The admin's part goes through the API as an admin would make it: the period, two appraisers
 * with split areas (law: area 1, finance: area 2) over the three units, the units' submitted
 * self-assessments, the phase changes and one reopening. The appraisers and the unit act in the
 * browser: round 1 scored (one differing score with its reason, one question), sent and locked;
 * the admin reopens law's round, law saves again and sends once more; the unit answers the
 * question with a revised self-score; in round 2 law sees the answer and the revised score,
 * settles the final score with its reason and sends, as does finance. Every final score, reason
 * and question is then read back from the record, the admin's progress and the audit trail,
 * against values worked out by hand below.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CriterionNodeInput, PeriodPhase } from '@par/contracts';
import { callApi } from '../support/api';
import { launchChromium, loginThroughKeycloak } from '../support/browser';
import { eventuallyValue } from '../support/eventually';
import type { TestUser } from '../support/keycloak';
import { advancePeriod, openAppraisalPortal, openRound1 } from '../support/appraisal-fixture';
import { twoLeafSetWithoutEvidence } from '../support/open-period';
import type { Portal } from '../support/portal-fixture';

const shell = () => process.env.PAR_SHELL_URL!;

/** An input by its id, which holds the criterion code's dots. */
const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

// Area 1 (3 points): 1.1 manual up to 1,5 in steps of 0,25; 1.2 yes 1,5.
// Area 2 (1 point): 2.1 manual up to 1 in steps of 0,25. No evidence asked.
const nodes: CriterionNodeInput[] = [
  ...twoLeafSetWithoutEvidence,
  { code: '2', title: 'Cải cách thủ tục hành chính', maxScore: 100 },
  {
    code: '2.1',
    parentCode: '2',
    title: 'Công khai thủ tục hành chính đúng hạn',
    maxScore: 100,
    rule: { type: 'manual', max: 100, step: 25 },
    evidence: { min: 0, max: 2 },
  },
];

const reason1 = 'Kế hoạch ban hành ngày 15/02, sau hạn 31/01.';
const question = 'Đề nghị gửi số hiệu, ngày ban hành kế hoạch CCHC năm.';
const answer = 'Kế hoạch số 12/KH-UBND ngày 20/01, đính kèm bản chụp.';
const reason2 = 'Đơn vị đã bổ sung kế hoạch số 12/KH-UBND ban hành đúng hạn.';
const reopenReason = 'Thành viên đề nghị rà soát lại tiêu chí 1.2 của đơn vị thứ ba.';

describe('a council appraises three units through both rounds in the browser', () => {
  let portal: Portal<'admin' | 'law' | 'finance'> | undefined;
  let browser: Browser;
  let periodId: string;
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const group = `E2CO${suffix}`;
  const [U1, U2, U3] = [`C1${suffix}`, `C2${suffix}`, `C3${suffix}`] as const;
  const units = [U1, U2, U3];
  let leaders: Map<string, { user: TestUser; token: string }>;
  // One signed-in page per person, kept for the whole file (logged in once each).
  const pages = new Map<'law' | 'finance' | 'leader', { context: BrowserContext; page: Page }>();

  /**
   * The units' self-scores, in hundredths: 1.1 (manual), 1.2 (yes = 150), 2.1 (manual).
   * U2's 1.1 is the questioned entry.
   */
  const selfScores: Record<string, { '1.1': number; '2.1': number }> = {
    [U1]: { '1.1': 150, '2.1': 100 },
    [U2]: { '1.1': 75, '2.1': 100 },
    [U3]: { '1.1': 125, '2.1': 75 },
  };

  const admin = () => portal!.tokens.admin;
  const ok = async (what: string, call: Promise<{ status: number; body: unknown }>) => {
    const res = await call;
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    // Tests read whatever the route answers; the assertions check it.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return res.body as any;
  };
  const base = () => `/appraisal/periods/${periodId}`;
  const advanceTo = (phase: PeriodPhase) => advancePeriod(admin(), periodId, phase);

  /** A person's page, signed in through Keycloak on first use. */
  const pageOf = async (who: 'law' | 'finance' | 'leader', path: string, user: TestUser) => {
    let held = pages.get(who);
    if (!held) {
      const context = await browser.newContext({ locale: 'vi-VN' });
      held = { context, page: await context.newPage() };
      pages.set(who, held);
      await held.page.goto(`${shell()}${path}`);
      await loginThroughKeycloak(held.page, user.username, user.password);
    } else {
      await held.page.goto(`${shell()}${path}`);
    }
    return held.page;
  };

  const saved = (page: Page, code: string) =>
    page.locator(`[data-testid="save-${code}"][data-state="saved"]`).waitFor({ timeout: 15_000 });

  type Step = { code: string; value?: string; yes?: true; reason?: string; ask?: string };
  /** Opens the unit from the worklist, scores each step's criterion (autosaved), and goes back. */
  const appraiseUnit = async (page: Page, unit: string, steps: Step[]) => {
    await page.getByTestId(`open-unit-${unit}`).click({ timeout: 30_000 });
    await page.getByTestId(`leaf-${steps[0]!.code}`).waitFor({ timeout: 30_000 });
    for (const step of steps) {
      if (step.yes) await page.getByTestId(`appraisal-${step.code}-yes`).click();
      else await byId(page, `appraisal-${step.code}-value`).fill(step.value!);
      if (step.reason) {
        // A score that differs from the reference waits for its reason before it is saved.
        await page.getByTestId(`reason-${step.code}-required`).waitFor();
        await byId(page, `appraisal-${step.code}-reason`).fill(step.reason);
      }
      await saved(page, step.code);
      if (step.ask) {
        await byId(page, `question-${step.code}-input`).fill(step.ask);
        await page.getByTestId(`question-${step.code}-ask`).click();
        await page
          .getByTestId(`question-${step.code}-text`)
          .getByText(step.ask)
          .waitFor({ timeout: 15_000 });
      }
    }
    await page.getByRole('link', { name: 'Danh sách đơn vị' }).click();
  };

  /** Sends the worklist's round after its confirmation, and waits for the notice. */
  const sendRound = async (page: Page) => {
    await page.getByTestId('send-round-open').click({ timeout: 30_000 });
    await page.getByTestId('send-round-ready').waitFor();
    await page.getByTestId('send-round-confirm').click();
    await page.getByTestId('round-sent').waitFor({ timeout: 15_000 });
  };

  /** The appraiser's entries of a unit, by criterion code. */
  const entriesOf = async (token: string, unit: string) => {
    const read = await ok(`reading ${unit}`, callApi(`${base()}/units/${unit}`, { token }));
    return Object.fromEntries(
      (read.entries as Array<{ criterionCode: string }>).map((e) => [e.criterionCode, e]),
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ) as Record<string, any>;
  };

  beforeAll(async () => {
    portal = await openAppraisalPortal({
      admin: { roles: ['admin'], unit: 'SNV' },
      law: { roles: ['appraisal'], unit: 'STP' },
      finance: { roles: ['appraisal'], unit: 'STC' },
    });
    browser = await launchChromium();
    ({ periodId, leaders } = await openRound1(portal, {
      token: admin(),
      unitGroup: group,
      units,
      name: `Hội đồng thẩm định ${suffix}`,
      nodes,
      // Each unit's leader self-scores the three criteria, explains them, and submits.
      selfAssessments: Object.fromEntries(
        units.map((unit) => [
          unit,
          {
            inputs: {
              '1.1': { value: selfScores[unit]!['1.1'] },
              '1.2': { yes: true },
              '2.1': { value: selfScores[unit]!['2.1'] },
            },
            explain: (code: string) => `Giải trình ${code} của ${unit}`,
          },
        ]),
      ),
      // The council splits the areas: law takes area 1, finance area 2, of all three units.
      assignments: (
        [
          ['law', '1'],
          ['finance', '2'],
        ] as const
      ).map(([who, area]) => ({
        name: `Hội đồng, lĩnh vực ${area}`,
        appraiserIds: [portal!.users[who].id],
        criterionCodes: [area],
        unitCodes: units,
      })),
    }));
  }, 300_000);

  afterAll(async () => {
    for (const { context } of pages.values()) await context.close().catch(() => undefined);
    await browser?.close();
    await portal?.close();
  });

  it('round 1: law scores area 1 with one differing score and one question, sends, and is locked', async () => {
    const { law } = portal!.users;
    const page = await pageOf('law', '/appraisal', law);
    await page.getByTestId(`progress-${U1}`).getByText('0/2').waitFor({ timeout: 30_000 });
    await page
      .getByTestId('round-totals')
      .getByText('Vòng 1: đã chấm 0/6 tiêu chí của 3 đơn vị')
      .waitFor();

    // U1 self-scored 1,5; 1,25 differs and needs its reason.
    await appraiseUnit(page, U1, [
      { code: '1.1', value: '1,25', reason: reason1 },
      { code: '1.2', yes: true },
    ]);
    await page.getByTestId(`progress-${U1}`).getByText('2/2').waitFor({ timeout: 15_000 });
    // U2: the same 0,75 as the unit, with a question on it.
    await appraiseUnit(page, U2, [
      { code: '1.1', value: '0,75', ask: question },
      { code: '1.2', yes: true },
    ]);
    await page.getByTestId(`progress-${U2}`).getByText('2/2').waitFor({ timeout: 15_000 });
    await appraiseUnit(page, U3, [
      { code: '1.1', value: '1,25' },
      { code: '1.2', yes: true },
    ]);
    await page
      .getByTestId('round-totals')
      .getByText('Vòng 1: đã chấm 6/6 tiêu chí của 3 đơn vị')
      .waitFor({ timeout: 15_000 });
    await sendRound(page);

    // Locked: the unit's page says so and its inputs are read-only; the server refuses a save.
    await page.getByTestId(`open-unit-${U1}`).click();
    await page
      .locator('[data-testid="read-only"][data-reason="sent"]')
      .waitFor({ timeout: 30_000 });
    expect(await byId(page, 'appraisal-1.1-value').isDisabled()).toBe(true);
    expect(await byId(page, 'appraisal-1.1-reason').isDisabled()).toBe(true);
    const entry = (await entriesOf(portal!.tokens.law, U1))['1.1'];
    const refused = await callApi(`${base()}/units/${U1}/entries/1.1/rounds/1`, {
      method: 'PUT',
      token: portal!.tokens.law,
      body: { version: entry.version, inputs: { value: 150 }, reason: '' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/đã gửi kết quả vòng 1/);
    expect((await entriesOf(portal!.tokens.law, U1))['1.1'].round1).toMatchObject({
      score: 125,
      reason: reason1,
    });
  });

  it('round 1: finance scores area 2 as the units did and sends', async () => {
    const { finance } = portal!.users;
    const page = await pageOf('finance', '/appraisal', finance);
    await page.getByTestId(`progress-${U1}`).getByText('0/1').waitFor({ timeout: 30_000 });
    await appraiseUnit(page, U1, [{ code: '2.1', value: '1' }]);
    await appraiseUnit(page, U2, [{ code: '2.1', value: '1' }]);
    await appraiseUnit(page, U3, [{ code: '2.1', value: '0,75' }]);
    await page
      .getByTestId('round-totals')
      .getByText('Vòng 1: đã chấm 3/3 tiêu chí của 3 đơn vị')
      .waitFor({ timeout: 15_000 });
    await sendRound(page);
  });

  it("the admin reopens law's round 1 with a reason; law saves again and sends once more", async () => {
    const { law } = portal!.users;
    const reopened = await ok(
      'reopening',
      callApi(`${base()}/rounds/1/reopen`, {
        method: 'POST',
        token: admin(),
        body: { appraiserId: law.id, reason: reopenReason },
      }),
    );
    expect(reopened).toMatchObject({ sentAt: null, reopened: { reason: reopenReason } });

    const page = await pageOf('law', '/appraisal', law);
    await page.getByTestId('round-reopened').getByText(reopenReason).waitFor({ timeout: 30_000 });
    await page.getByTestId(`open-unit-${U3}`).click();
    await page.getByTestId('leaf-1.2').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('read-only').count()).toBe(0);
    expect(await byId(page, 'appraisal-1.1-value').isDisabled()).toBe(false);
    // The server takes law's save again (1.2 confirmed as yes).
    const entry = (await entriesOf(portal!.tokens.law, U3))['1.2'];
    const again = await callApi(`${base()}/units/${U3}/entries/1.2/rounds/1`, {
      method: 'PUT',
      token: portal!.tokens.law,
      body: { version: entry.version, inputs: { yes: true }, reason: '' },
    });
    expect(again.status).toBe(200);
    expect(again.body.round1).toMatchObject({ score: 150, reason: '' });
    await page.getByRole('link', { name: 'Danh sách đơn vị' }).click();
    await sendRound(page);
  });

  it('clarification: the unit answers the question with a revised self-score', async () => {
    await advanceTo('clarification');
    const { user } = leaders.get(U2)!;
    const page = await pageOf('leader', '/self-assessment', user);
    await page.getByTestId(`period-clarification-${periodId}`).click({ timeout: 30_000 });
    const card = page.getByTestId('question-1.1');
    await card.getByText(question).waitFor({ timeout: 30_000 });
    await card.getByText('Điểm tự chấm đã gửi: 0,75').waitFor();
    await byId(page, 'question-1.1-answer').fill(answer);
    await page.getByTestId('question-1.1-revise').click();
    await byId(page, 'question-1.1-revised-1.1-value').fill('1,25');
    await page.getByTestId('question-1.1-send').click();
    await card
      .getByTestId('question-1.1-sent')
      .getByText('Điểm tự chấm sửa lại: 1,25.')
      .waitFor({ timeout: 30_000 });
    await page.getByTestId('clarification-progress').getByText('Đã trả lời 1/1').waitFor();
  });

  it('round 2: law sees the answer and the revised score, settles the final score and sends; finance sends', async () => {
    await advanceTo('appraisalRound2');
    const { law, finance } = portal!.users;
    const page = await pageOf('law', '/appraisal', law);
    // Unquestioned entries carry their round-1 score: only U2's 1.1 is left to settle.
    await page.getByTestId(`progress-${U2}`).getByText('1/2').waitFor({ timeout: 30_000 });
    await page.getByTestId(`progress-${U1}`).getByText('2/2').waitFor();
    await page.getByTestId('worklist').getByText('1/1 đã trả lời').waitFor();
    await page
      .getByTestId('round-totals')
      .getByText('Vòng 2: đã chấm 5/6 tiêu chí của 3 đơn vị')
      .waitFor();

    await page.getByTestId(`open-unit-${U2}`).click();
    await page.getByTestId('round1-1.1').getByText('Vòng 1: 0,75').waitFor({ timeout: 30_000 });
    await page.getByTestId('question-1.1-text').getByText(question).waitFor();
    await page.getByTestId('question-1.1-answer').getByText(answer).waitFor();
    await page
      .getByTestId('question-1.1-revised')
      .getByText('Điểm tự chấm sau giải trình: 1,25')
      .waitFor();
    await page.getByTestId('leaf-1.1').getByText('hãy chốt điểm vòng 2').waitFor();
    // Round 2 asks no more questions.
    expect(await page.getByTestId('question-1.1-ask').count()).toBe(0);
    // 1,25 differs from round 1's 0,75: the reason is asked for against round 1.
    await byId(page, 'appraisal-1.1-value').fill('1,25');
    await page
      .getByTestId('reason-1.1-required')
      .getByText(/vòng 1/)
      .waitFor();
    await byId(page, 'appraisal-1.1-reason').fill(reason2);
    await saved(page, '1.1');
    await page.getByRole('link', { name: 'Danh sách đơn vị' }).click();
    await page
      .getByTestId('round-totals')
      .getByText('Vòng 2: đã chấm 6/6 tiêu chí của 3 đơn vị')
      .waitFor({ timeout: 15_000 });
    await sendRound(page);

    // Round 2 locks too: the page says it is sent, and the server refuses a further save.
    await page.getByTestId(`open-unit-${U2}`).click();
    await page
      .locator('[data-testid="read-only"][data-reason="sent"]')
      .waitFor({ timeout: 30_000 });
    expect(await byId(page, 'appraisal-1.1-value').isDisabled()).toBe(true);
    const settled = (await entriesOf(portal!.tokens.law, U2))['1.1'];
    const refused = await callApi(`${base()}/units/${U2}/entries/1.1/rounds/2`, {
      method: 'PUT',
      token: portal!.tokens.law,
      body: { version: settled.version, inputs: { value: 150 }, reason: 'Sửa sau khi gửi' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/đã gửi kết quả vòng 2/);

    const financePage = await pageOf('finance', '/appraisal', finance);
    await financePage
      .getByTestId('round-totals')
      .getByText('Vòng 2: đã chấm 3/3 tiêu chí của 3 đơn vị')
      .waitFor({ timeout: 30_000 });
    await sendRound(financePage);
  });

  it('has every final score, reason and question in the record, the progress and the audit trail', async () => {
    const { law, finance } = portal!.users;
    const leader = leaders.get(U2)!.user;

    // The record, as each appraiser reads it (hand-worked: see the steps above).
    const lawU1 = await entriesOf(portal!.tokens.law, U1);
    expect(lawU1['1.1']).toMatchObject({
      round1: {
        score: 125,
        inputs: { value: 125 },
        reason: reason1,
        by: { username: law.username },
      },
      round2: null,
      round2Score: 125,
      question: null,
    });
    expect(lawU1['1.2']).toMatchObject({ round1: { score: 150, reason: '' }, round2Score: 150 });
    const lawU2 = await entriesOf(portal!.tokens.law, U2);
    expect(lawU2['1.1']).toMatchObject({
      self: { score: 75 },
      round1: { score: 75, reason: '' },
      round2: {
        score: 125,
        inputs: { value: 125 },
        reason: reason2,
        by: { username: law.username },
      },
      round2Score: 125,
      question: {
        text: question,
        askedBy: { username: law.username },
        answer: {
          text: answer,
          revisedInputs: { value: 125 },
          revisedScore: 125,
          by: { username: leader.username },
        },
      },
    });
    expect(lawU2['1.2']).toMatchObject({ round1: { score: 150 }, round2Score: 150 });
    const lawU3 = await entriesOf(portal!.tokens.law, U3);
    expect(lawU3['1.1']).toMatchObject({ round1: { score: 125, reason: '' }, round2Score: 125 });
    expect(lawU3['1.2']).toMatchObject({ round1: { score: 150 }, round2Score: 150 });
    for (const [unit, score] of [
      [U1, 100],
      [U2, 100],
      [U3, 75],
    ] as const) {
      const financeEntries = await entriesOf(portal!.tokens.finance, unit);
      expect(Object.keys(financeEntries)).toEqual(['2.1']);
      expect(financeEntries['2.1']).toMatchObject({
        round1: { score, reason: '', by: { username: finance.username } },
        round2: null,
        round2Score: score,
        question: null,
      });
    }

    // The admin's progress: round 1 = 1.1 + 1.2 + 2.1; round 2 the same but U2's settled 1.1.
    // U1: 125 + 150 + 100 = 375 both rounds; U2: 75 + 150 + 100 = 325, then 125 + 150 + 100
    // = 375; U3: 125 + 150 + 75 = 350 both rounds.
    const progress = await ok('progress', callApi(`${base()}/progress`, { token: admin() }));
    const byUnit = Object.fromEntries(
      (progress.units as Array<{ unitCode: string }>).map((u) => [u.unitCode, u]),
    );
    expect(byUnit[U1]).toMatchObject({
      state: 'round2Done',
      entries: 3,
      round1Appraised: 3,
      round2Appraised: 3,
      questions: 0,
      answered: 0,
      round1Total: 375,
      round2Total: 375,
    });
    expect(byUnit[U2]).toMatchObject({
      state: 'round2Done',
      entries: 3,
      round1Appraised: 3,
      round2Appraised: 3,
      questions: 1,
      answered: 1,
      round1Total: 325,
      round2Total: 375,
    });
    expect(byUnit[U3]).toMatchObject({
      state: 'round2Done',
      round1Total: 350,
      round2Total: 350,
    });
    const byAppraiser = Object.fromEntries(
      (progress.appraisers as Array<{ username: string }>).map((a) => [a.username, a]),
    );
    expect(byAppraiser[law.username]).toMatchObject({
      assigned: 6,
      round1Appraised: 6,
      round2Appraised: 6,
      round1SentAt: expect.any(String),
      round2SentAt: expect.any(String),
    });
    expect(byAppraiser[finance.username]).toMatchObject({
      assigned: 3,
      round1Appraised: 3,
      round2Appraised: 3,
      round1SentAt: expect.any(String),
      round2SentAt: expect.any(String),
    });

    // The audit trail (written through the outbox: awaited until the last send is in it).
    type Audit = {
      action: string;
      target: string;
      actor: { username: string };
      after: Record<string, unknown> | null;
    };
    const entryTarget = (unit: string, code: string) => `entry:${periodId}/${unit}/${code}`;
    const roundTarget = (id: string, round: number) => `round:${periodId}/${id}/${round}`;
    const items = await eventuallyValue(
      async () => {
        const audit = await ok('audit', callApi(`${base()}/audit?limit=200`, { token: admin() }));
        const found = audit.items as Audit[];
        const done =
          found.some((e) => e.target === roundTarget(law.id, 2)) &&
          found.some((e) => e.target === roundTarget(finance.id, 2));
        return done && found;
      },
      30_000,
      'both round-2 sends in the audit trail',
    );
    const saves = (unit: string, code: string, round: number) =>
      items.filter(
        (e) => e.action === `appraisal.round${round}.saved` && e.target === entryTarget(unit, code),
      );
    // What happened, once each (newest first in the trail; here sorted).
    const seen = [...new Set(items.map((e) => `${e.action} ${e.target} ${e.actor.username}`))];
    const expected = [
      ...units.flatMap((unit) => [
        `appraisal.round1.saved ${entryTarget(unit, '1.1')} ${law.username}`,
        `appraisal.round1.saved ${entryTarget(unit, '1.2')} ${law.username}`,
        `appraisal.round1.saved ${entryTarget(unit, '2.1')} ${finance.username}`,
      ]),
      `appraisal.question.asked ${entryTarget(U2, '1.1')} ${law.username}`,
      `appraisal.round1.sent ${roundTarget(law.id, 1)} ${law.username}`,
      `appraisal.round1.sent ${roundTarget(finance.id, 1)} ${finance.username}`,
      `appraisal.round1.reopened ${roundTarget(law.id, 1)} ${portal!.users.admin.username}`,
      `appraisal.question.answered ${entryTarget(U2, '1.1')} ${leader.username}`,
      `appraisal.round2.saved ${entryTarget(U2, '1.1')} ${law.username}`,
      `appraisal.round2.sent ${roundTarget(law.id, 2)} ${law.username}`,
      `appraisal.round2.sent ${roundTarget(finance.id, 2)} ${finance.username}`,
    ];
    expect(seen.filter((line) => !line.startsWith('assignment.')).sort()).toEqual(expected.sort());
    expect(items.filter((e) => e.action === 'assignment.created')).toHaveLength(2);
    // Law sent round 1 twice (before and after the reopening), finance once.
    expect(
      items
        .filter((e) => e.action === 'appraisal.round1.sent')
        .map((e) => e.actor.username)
        .sort(),
    ).toEqual([law.username, law.username, finance.username].sort());
    // The last save of each entry holds its final score and reason.
    const last = (unit: string, code: string, round: number) => saves(unit, code, round)[0]!.after;
    expect(last(U1, '1.1', 1)).toEqual({ score: 125, inputs: { value: 125 }, reason: reason1 });
    expect(last(U1, '1.2', 1)).toEqual({ score: 150, inputs: { yes: true }, reason: '' });
    expect(last(U2, '1.1', 1)).toEqual({ score: 75, inputs: { value: 75 }, reason: '' });
    expect(last(U3, '1.1', 1)).toEqual({ score: 125, inputs: { value: 125 }, reason: '' });
    expect(last(U3, '1.2', 1)).toEqual({ score: 150, inputs: { yes: true }, reason: '' });
    expect(last(U3, '2.1', 1)).toEqual({ score: 75, inputs: { value: 75 }, reason: '' });
    expect(last(U2, '1.1', 2)).toEqual({ score: 125, inputs: { value: 125 }, reason: reason2 });
    const one = (action: string) => items.find((e) => e.action === action)!.after;
    expect(one('appraisal.question.asked')).toEqual({ text: question });
    expect(one('appraisal.question.answered')).toEqual({ text: answer, revisedScore: 125 });
    expect(one('appraisal.round1.reopened')).toMatchObject({ sentAt: null, reason: reopenReason });
  });
});
