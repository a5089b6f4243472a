/**
 * The appraisal rounds against the real stack: two appraisers with split areas appraise two
 * submitted units through round 1, a clarification answered by a unit, and round 2. Scope
 * violations, a differing score without a reason, a question in round 2, sending with gaps and
 * writing after sending are refused with nothing written; the admin reopens a round (audited);
 * the first opening ends the unit's withdrawal; sending reaches a JetStream consumer. Every
 * expected number is worked out by hand in the comments.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceBroker } from 'moleculer';
import type { AppraisalRoundSent } from '@par/contracts';
import { callApi as call } from '../../../../test/support/api';
import { eventually } from '../../../../test/support/eventually';
import { channelsBroker } from '../../../../test/support/nats';
import { openPortal, type Portal } from '../../../../test/support/portal-fixture';
import {
  advancePeriod,
  createUnit,
  fillAndSubmit,
  openSelfAssessmentPeriod,
} from '../../../assessment/test/integration/self-assessment-support';
import { pdf, uploadFile } from '../../../evidence/test/integration/evidence-support';

const suffix = randomUUID().slice(0, 5).toUpperCase();
const GROUP = `RG${suffix}`;
const A = `RA${suffix}`;
const B = `RB${suffix}`;
const C = `RC${suffix}`;

const users = {
  admin: { roles: ['admin'] },
  law: { roles: ['appraisal'], unit: 'STP' },
  finance: { roles: ['appraisal'], unit: 'STC' },
  stranger: { roles: ['appraisal'], unit: 'SXD' },
  leaderA: { roles: ['data-entry'], clientRoles: ['unit-approver'], unit: A },
  leaderB: { roles: ['data-entry'], clientRoles: ['unit-approver'], unit: B },
};
type Who = keyof typeof users;

let portal: Portal<Who>;
let periodId: string;
const sent: AppraisalRoundSent[] = [];
let bus: ServiceBroker;

const t = (who: Who) => portal.tokens[who];
const base = () => `/appraisal/periods/${periodId}`;
const unitPath = (unit: string) => `${base()}/units/${unit}`;
const save = (who: Who, unit: string, code: string, round: number, body: object) =>
  call(`${unitPath(unit)}/entries/${code}/rounds/${round}`, {
    method: 'PUT',
    token: t(who),
    body,
  });
const ask = (who: Who, unit: string, code: string, body: object) =>
  call(`${unitPath(unit)}/entries/${code}/question`, { method: 'PUT', token: t(who), body });
const send = (who: Who, round: number) =>
  call(`${base()}/rounds/${round}/send`, { method: 'POST', token: t(who), body: {} });
const open = (who: Who, unit: string) => call(unitPath(unit), { token: t(who) });
const entryOf = async (who: Who, unit: string, code: string) =>
  (await open(who, unit)).body.entries.find(
    (e: { criterionCode: string }) => e.criterionCode === code,
  );

const advance = (to: string) => advancePeriod(t('admin'), periodId, to);

/** File ids of unit A: one serving 1.1 (law's), one serving 2.1 (finance's); B's added in clarification. */
const files = { law: '', finance: '', clarification: '' };

/** An upload slot as the page asks for it (the raw answer, for refusals). */
const slotFor = (leader: Who, name: string, criterionCodes: string[]) =>
  call('/evidence/uploads', {
    method: 'POST',
    token: t(leader),
    body: {
      periodId,
      name,
      size: pdf.length,
      contentType: 'application/pdf',
      criterionCodes,
    },
  });
/** The unit's attached files as its leader lists them. */
const filesOf = async (leader: Who) =>
  (await call(`/evidence/files?periodId=${periodId}`, { token: t(leader) })).body.items as Array<{
    id: string;
    name: string;
    criterionCodes: string[];
    addedInClarification: boolean;
  }>;

/** Uploads one PDF for the leader's unit as the page does: a slot, the bytes to MinIO, the check. */
async function upload(leader: Who, name: string, criterionCodes: string[]): Promise<string> {
  const { slot, confirmed } = await uploadFile(t(leader), periodId, {
    name,
    bytes: pdf,
    type: 'application/pdf',
    criterionCodes,
  });
  if (slot.status !== 201) throw new Error(`slot: ${slot.status} ${JSON.stringify(slot.body)}`);
  if (confirmed?.body.status !== 'attached') throw new Error(`confirm: ${confirmed?.status}`);
  return slot.body.file.id as string;
}

