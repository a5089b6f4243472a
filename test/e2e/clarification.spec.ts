/**
 * A unit answers an appraiser's round-1 question in Chromium (issue 10, clarification): the
 * period reaches the clarification phase through the API as an admin, an appraiser and the
 * unit's leader would take it there; then the leader finds the question from the periods list,
 * answers it with a revised self-score and a new evidence file for the questioned entry, and the
 * appraiser reads all three in the appraisal record (the file marked as added in clarification).
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { callApi } from '../support/api';
import { launchChromium, loginThroughKeycloak } from '../support/browser';
import {
  advancePeriod,
  openAppraisalPortal,
  openRound1,
  type OpenedRound1,
} from '../support/appraisal-fixture';
import { twoLeafSetWithoutEvidence } from '../support/open-period';
import type { Portal } from '../support/portal-fixture';
import type { TestUser } from '../support/keycloak';

const shell = () => process.env.PAR_SHELL_URL!;

/** A small but well-formed PDF, written by hand. */
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

describe('a unit answers the appraisers’ questions in the browser', () => {
  let portal: Portal<'admin' | 'appraiser'> | undefined;
  let browser: Browser;
  let leader: TestUser;
  let periodId: string;
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const unit = `GT${suffix}`;
  const question = 'Kế hoạch CCHC được ban hành ngày nào, số hiệu văn bản là gì?';

  const admin = () => portal!.tokens.admin;
  const appraiser = () => portal!.tokens.appraiser;
  const ok = async (what: string, call: Promise<{ status: number; body: unknown }>) => {
    const res = await call;
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };

  beforeAll(async () => {
    portal = await openAppraisalPortal({
      admin: { roles: ['admin'], unit: 'SNV' },
      appraiser: { roles: ['appraisal'], unit: 'STP' },
    });
    browser = await launchChromium();
    // 1.1 manual up to 1,5 in steps of 0,25; 1.2 yes 1,5; no evidence asked. The leader
    // self-scores 1 and yes and submits; area 1 to the appraiser; round 1 starts.
    const explanations: Record<string, string> = {
      '1.1': 'Có kế hoạch',
      '1.2': 'Báo cáo đủ 4 quý',
    };
    let leaders: OpenedRound1['leaders'];
    ({ periodId, leaders } = await openRound1(portal, {
      token: admin(),
      unitGroup: `GT${suffix}`,
      units: [unit],
      name: `Giải trình ${suffix}`,
      nodes: twoLeafSetWithoutEvidence,
      selfAssessments: {
        [unit]: {
          inputs: { '1.1': { value: 100 }, '1.2': { yes: true } },
          explain: (code) => explanations[code]!,
        },
      },
      assignments: [
        { appraiserIds: [portal.users.appraiser.id], criterionCodes: ['1'], unitCodes: [unit] },
      ],
    }));
    leader = leaders.get(unit)!.user;
    const unitPath = `/appraisal/periods/${periodId}/units/${unit}`;
    const opened = await ok('opening the unit', callApi(unitPath, { token: appraiser() }));
    const entry = (opened.entries as Array<{ criterionCode: string; version: number }>).find(
      (e) => e.criterionCode === '1.1',
    )!;
    await ok(
      'question',
      callApi(`${unitPath}/entries/1.1/question`, {
        method: 'PUT',
        token: appraiser(),
        body: { version: entry.version, text: question },
      }),
    );
    await advancePeriod(admin(), periodId, 'clarification');
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('finds the question from its periods, answers it with a revised score, and the appraiser reads both', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      await page.goto(`${shell()}/self-assessment`);
      await loginThroughKeycloak(page, leader.username, leader.password);
      await page.getByTestId(`period-clarification-${periodId}`).click({ timeout: 30_000 });

      const card = page.getByTestId('question-1.1');
      await card.getByText(question).waitFor({ timeout: 30_000 });
      await card.getByText('Điểm tự chấm đã gửi: 1', { exact: true }).waitFor();
      await page.getByTestId('clarification-progress').getByText('Đã trả lời 0/1').waitFor();

      await page.locator('[id="question-1.1-answer"]').fill('Kế hoạch số 12/KH-UBND\nngày 15/01');
      await page.getByTestId('question-1.1-revise').click();
      await page.locator('[id="question-1.1-revised-1.1-value"]').fill('1,25');
      await page.getByTestId('question-1.1-send').click();

      await card.getByTestId('question-1.1-sent').getByText('Điểm tự chấm sửa lại: 1,25.').waitFor({
        timeout: 30_000,
      });
      await page.getByTestId('clarification-progress').getByText('Đã trả lời 1/1').waitFor();

      // New evidence for the questioned entry, through the self-assessment page's panel.
      const panel = card.getByTestId('evidence-panel-1.1');
      await panel
        .getByTestId('evidence-upload-input')
        .setInputFiles([
          { name: 'Kế hoạch 12-KH-UBND.pdf', mimeType: 'application/pdf', buffer: pdf },
        ]);
      const added = panel
        .getByTestId('evidence-file')
        .filter({ hasText: 'Kế hoạch 12-KH-UBND.pdf' });
      await added.getByTestId('evidence-added').getByText('Bổ sung khi giải trình').waitFor({
        timeout: 60_000,
      });
    } finally {
      await context.close();
    }

    const record = await ok(
      'the appraiser reading the unit',
      callApi(`/appraisal/periods/${periodId}/units/${unit}`, { token: appraiser() }),
    );
    const entry = (
      record.entries as Array<{
        criterionCode: string;
        question: { answer: unknown };
        evidence: Array<{ name: string; addedInClarification: boolean }>;
      }>
    ).find((e) => e.criterionCode === '1.1')!;
    expect(entry.evidence.map((f) => [f.name, f.addedInClarification])).toEqual([
      ['Kế hoạch 12-KH-UBND.pdf', true],
    ]);
    expect(entry.question.answer).toMatchObject({
      text: 'Kế hoạch số 12/KH-UBND\nngày 15/01',
      revisedInputs: { value: 125 },
      revisedScore: 125,
      by: { username: leader.username },
    });
  });
});
