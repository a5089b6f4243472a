/**
 * A unit's entries through the gateway with real Keycloak tokens, the assessment service on
 * NATS and the local database: a save comes back on reload, a stale save gets 409 with the
 * entry as it is, racing saves have one winner, the unit is the token's, bad input and late
 * writes are refused with nothing written, and other officers' saves are listed since a moment.
 */
import { randomUUID } from 'node:crypto';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import { callApi as call } from '../../../../test/support/api';
import {
  DAY,
  HOUR,
  at,
  createPeriod,
  createSelfAssessmentSet,
  createUnit,
  phaseReached,
  phasesFrom,
} from './self-assessment-support';

const suffix = randomUUID().slice(0, 6).toUpperCase();
const GROUP = `SA${suffix}`;
const A = `A${suffix}`;
const B = `B${suffix}`;

/** `hh:mm dd/mm/yyyy` of a UTC instant in Vietnam (UTC+7, no daylight saving), by hand. */
const vietnam = (iso: string) => {
  const local = new Date(Date.parse(iso) + 7 * HOUR).toISOString();
  return {
    time: local.slice(11, 16),
    date: `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`,
  };
};

describe("a unit's self-assessment entries", () => {
  let portal: Portal<'admin' | 'officer' | 'colleague' | 'other'> | undefined;
  let admin: string;
  let officer: string;
  let colleague: string;
  let other: string;
  let setId: string;
  let periodId: string;

  const entryPath = (period: string, code: string) =>
    `/self-assessment/periods/${period}/entries/${encodeURIComponent(code)}`;
  const save = (token: string, code: string, body: Record<string, unknown>, period = periodId) =>
    call(entryPath(period, code), { method: 'PUT', token, body });
  const read = (token: string, query = '', period = periodId) =>
    call(`/self-assessment/periods/${period}${query}`, { token });
  const entryOf = async (token: string, code: string) =>
    ((await read(token)).body.entries as Array<{ criterionCode: string }>).find(
      (e) => e.criterionCode === code,
    );

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment'],
      users: {
        admin: roles.admin,
        officer: { roles: ['data-entry'], unit: A },
        colleague: { roles: ['data-entry'], unit: A },
        other: { roles: ['data-entry'], unit: B },
      },
      routes: ['accounts', 'assessment'],
    });
    ({ admin, officer, colleague, other } = portal.tokens);
    await createUnit(admin, A, GROUP);
    await createUnit(admin, B, GROUP);
    setId = await createSelfAssessmentSet(admin, {
      indexCode: 'PAR',
      year: 2026,
      unitGroup: GROUP,
    });
    // Set-up ended an hour ago: the scheduler opens the self-assessment at once.
    const period = await createPeriod(admin, {
      indexCode: 'PAR',
      year: 2026,
      name: `Tự đánh giá ${suffix}`,
      criteriaSets: [{ unitGroup: GROUP, criteriaSetId: setId }],
      phases: phasesFrom(-HOUR, 2 * DAY),
    });
    periodId = period.id;
    await phaseReached(admin, periodId, 'selfAssessment');
  });

  afterAll(async () => {
    await portal?.close();
  });

  it('lists the period among the unit’s, with its deadline and progress', async () => {
    const res = await call('/self-assessment/periods', { token: officer });
    expect(res.status).toBe(200);
    const item = res.body.items.find((p: { periodId: string }) => p.periodId === periodId);
    // Four leaves are the unit's (2.3 comes from the survey); nothing is done yet.
    expect(item).toMatchObject({
      currentPhase: 'selfAssessment',
      status: 'draft',
      leafCount: 4,
      completedCount: 0,
      deadline: { phase: 'selfAssessment', extension: null },
    });
  });

  it('saves an entry and returns it, line breaks and all, on reload', async () => {
    const saved = await save(officer, '1.1', {
      version: 0,
      inputs: { value: 175 },
      explanation: 'Đã ban hành kế hoạch\nsố 12/KH-UBND',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ criterionCode: '1.1', score: 175, version: 1 });
    const ratio = await save(officer, '2.2', {
      version: 0,
      inputs: { numerator: 45, denominator: 50 },
    });
    // 45 of 50 is 90.00 %, which reaches the 90 % band: 1 point.
    expect(ratio.body).toMatchObject({ score: 100, percent: 9000, version: 1 });

    const page = await read(officer);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      unit: { code: A, unitGroup: GROUP },
      criteriaSet: { id: setId, totalMax: 600 },
      state: { status: 'draft', version: 0 },
      readOnly: null,
    });
    expect(page.body.criteriaSet.nodes[0]).not.toHaveProperty('guidanceForAppraisers');
    expect(await entryOf(officer, '1.1')).toMatchObject({
      inputs: { value: 175 },
      score: 175,
      explanation: 'Đã ban hành kế hoạch\nsố 12/KH-UBND',
      version: 1,
      updatedBy: { username: portal!.users.officer.username },
    });
  });

  it('refuses a stale save with 409 carrying the entry as it is now, overwriting nothing', async () => {
    const first = await save(officer, '2.1', { version: 0, inputs: { optionKey: 'B' } });
    expect(first.status).toBe(200);
    const newer = await save(colleague, '2.1', {
      version: 1,
      inputs: { optionKey: 'A' },
      explanation: 'Công khai đủ 100 %',
    });
    expect(newer.body).toMatchObject({ score: 150, version: 2 });
    const stale = await save(officer, '2.1', { version: 1, inputs: { optionKey: 'B' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('E_CONFLICT');
    expect(stale.body.error.message).toContain(portal!.users.colleague.username);
    expect(stale.body.error.current).toMatchObject({
      criterionCode: '2.1',
      inputs: { optionKey: 'A' },
      score: 150,
      explanation: 'Công khai đủ 100 %',
      version: 2,
    });
    expect(await entryOf(officer, '2.1')).toMatchObject({ score: 150, version: 2 });
  });

  it('lets one of 8 racing saves of one entry win and gives the 7 others 409 with its entry', async () => {
    for (const version of [0, 1]) {
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          save(i % 2 ? colleague : officer, '1.2', {
            version,
            inputs: { yes: i % 2 === 0 },
            explanation: `Lần lưu ${version}-${i}`,
          }),
        ),
      );
      const winners = answers.filter((a) => a.status === 200);
      expect(winners).toHaveLength(1);
      const won = winners[0]!.body;
      expect(won.version).toBe(version + 1);
      const losers = answers.filter((a) => a.status !== 200);
      expect(losers.map((a) => a.status)).toEqual(Array(7).fill(409));
      for (const lost of losers) expect(lost.body.error.current).toEqual(won);
      expect(await entryOf(officer, '1.2')).toEqual(won);
    }
  });

  it('takes the unit from the token: another unit is neither read nor written', async () => {
    const foreign = await read(other, `?unitCode=${A}`);
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'E_FORBIDDEN']);
    expect(foreign.body.error.message).toMatch(/đơn vị mình/);
    const list = await call(`/self-assessment/periods/${periodId}/entries?unitCode=${A}`, {
      token: other,
    });
    expect(list.status).toBe(403);
    // A unit code in the body is not a parameter of a save: B's entry is written, never A's.
    const before = await entryOf(officer, '1.1');
    const written = await save(other, '1.1', { version: 0, unitCode: A, inputs: { value: 25 } });
    expect(written.status).toBe(200);
    expect(await entryOf(officer, '1.1')).toEqual(before);
    expect(await entryOf(other, '1.1')).toMatchObject({ score: 25, version: 1 });
    // The admin reads any unit by naming it.
    const byAdmin = await read(admin, `?unitCode=${B}`);
    expect([byAdmin.status, byAdmin.body.unit.code]).toEqual([200, B]);
  });

  it('refuses a criterion that is not a leaf of the unit’s set, writing nothing', async () => {
    for (const code of ['1', '9.9']) {
      const res = await save(officer, code, { version: 0, inputs: { value: 100 } });
      expect([code, res.status, res.body.error.fields[0].field]).toEqual([
        code,
        422,
        'criterionCode',
      ]);
    }
    expect(await entryOf(officer, '1')).toBeUndefined();
  });

  it('refuses scores outside the rule’s range or step, unknown options and survey scores', async () => {
    const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
      ['1.1', { value: 110 }, 'inputs.value', /từ 0 đến 2, theo bước 0,25/],
      ['1.1', { value: 250 }, 'inputs.value', /từ 0 đến 2\./],
      ['2.1', { optionKey: 'Z' }, 'inputs.optionKey', /không có trong bộ tiêu chí/],
      ['2.2', { numerator: 60, denominator: 50 }, 'inputs.numerator', /tử số không được lớn hơn/],
      ['2.3', { value: 50 }, 'inputs.value', /lấy từ SIPAS/],
      ['1.1', { optionKey: 'A' }, 'inputs.optionKey', /không nhận trường/],
    ];
    const before = await entryOf(officer, '1.1');
    for (const [code, inputs, field, message] of cases) {
      const version = code === '1.1' ? 1 : code === '2.1' ? 2 : code === '2.2' ? 1 : 0;
      const res = await save(officer, code, { version, inputs });
      expect([code, res.status, res.body.error.code]).toEqual([code, 422, 'E_VALIDATION']);
      expect(res.body.error.fields[0].field).toBe(field);
      expect(res.body.error.message).toMatch(message);
    }
    expect(await entryOf(officer, '1.1')).toEqual(before);
    expect(await entryOf(officer, '2.3')).toBeUndefined();
  });

  it('refuses an explanation, or a reason for missing evidence, over 5,000 characters', async () => {
    for (const field of ['explanation', 'missingEvidenceExplanation']) {
      const res = await save(officer, '1.1', { version: 1, [field]: 'đ'.repeat(5001) });
      expect([res.status, res.body.error.fields[0].field]).toEqual([422, field]);
      expect(res.body.error.fields[0].message).toMatch(/5\.000 ký tự/);
    }
    // Neither refusal wrote anything.
    expect(await entryOf(officer, '1.1')).toMatchObject({ version: 1 });
  });

  it('lists only the entries saved since a moment', async () => {
    const since = new Date().toISOString();
    const late = await save(colleague, '1.1', { version: 1, inputs: { value: 200 } });
    expect(late.status).toBe(200);
    const res = await call(
      `/self-assessment/periods/${periodId}/entries?since=${encodeURIComponent(since)}`,
      { token: officer },
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { criterionCode: string }) => e.criterionCode)).toEqual(['1.1']);
    expect(res.body.items[0]).toMatchObject({ score: 200, version: 2 });
    // `at` reaches back, so the next poll repeats the last seconds rather than miss a save.
    expect(Date.parse(res.body.at)).toBeLessThan(Date.now() - 20_000);
    const all = await call(`/self-assessment/periods/${periodId}/entries`, { token: officer });
    expect(all.body.items.length).toBe(4);
  });

  it('refuses a write after the deadline, naming it, and after an extension has passed too', async () => {
    // The self-assessment ended an hour ago. Round 1 is due, but the scheduler holds the period
    // in self-assessment (nothing is assigned, no late unit decided): its deadline has passed all the same.
    const late = await createPeriod(admin, {
      indexCode: 'PAR',
      year: 2026,
      name: `Tự đánh giá đã hết hạn ${suffix}`,
      criteriaSets: [{ unitGroup: GROUP, criteriaSetId: setId }],
      phases: phasesFrom(-3 * HOUR, 2 * HOUR),
    });
    await phaseReached(admin, late.id, 'selfAssessment');
    const period = (await call(`/periods/${late.id}`, { token: admin })).body;
    const commonEnd = period.phases.find((p: { phase: string }) => p.phase === 'selfAssessment');
    const common = vietnam(commonEnd.endsAt);

    const refused = await save(officer, '1.1', { version: 0, inputs: { value: 100 } }, late.id);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'E_DEADLINE_PASSED']);
    expect(refused.body.error.message).toContain(`${common.time} ngày ${common.date}`);
    const page = await read(officer, '', late.id);
    expect(page.body.readOnly).toBe('deadlinePassed');

    // An extension for A reaching into appraisal lets A write; B stays refused. The refused save
    // left the period in the node's memory (`period-cache.ts`): the extension must replace it.
    const extend = (endsAt: string, reason: string) =>
      call(`/periods/${late.id}/extensions`, {
        method: 'POST',
        token: admin,
        body: { unitCode: A, phase: 'selfAssessment', endsAt, reason },
      });
    expect((await extend(at(HOUR), 'Đơn vị mới sáp nhập')).status).toBe(200);
    const extended = await save(officer, '1.1', { version: 0, inputs: { value: 100 } }, late.id);
    expect([extended.status, extended.body.version]).toEqual([200, 1]);
    expect((await save(other, '1.1', { version: 0 }, late.id)).status).toBe(403);

    // A correction ending half an hour ago: refused again, naming both deadlines.
    const corrected = at(-HOUR / 2);
    expect((await extend(corrected, 'Sửa hạn gia hạn')).status).toBe(200);
    const again = await save(officer, '1.1', { version: 1, inputs: { value: 125 } }, late.id);
    expect([again.status, again.body.error.code]).toEqual([403, 'E_DEADLINE_PASSED']);
    const ext = vietnam(corrected);
    expect(again.body.error.message).toContain(`được gia hạn cho đơn vị lúc ${ext.time}`);
    expect(again.body.error.message).toContain(`hạn chung là ${common.time} ngày ${common.date}`);
    expect((await read(officer, '', late.id)).body.entries[0]).toMatchObject({
      score: 100,
      version: 1,
    });
  });
});