beforeAll(async () => {
  portal = await openPortal({
    apps: ['accounts', 'assessment', 'appraisal', 'evidence', 'gateway'],
    users,
    routes: ['accounts', 'assessment', 'evidence'],
  });
  const admin = t('admin');
  await createUnit(admin, A, GROUP);
  await createUnit(admin, B, GROUP);
  await createUnit(admin, C, GROUP);
  ({ periodId } = await openSelfAssessmentPeriod(admin, {
    indexCode: 'PAR',
    unitGroup: GROUP,
    name: `Thẩm định hai vòng ${suffix}`,
    unitCodes: [A, B, C],
  }));
  await eventually(
    async () => (await call(`${base()}/assignments`, { token: admin })).status === 200,
    30_000,
    'the gateway routing to the appraisal service',
  );
  // Law: area 1 of A and B; finance: area 2 of A and B; C: area 1 and 2 to the stranger, so
  // coverage is complete (3 units × 4 appraised leaves = 12 entries).
  for (const [who, codes, units] of [
    ['law', ['1'], [A, B]],
    ['finance', ['2'], [A, B]],
    ['stranger', ['1', '2'], [C]],
  ] as const) {
    const res = await call(`${base()}/assignments`, {
      method: 'POST',
      token: admin,
      body: {
        appraiserIds: [portal.users[who].id],
        criterionCodes: codes,
        units: { kind: 'units', unitCodes: units },
      },
    });
    if (res.status !== 201)
      throw new Error(`assignment: ${res.status} ${JSON.stringify(res.body)}`);
  }
  files.law = await upload('leaderA', 'Kế hoạch CCHC.pdf', ['1.1']);
  files.finance = await upload('leaderA', 'Danh mục thủ tục.pdf', ['2.1']);
  // Each leader self-scores 1.5, 1, 1.5, 1 = 5 points and submits.
  await fillAndSubmit(t('leaderA'), periodId);
  await fillAndSubmit(t('leaderB'), periodId);

  bus = channelsBroker(`rounds-test-${suffix}`);
  bus.createService({
    name: `roundWatcher${suffix}`,
    channels: {
      'appraisal.round.sent': {
        group: `test-rounds-${suffix}`,
        handler(payload: AppraisalRoundSent) {
          if (payload.periodId === periodId) sent.push(payload);
        },
      },
    },
  } as never);
  await bus.start();
}, 300_000);

afterAll(async () => {
  await bus?.stop();
  await portal?.close();
});

