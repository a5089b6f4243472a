/**
 * A unit's own «Hỏi đáp» in Chromium (issue 13): a citizen asks a unit on the public page
 * without login; that unit's officer finds it in the self-assessment area's «Hỏi đáp» (no unit
 * box, no routing, which is the admin's), answers and publishes it, and rejects another with a
 * reason; the public page then shows the answer. An officer of another unit neither sees the
 * question in their list nor can answer it through the API.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { callApi as call } from '../support/api';
import { launchChromium, loginThroughKeycloak } from '../support/browser';
import {
  openUnitOfficersPortal,
  testUnitName,
  type UnitOfficersPortal,
} from '../support/unit-officers';

const publicSite = () => process.env.PAR_PUBLIC_URL!;
const shell = () => process.env.PAR_SHELL_URL!;

describe('a citizen’s question answered by the officers of its unit', () => {
  let portal: UnitOfficersPortal | undefined;
  let browser: Browser;
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const unitA = `QA${suffix}`;
  const unitB = `QB${suffix}`;
  const title = `Lệ phí cấp bản sao ${suffix}`;
  const text = `Xin hỏi lệ phí cấp bản sao giấy khai sinh là bao nhiêu? ${suffix}`;
  const spam = `Mua bán sim số đẹp ${suffix}`;
  const answer = `Lệ phí 8.000 đồng một bản ${suffix}.`;

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

  it('lets the unit’s officer answer and publish it, and hides it from another unit', async () => {
    const citizenContext = await browser.newContext({ locale: 'vi-VN' });
    const officerContext = await browser.newContext({ locale: 'vi-VN' });
    const otherContext = await browser.newContext({ locale: 'vi-VN' });
    try {
      // A citizen asks unit A on the public page, without an account.
      const citizen = await citizenContext.newPage();
      await citizen.goto(`${publicSite()}/cong-khai/hoi-dap`);
      await citizen.getByLabel('Đơn vị nhận câu hỏi').selectOption({ label: testUnitName(unitA) });
      await citizen.locator('#question-title').fill(title);
      await citizen.locator('#question-text').fill(text);
      await citizen.getByTestId('question-submit').click();
      await citizen
        .getByText(`Cảm ơn bạn! Câu hỏi đã được gửi tới ${testUnitName(unitA)}.`, { exact: false })
        .waitFor();
      // A second one, sent through the API: the officer rejects it.
      const asked = await call('/public/questions', {
        method: 'POST',
        body: { unitCode: unitA, title: spam, text: spam },
      });
      expect(asked.status).toBe(201);

      // Unit A's officer reaches «Hỏi đáp» from the periods page: both new questions, no unit
      // box, no routing, no statistics of every unit.
      const officer = await officerContext.newPage();
      await officer.goto(`${shell()}/self-assessment`);
      const a = portal!.users.officerA;
      await loginThroughKeycloak(officer, a.username, a.password);
      await officer.getByTestId('questions-link').click();
      await officer.waitForURL((url) => url.pathname === '/self-assessment/questions');
      const row = officer.getByTestId(/^question-[0-9a-f]{24}$/).filter({ hasText: title });
      await row.waitFor({ timeout: 60_000 });
      const questionId = (await row.getAttribute('data-testid'))!.slice('question-'.length);
      await officer.getByText('2 câu hỏi').waitFor();
      expect(await officer.getByTestId('question-unit-filter').count()).toBe(0);
      expect(await officer.getByTestId('question-route').count()).toBe(0);
      expect(await officer.getByRole('tab', { name: 'Thống kê theo đơn vị' }).count()).toBe(0);

      // Unit B's officer: an empty list whatever the state, and the service refuses to let
      // them answer it.
      const other = await otherContext.newPage();
      await other.goto(`${shell()}/self-assessment/questions`);
      const b = portal!.users.officerB;
      await loginThroughKeycloak(other, b.username, b.password);
      await other.getByTestId('questions-empty').waitFor({ timeout: 60_000 });
      await other.getByTestId('question-status-filter').getByText('Tất cả').click();
      await other.getByTestId('questions-empty').waitFor();
      expect(await other.getByText(title).count()).toBe(0);
      const byOther = await call(`/survey/questions/${questionId}/answer`, {
        method: 'PUT',
        token: portal!.tokens.officerB,
        body: { version: 1, answer: 'Trả lời hộ' },
      });
      expect({ status: byOther.status, code: byOther.body.error?.code }).toEqual({
        status: 403,
        code: 'E_FORBIDDEN',
      });

      // Unit A's officer answers (sent empty first: the contract's message), then publishes.
      await row.getByTestId('question-answer').click();
      await officer.getByTestId('question-dialog-ok').click();
      await officer.getByText('Hãy nhập nội dung trả lời (từ 1 đến 10.000 ký tự).').waitFor();
      await officer.getByTestId('question-dialog-text').fill(answer);
      await officer.getByTestId('question-dialog-ok').click();
      await officer.getByTestId('question-status-filter').getByText('Tất cả').click();
      await row.getByTestId('question-status').getByText('Đã trả lời').waitFor();
      await row.getByTestId('question-publish').click();
      await officer.getByTestId('question-publish-confirm').click();
      await row.getByTestId('question-status').getByText('Đã công bố').waitFor();

      // The other one is rejected with a reason.
      const spamRow = officer.getByTestId(/^question-[0-9a-f]{24}$/).filter({ hasText: spam });
      await spamRow.getByTestId('question-reject').click();
      await officer.getByTestId('question-dialog-text').fill('Quảng cáo');
      await officer.getByTestId('question-dialog-ok').click();
      await spamRow.getByTestId('question-status').getByText('Đã từ chối').waitFor();

      // The public page shows the answer, and not the rejected question.
      await citizen.goto(`${publicSite()}/cong-khai/hoi-dap?don-vi=${unitA}`);
      await citizen.getByTestId('question-list').getByText(answer).waitFor({ timeout: 60_000 });
      expect(await citizen.getByText(spam).count()).toBe(0);
    } finally {
      await citizenContext.close();
      await officerContext.close();
      await otherContext.close();
    }
  });
});