describe('before round 1', () => {
  it("lists the appraiser's own units only, with what is assigned in each", async () => {
    const res = await call(`${base()}/my/units`, { token: t('law') });
    expect(res.status).toBe(200);
    expect(
      res.body.items.map((u: { unitCode: string; assigned: number; round1: object }) => [
        u.unitCode,
        u.assigned,
        u.round1,
      ]),
    ).toEqual([
      [A, 2, { appraised: 0, status: 'notStarted' }],
      [B, 2, { appraised: 0, status: 'notStarted' }],
    ]);
    expect(res.body.totals).toEqual({
      units: 2,
      assigned: 4,
      round1Appraised: 0,
      round2Appraised: 0,
    });
  });

  it('refuses the worklist to officers and admins', async () => {
    expect((await call(`${base()}/my/units`, { token: t('leaderA') })).status).toBe(403);
    expect((await call(`${base()}/my/units`, { token: t('admin') })).status).toBe(403);
  });

  it('refuses a unit outside the assignments with 404 and shows only assigned leaves', async () => {
    const other = await open('law', C);
    expect([other.status, other.body.error.code]).toEqual([404, 'E_NOT_FOUND']);
    const mine = await open('law', A);
    expect(mine.status).toBe(200);
    expect(mine.body.entries.map((e: { criterionCode: string }) => e.criterionCode)).toEqual([
      '1.1',
      '1.2',
    ]);
    // Self-scores 1.5 + 1 = 2.5 points of a 3-point maximum.
    expect(mine.body.totals).toMatchObject({ maxScore: 300, self: 250, round1: 0, assigned: 2 });
    expect(mine.body.readOnly).toBe('notOpen');
    expect(mine.body.entries[0].self).toMatchObject({
      score: 150,
      explanation: 'Đã ban hành kế hoạch',
    });
  });

  it('shows an appraiser only the evidence of their own entries', async () => {
    const page = await open('law', A);
    expect(
      page.body.entries.map((e: { criterionCode: string; evidence: Array<{ id: string }> }) => [
        e.criterionCode,
        e.evidence.map((f) => f.id),
      ]),
    ).toEqual([
      ['1.1', [files.law]],
      ['1.2', []],
    ]);
    const listing = await call(`/evidence/files?periodId=${periodId}&unitCode=${A}`, {
      token: t('law'),
    });
    expect(listing.body.items.map((f: { id: string }) => f.id)).toEqual([files.law]);
    const download = (who: Who, id: string) =>
      call(`/evidence/files/${id}/download`, { token: t(who) });
    expect((await download('law', files.law)).status).toBe(200);
    expect((await download('law', files.finance)).status).toBe(404);
    expect((await download('finance', files.finance)).status).toBe(200);
    expect((await download('stranger', files.law)).status).toBe(404);
    // Units the appraiser does not appraise list nothing.
    const other = await call(`/evidence/files?periodId=${periodId}&unitCode=${C}`, {
      token: t('law'),
    });
    expect(other.status).toBe(404);
  });

  it("ends the unit's withdrawal once an appraiser opened it", async () => {
    const state = await call(`/self-assessment/periods/${periodId}`, { token: t('leaderA') });
    expect(state.body.state.appraisalOpenedAt).not.toBeNull();
    const res = await call(`/self-assessment/periods/${periodId}/withdraw`, {
      method: 'POST',
      token: t('leaderA'),
      body: { version: state.body.state.version, reason: 'Cần sửa giải trình' },
    });
    expect(res.status).toBe(409);
    const after = await call(`/self-assessment/periods/${periodId}`, { token: t('leaderA') });
    expect(after.body.state.status).toBe('submitted');
  });

  it('refuses a save before round 1 opens', async () => {
    const res = await save('law', A, '1.2', 1, { version: 0, inputs: { yes: true } });
    expect([res.status, res.body.error.code]).toEqual([409, 'E_CONFLICT']);
    expect((await entryOf('law', A, '1.2')).version).toBe(0);
  });
});

describe('round 1', () => {
  beforeAll(() => advance('appraisalRound1'), 60_000);

  it("refuses another appraiser's leaf and another unit by changing ids, writing nothing", async () => {
    const leaf = await save('law', A, '2.1', 1, { version: 0, inputs: { optionKey: 'A' } });
    expect(leaf.status).toBe(404);
    const unit = await save('law', C, '1.1', 1, { version: 0, inputs: { value: 100 } });
    expect(unit.status).toBe(404);
    expect((await entryOf('finance', A, '2.1')).version).toBe(0);
    // C never submitted: it cannot be opened, and nothing of it was written.
    expect((await open('stranger', C)).status).toBe(409);
    const progress = await call(`${base()}/progress`, { token: t('admin') });
    const c = progress.body.units.find((u: { unitCode: string }) => u.unitCode === C);
    expect(c).toMatchObject({ state: 'notReady', round1Appraised: 0, questions: 0 });
  });

  it('refuses a score that differs from the self-score without a reason, writing nothing', async () => {
    // Self-score 1.5; the appraiser gives 1.
    const res = await save('law', A, '1.1', 1, { version: 0, inputs: { value: 100 } });
    expect([res.status, res.body.error.fields[0].field]).toEqual([422, 'reason']);
    expect((await entryOf('law', A, '1.1')).version).toBe(0);
  });

  it('saves a differing score with its reason and an equal one without, scored by the rule', async () => {
    const a11 = await save('law', A, '1.1', 1, {
      version: 0,
      inputs: { value: 100 },
      reason: 'Kế hoạch ban hành muộn',
    });
    expect(a11.status).toBe(200);
    expect(a11.body.round1).toMatchObject({ score: 100, reason: 'Kế hoạch ban hành muộn' });
    expect(a11.body.version).toBe(1);
    const a12 = await save('law', A, '1.2', 1, { version: 0, inputs: { yes: true } });
    expect([a12.status, a12.body.round1.score]).toEqual([200, 100]);
  });

  it('refuses a stale version with 409 and the entry as it is', async () => {
    const res = await save('law', A, '1.1', 1, { version: 0, inputs: { value: 150 } });
    expect(res.status).toBe(409);
    expect(res.body.error.current).toMatchObject({ version: 1, round1: { score: 100 } });
  });

  it('refuses to send with gaps, listing them', async () => {
    const res = await send('law', 1);
    expect(res.status).toBe(409);
    expect(res.body.error.current.gaps).toEqual([
      { unitCode: B, criterionCode: '1.1' },
      { unitCode: B, criterionCode: '1.2' },
    ]);
  });

  it('takes a question on an assigned entry in round 1', async () => {
    const res = await ask('law', B, '1.1', { version: 0, text: 'Kế hoạch ban hành ngày nào?' });
    expect(res.status).toBe(200);
    expect(res.body.question).toMatchObject({ text: 'Kế hoạch ban hành ngày nào?', answer: null });
  });

  it('sends once every entry is appraised, emits a durable event, then refuses writes', async () => {
    expect((await save('law', B, '1.1', 1, { version: 1, inputs: { value: 150 } })).status).toBe(
      200,
    );
    expect((await save('law', B, '1.2', 1, { version: 0, inputs: { yes: true } })).status).toBe(
      200,
    );
    const res = await send('law', 1);
    expect(res.status).toBe(200);
    expect(res.body.sentAt).not.toBeNull();
    await eventually(async () => sent.length === 1, 20_000, 'appraisal.round.sent consumed');
    expect(sent[0]).toMatchObject({ round: 1, appraiserId: portal.users.law.id, entries: 4 });
    const after = await save('law', A, '1.2', 1, {
      version: 1,
      inputs: { yes: false },
      reason: 'Thiếu',
    });
    expect(after.status).toBe(409);
    expect(after.body.error.message).toMatch(/đã gửi kết quả vòng 1/);
    expect((await entryOf('law', A, '1.2')).round1.score).toBe(100);
  });

  it('lets only the admin reopen, with a reason, audited; the appraiser writes again', async () => {
    const path = `${base()}/rounds/1/reopen`;
    const body = { appraiserId: portal.users.law.id, reason: 'Sửa điểm tiêu chí 1.2' };
    expect((await call(path, { method: 'POST', token: t('law'), body })).status).toBe(403);
    const noReason = await call(path, {
      method: 'POST',
      token: t('admin'),
      body: { appraiserId: portal.users.law.id },
    });
    expect(noReason.status).toBe(422);
    const res = await call(path, { method: 'POST', token: t('admin'), body });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sentAt: null, reopened: { reason: 'Sửa điểm tiêu chí 1.2' } });
    expect((await save('law', A, '1.2', 1, { version: 1, inputs: { yes: true } })).status).toBe(
      200,
    );
    expect((await send('law', 1)).status).toBe(200);
    await eventually(
      async () => {
        const audit = await call(`${base()}/audit?limit=200`, { token: t('admin') });
        const actions = audit.body.items.map((e: { action: string }) => e.action);
        return (
          actions.includes('appraisal.round1.reopened') &&
          actions.filter((a: string) => a === 'appraisal.round1.sent').length === 2
        );
      },
      20_000,
      'the reopening and both sends in the audit trail',
    );
  });

  it('finance appraises area 2 as the units did and sends', async () => {
    for (const unit of [A, B]) {
      expect(
        (await save('finance', unit, '2.1', 1, { version: 0, inputs: { optionKey: 'A' } })).status,
      ).toBe(200);
      expect(
        (
          await save('finance', unit, '2.2', 1, {
            version: 0,
            inputs: { numerator: 95, denominator: 100 },
          })
        ).status,
      ).toBe(200);
    }
    expect((await send('finance', 1)).status).toBe(200);
  });

  it("shows the admin every appraiser's progress", async () => {
    const res = await call(`${base()}/progress`, { token: t('admin') });
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(
      res.body.appraisers.map((a: { username: string }) => [a.username, a]),
    );
    expect(byName[portal.users.law.username]).toMatchObject({ assigned: 4, round1Appraised: 4 });
    expect(byName[portal.users.finance.username]).toMatchObject({
      assigned: 4,
      round1Appraised: 4,
    });
    expect(byName[portal.users.stranger.username]).toMatchObject({
      assigned: 4,
      round1Appraised: 0,
    });
    expect((await call(`${base()}/progress`, { token: t('law') })).status).toBe(403);
  });
});

describe('clarification and round 2', () => {
  beforeAll(() => advance('clarification'), 60_000);

  it('refuses a question outside round 1', async () => {
    const res = await ask('law', A, '1.2', { version: 2, text: 'Báo cáo quý 4 nộp khi nào?' });
    expect(res.status).toBe(409);
  });

  it('keeps a unit done with round 1, not round 2, while round 2 has not begun', async () => {
    const res = await call(`${base()}/progress`, { token: t('admin') });
    const state = (code: string) =>
      res.body.units.find((u: { unitCode: string }) => u.unitCode === code).state;
    // A has no question, so round 2 would already carry its round-1 scores: still round 1 done.
    expect([state(A), state(B)]).toEqual(['round1Done', 'round1Done']);
  });

  it('shows the unit only its own questions and takes its answer with a revised self-score', async () => {
    const none = await call(`/appraisal/unit/periods/${periodId}/questions`, {
      token: t('leaderA'),
    });
    expect([none.status, none.body.items]).toEqual([200, []]);
    const list = await call(`/appraisal/unit/periods/${periodId}/questions`, {
      token: t('leaderB'),
    });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ criterionCode: '1.1', selfScore: 150 });
    // A's leader cannot answer B's question: A has none on 1.1.
    const wrong = await call(`/appraisal/unit/periods/${periodId}/questions/1.1`, {
      method: 'PUT',
      token: t('leaderA'),
      body: { version: list.body.items[0].version, text: 'Ngày 15/01' },
    });
    expect(wrong.status).toBe(404);
    const res = await call(`/appraisal/unit/periods/${periodId}/questions/1.1`, {
      method: 'PUT',
      token: t('leaderB'),
      body: {
        version: list.body.items[0].version,
        text: 'Ban hành ngày 15/01',
        revisedInputs: { value: 175 },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.question.answer).toMatchObject({
      text: 'Ban hành ngày 15/01',
      revisedScore: 175,
    });
  });

  it('takes new evidence on the questioned entry only, until the clarification ends', async () => {
    const before = await filesOf('leaderB');
    expect(before).toEqual([]);
    // B was asked about 1.1: a file for it passes the whole upload, marked as added now.
    files.clarification = await upload('leaderB', 'Quyết định ban hành kế hoạch.pdf', ['1.1']);
    const added = await filesOf('leaderB');
    expect(added.map((f) => [f.name, f.criterionCodes, f.addedInClarification])).toEqual([
      ['Quyết định ban hành kế hoạch.pdf', ['1.1'], true],
    ]);

    // 1.2 was not questioned; a slot serving 1.1 and 1.2 is refused whole.
    for (const codes of [['1.2'], ['1.1', '1.2']]) {
      const refused = await slotFor('leaderB', 'Báo cáo quý.pdf', codes);
      expect([refused.status, refused.body.error.code]).toEqual([403, 'E_FORBIDDEN']);
      expect(refused.body.error.message).toContain('Tiêu chí 1.2 không có câu hỏi giải trình');
    }
    // A has no question at all: nothing to add, and the files it submitted stay.
    const other = await slotFor('leaderA', 'Kế hoạch bổ sung.pdf', ['1.1']);
    expect([other.status, other.body.error.code]).toEqual([403, 'E_FORBIDDEN']);
    const submitted = await call(`/evidence/files/${files.law}`, {
      method: 'DELETE',
      token: t('leaderA'),
    });
    expect(submitted.status).toBe(409);
    expect(submitted.body.error.message).toContain('thuộc bản tự đánh giá đã gửi');
    // Another unit's officer cannot touch B's new file (by its id).
    const foreign = await call(`/evidence/files/${files.clarification}`, {
      method: 'DELETE',
      token: t('leaderA'),
    });
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'E_FORBIDDEN']);
    expect(await filesOf('leaderB')).toEqual(added);
    expect((await filesOf('leaderA')).map((f) => f.id).sort()).toEqual(
      [files.law, files.finance].sort(),
    );

    // A file added in clarification is the unit's to delete until then.
    const spare = await upload('leaderB', 'Bản nháp.pdf', ['1.1']);
    const deleted = await call(`/evidence/files/${spare}`, {
      method: 'DELETE',
      token: t('leaderB'),
    });
    expect(deleted.status).toBe(200);
    expect(await filesOf('leaderB')).toEqual(added);
  });

  it('settles round 2: unquestioned entries carry round 1, a questioned one needs its score', async () => {
    await advance('appraisalRound2');
    // The clarification is over: B's new file stays, nothing more is added or deleted.
    const late = await slotFor('leaderB', 'Muộn.pdf', ['1.1']);
    expect([late.status, late.body.error.code]).toEqual([409, 'E_CONFLICT']);
    const keep = await call(`/evidence/files/${files.clarification}`, {
      method: 'DELETE',
      token: t('leaderB'),
    });
    expect(keep.status).toBe(409);
    const b = await open('law', B);
    const b11 = b.body.entries.find((e: { criterionCode: string }) => e.criterionCode === '1.1');
    // The appraiser of 1.1 sees the evidence added in clarification, marked so.
    expect(
      b11.evidence.map((f: { id: string; addedInClarification: boolean }) => [
        f.id,
        f.addedInClarification,
      ]),
    ).toEqual([[files.clarification, true]]);
    expect(b11.round2Score).toBeNull();
    expect(b11.question.answer.text).toBe('Ban hành ngày 15/01');
    const b12 = b.body.entries.find((e: { criterionCode: string }) => e.criterionCode === '1.2');
    expect(b12.round2Score).toBe(100);
    expect(
      (await ask('law', B, '1.2', { version: b12.version, text: 'Câu hỏi vòng 2?' })).status,
    ).toBe(409);

    const gaps = await send('law', 2);
    expect(gaps.body.error.current.gaps).toEqual([{ unitCode: B, criterionCode: '1.1' }]);
    // Round 1 gave 1.5; 1.75 differs, so it needs a reason.
    const noReason = await save('law', B, '1.1', 2, {
      version: b11.version,
      inputs: { value: 175 },
    });
    expect(noReason.status).toBe(422);
    const res = await save('law', B, '1.1', 2, {
      version: b11.version,
      inputs: { value: 175 },
      reason: 'Giải trình hợp lý',
    });
    expect([res.status, res.body.round2Score]).toEqual([200, 175]);
    expect((await send('law', 2)).status).toBe(200);
  });

  it("gives each unit's totals by hand", async () => {
    const res = await call(`${base()}/progress`, { token: t('admin') });
    const byUnit = Object.fromEntries(
      res.body.units.map((u: { unitCode: string }) => [u.unitCode, u]),
    );
    // A: 1 + 1 + 1.5 + 1 = 4.5 in both rounds. B: 1.5 + 1 + 1.5 + 1 = 5, then 1.75 for 1.1 = 5.25.
    expect(byUnit[A]).toMatchObject({ round1Total: 450, round2Total: 450, questions: 0 });
    expect(byUnit[B]).toMatchObject({
      round1Total: 500,
      round2Total: 525,
      questions: 1,
      answered: 1,
    });
    expect(byUnit[B].state).toBe('round2Done');
    expect(byUnit[C].state).toBe('notReady');
    const file = await call(`${base()}/progress/export`, { token: t('admin') });
    expect(file.status).toBe(200);
    expect(file.body.fileName).toMatch(/\.xlsx$/);
  });
});
