/**
 * Appraised leaves, blocker decisions and publication against the real stack.
 *
 * Period 1 goes through both appraisal rounds with two appraisers (law: area 1, finance: area 2,
 * of units A and B); the ranking service is stopped before the last round 2 is sent and, started
 * again, consolidates from the durable `appraisal.round.sent` it missed, as its own principal,
 * with the totals worked out by hand below.
 *
 * Period 2 has no appraisal at all (units D and E never submit): publication is refused while
 * its blockers are undecided; the admin decides each (zero or exclude, with a reason), publishes,
 * corrects a survey result and republishes with a reason; both versions stay readable, their
 * difference is given per unit, and each publication reaches a JetStream consumer.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceBroker } from 'moleculer';
import type { RankingPublished } from '@par/contracts';
import { startApps } from '../../../../deploy/local/apps/apps.ts';
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

const suffix = randomUUID().slice(0, 5).toUpperCase();
const GROUP1 = `PG${suffix}`;
const GROUP2 = `PH${suffix}`;
const [A, B, D, E] = ['PA', 'PB', 'PD', 'PE'].map((p) => `${p}${suffix}`) as [
  string,
  string,
  string,
  string,
];

const users = {
  admin: { roles: ['admin'] },
  officer: { roles: ['data-entry'], unit: 'SNV' },
  law: { roles: ['appraisal'], unit: 'STP' },
  finance: { roles: ['appraisal'], unit: 'STC' },
  leaderA: { roles: ['data-entry'], clientRoles: ['unit-approver'], unit: A },
  leaderB: { roles: ['data-entry'], clientRoles: ['unit-approver'], unit: B },
};
type Who = keyof typeof users;

let portal: Portal<Who>;
let period1: string;
let period2: string;
let bus: ServiceBroker;
const published: RankingPublished[] = [];

const t = (who: Who) => portal.tokens[who];
const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`).toString('base64');
const ranking = (periodId: string) => `/ranking/periods/${periodId}`;
const appraisal = (periodId: string) => `/appraisal/periods/${periodId}`;

const advance = (periodId: string, to: string) => advancePeriod(t('admin'), periodId, to);

async function importSurvey(periodId: string, lines: string[]) {
  const res = await call(`${ranking(periodId)}/survey-results/import`, {
    method: 'POST',
    token: t('admin'),
    body: { fileName: 'sipas.csv', contentBase64: csv(['Mã đơn vị,Mã tiêu chí,Điểm', ...lines]) },
  });
  if (res.status !== 200) throw new Error(`survey: ${res.status} ${JSON.stringify(res.body)}`);
}

async function appraise(who: Who, unit: string, code: string, body: object) {
  const res = await call(`${appraisal(period1)}/units/${unit}/entries/${code}/rounds/1`, {
    method: 'PUT',
    token: t(who),
    body: { version: 0, ...body },
  });
  if (res.status !== 200) throw new Error(`appraise: ${res.status} ${JSON.stringify(res.body)}`);
}

const send = (who: Who, round: number) =>
  call(`${appraisal(period1)}/rounds/${round}/send`, { method: 'POST', token: t(who), body: {} });

beforeAll(async () => {
  portal = await openPortal({
    apps: ['accounts', 'assessment', 'appraisal', 'evidence', 'ranking', 'gateway'],
    users,
    routes: ['accounts', 'assessment', 'evidence'],
  });
  const admin = t('admin');
  for (const unit of [A, B]) await createUnit(admin, unit, GROUP1);
  for (const unit of [D, E]) await createUnit(admin, unit, GROUP2);
  const indexCode = `PI${suffix}`;
  // Each set: area 1 (1.1 of 2, 1.2 of 1) and area 2 (2.1 of 1.5, 2.2 of 1, survey 2.3 of 0.5).
  ({ periodId: period1 } = await openSelfAssessmentPeriod(admin, {
    indexCode,
    unitGroup: GROUP1,
    name: `Công bố qua hai vòng ${suffix}`,
  }));
  ({ periodId: period2 } = await openSelfAssessmentPeriod(admin, {
    indexCode,
    unitGroup: GROUP2,
    name: `Công bố có vướng mắc ${suffix}`,
  }));
  await eventually(
    async () =>
      (await call(`${ranking(period2)}/publications`, { token: admin })).status === 200 &&
      (await call(`${appraisal(period1)}/assignments`, { token: admin })).status === 200,
    30_000,
    'the gateway routing to the ranking and appraisal services',
  );
  for (const [who, codes] of [
    ['law', ['1']],
    ['finance', ['2']],
  ] as const) {
    const res = await call(`${appraisal(period1)}/assignments`, {
      method: 'POST',
      token: admin,
      body: {
        appraiserIds: [portal.users[who].id],
        criterionCodes: codes,
        units: { kind: 'units', unitCodes: [A, B] },
      },
    });
    if (res.status !== 201)
      throw new Error(`assignment: ${res.status} ${JSON.stringify(res.body)}`);
  }
  // Each leader self-scores 1.5, 1, 1.5, 1 = 5 points and submits.
  await fillAndSubmit(t('leaderA'), period1);
  await fillAndSubmit(t('leaderB'), period1);
  await importSurvey(period1, [`${A},2.3,"0,5"`, `${B},2.3,"0,25"`]);

  bus = channelsBroker(`publication-test-${suffix}`);
  bus.createService({
    name: `publicationWatcher${suffix}`,
    channels: {
      'ranking.published': {
        group: `test-publication-${suffix}`,
        handler(payload: RankingPublished) {
          if (payload.periodId === period2) published.push(payload);
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

describe('appraised leaves and the consolidation when round 2 is sent', () => {
  beforeAll(async () => {
    await advance(period1, 'appraisalRound1');
    // Law (area 1): A as self-assessed, 1.5 + 1; B 1 (not 1.5) + 1.
    await appraise('law', A, '1.1', { inputs: { value: 150 } });
    await appraise('law', A, '1.2', { inputs: { yes: true } });
    await appraise('law', B, '1.1', { inputs: { value: 100 }, reason: 'Kế hoạch ban hành muộn' });
    await appraise('law', B, '1.2', { inputs: { yes: true } });
    // Finance (area 2): A as self-assessed, 1.5 + 1; B option B (0.5) and 60 % (band ≥ 50 %: 0.5).
    await appraise('finance', A, '2.1', { inputs: { optionKey: 'A' } });
    await appraise('finance', A, '2.2', { inputs: { numerator: 95, denominator: 100 } });
    await appraise('finance', B, '2.1', {
      inputs: { optionKey: 'B' },
      reason: 'Công khai chưa đầy đủ',
    });
    await appraise('finance', B, '2.2', {
      inputs: { numerator: 60, denominator: 100 },
      reason: 'Nhiều hồ sơ trễ hạn',
    });
    for (const who of ['law', 'finance'] as const)
      if ((await send(who, 1)).status !== 200) throw new Error(`round 1 of ${who} not sent`);
    await advance(period1, 'clarification');
    await advance(period1, 'appraisalRound2');
  }, 180_000);

  it('consolidates only once every appraiser sent round 2, catching up after a restart', async () => {
    // Nobody questioned an entry: round 2 carries round 1 over. Law sends while ranking runs.
    expect((await send('law', 2)).status).toBe(200);
    const app = portal.apps.find((a) => a.name === 'ranking')!;
    await app.stop();
    // The last round 2 is sent while the ranking service is down.
    expect((await send('finance', 2)).status).toBe(200);
    const [restarted] = await startApps(['ranking']);
    portal.apps[portal.apps.indexOf(app)] = restarted!;

    await eventually(
      async () =>
        (await call(`${ranking(period1)}/consolidation`, { token: t('admin') })).status === 200,
      60_000,
      'the consolidation made from the round-sent event missed while down',
    );
    const draft = (
      await call(`${ranking(period1)}/consolidation?unitCode=${A}`, {
        token: t('admin'),
      })
    ).body;
    // By hand: A 1.5 + 1 + 1.5 + 1 + survey 0.5 = 5.5 of 6 → 91.67 % (band A); area 1 2.5/3 =
    // 83.33 %, area 2 3/3 = 100 %. B 1 + 1 + 0.5 + 0.5 + survey 0.25 = 3.25 of 6 → 54.17 % (D);
    // area 1 2/3 = 66.67 %, area 2 1.25/3 = 41.67 %.
    expect(
      draft.rows.map(
        (r: {
          unitCode: string;
          rank: number;
          total: number;
          index: number;
          band: string;
          areas: Array<{ subIndex: number }>;
        }) => [r.unitCode, r.rank, r.total, r.index, r.band, r.areas.map((a) => a.subIndex)],
      ),
    ).toEqual([
      [A, 1, 550, 9167, 'A', [8333, 10000]],
      [B, 2, 325, 5417, 'D', [6667, 4167]],
    ]);
    expect(draft.blockers).toEqual([]);
    expect(draft.createdBy.username).toBe('service-account-par-ranking');
    expect(draft.provenance.appraisalEntries).toBe(8);
    const leaf = (code: string) =>
      draft.rows[0].leaves.find((l: { code: string }) => l.code === code);
    expect(leaf('1.1')).toEqual({
      code: '1.1',
      score: 150,
      from: { source: 'appraisal', entryId: `${period1}/${A}/1.1`, entryVersion: 1 },
    });
    expect(leaf('2.3').from.source).toBe('survey');
    // Law's earlier event found round 2 incomplete, and a repeat of the same inputs writes
    // nothing: a single version.
    expect(draft.version).toBe(1);
  });

  it('uses the settled round-2 scores when the admin consolidates too', async () => {
    const made = await call(`${ranking(period1)}/consolidations`, {
      method: 'POST',
      token: t('admin'),
      body: {},
    });
    expect(made.status).toBe(201);
    expect(made.body.rows.map((r: { total: number }) => r.total)).toEqual([550, 325]);
    expect(made.body.createdBy.id).toBe(portal.users.admin.id);
  });
});

describe('blocker decisions and publication', () => {
  const decide = (unit: string, kind: string, body: object, who: Who = 'admin') =>
    call(`${ranking(period2)}/blocker-decisions/${unit}/${kind}`, {
      method: 'PUT',
      token: t(who),
      body,
    });
  const consolidate = () =>
    call(`${ranking(period2)}/consolidations`, { method: 'POST', token: t('admin'), body: {} });
  const publish = (body: object) =>
    call(`${ranking(period2)}/publications`, { method: 'POST', token: t('admin'), body });
  let first: number;

  it('refuses publication while blockers are undecided, saying what to do', async () => {
    await importSurvey(period2, [`${D},2.3,"0,5"`]);
    const draft = await consolidate();
    expect(draft.status).toBe(201);
    first = draft.body.version;
    expect(
      draft.body.blockers.map((b: { unitCode: string; kind: string; decision: null }) => [
        b.unitCode,
        b.kind,
        b.decision,
      ]),
    ).toEqual([
      [D, 'notSubmitted', null],
      [D, 'notAppraised', null],
      [E, 'notSubmitted', null],
      [E, 'notAppraised', null],
      [E, 'surveyMissing', null],
    ]);
    expect(draft.body.undecided).toBe(5);
    const res = await publish({ consolidationVersion: first });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(
      new RegExp(`còn 5 vướng mắc chưa được quyết định \\(đầu tiên: đơn vị «${D}», chưa nộp`),
    );
    expect(res.body.error.message).toMatch(/tính 0 điểm hoặc loại đơn vị, kèm lý do/);
    expect((await call(`${ranking(period2)}/publications`, { token: t('admin') })).body).toEqual({
      items: [],
    });
  });

  it('takes each decision with a reason at the version read, refusing bad ones unwritten', async () => {
    const noReason = await decide(D, 'notSubmitted', { decision: 'zero', reason: '', version: 0 });
    expect([noReason.status, noReason.body.error.fields[0].field]).toEqual([422, 'reason']);
    const badKind = await decide(D, 'late', { decision: 'zero', reason: 'Quá hạn', version: 0 });
    expect(badKind.status).toBe(422);
    const notABlocker = await decide(D, 'surveyMissing', {
      decision: 'zero',
      reason: 'Không có phiếu',
      version: 0,
    });
    expect(notABlocker.status).toBe(404);
    expect(notABlocker.body.error.message).toMatch(/không có vướng mắc «thiếu kết quả điều tra»/);
    expect(
      (
        await decide(
          D,
          'notSubmitted',
          { decision: 'zero', reason: 'Nộp muộn', version: 0 },
          'officer',
        )
      ).status,
    ).toBe(403);
    expect(
      (await call(`${ranking(period2)}/blocker-decisions`, { token: t('admin') })).body,
    ).toEqual({ periodId: period2, version: 0, items: [] });

    const one = await decide(D, 'notSubmitted', {
      decision: 'zero',
      reason: 'Đơn vị không nộp đúng hạn',
      version: 0,
    });
    expect(one.status).toBe(200);
    expect(one.body.version).toBe(1);
    const stale = await decide(D, 'notAppraised', {
      decision: 'zero',
      reason: 'Không thẩm định được',
      version: 0,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.version).toBe(1);
    expect(
      (
        await decide(D, 'notAppraised', {
          decision: 'zero',
          reason: 'Không thẩm định được',
          version: 1,
        })
      ).status,
    ).toBe(200);
    const last = await decide(E, 'notSubmitted', {
      decision: 'exclude',
      reason: 'Đơn vị sáp nhập giữa kỳ',
      version: 2,
    });
    expect(last.status).toBe(200);
    expect(last.body.items).toEqual([
      expect.objectContaining({ unitCode: D, kind: 'notSubmitted', decision: 'zero' }),
      expect.objectContaining({ unitCode: D, kind: 'notAppraised', decision: 'zero' }),
      expect.objectContaining({
        unitCode: E,
        kind: 'notSubmitted',
        decision: 'exclude',
        reason: 'Đơn vị sáp nhập giữa kỳ',
        by: { id: portal.users.admin.id, username: expect.any(String) },
      }),
    ]);
    // The draft made before the decisions still has them undecided.
    expect((await publish({ consolidationVersion: first })).status).toBe(409);
  });

  it('publishes the draft that applies every decision; the excluded unit is not ranked', async () => {
    const draft = await consolidate();
    expect(draft.body.undecided).toBe(0);
    expect(draft.body.excludedUnits).toEqual([
      { unitCode: E, unitName: `Sở thử nghiệm ${E}`, reason: 'Đơn vị sáp nhập giữa kỳ' },
    ]);
    // D alone: survey 0.5 of 6 → 8.33 %, rank 1, band D.
    expect(
      draft.body.rows.map((r: { unitCode: string; rank: number; index: number; band: string }) => [
        r.unitCode,
        r.rank,
        r.index,
        r.band,
      ]),
    ).toEqual([[D, 1, 833, 'D']]);
    const res = await publish({ consolidationVersion: draft.body.version });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      number: 1,
      consolidationVersion: draft.body.version,
      reason: '',
      superseded: false,
    });
    await eventually(async () => published.length === 1, 20_000, 'ranking.published consumed');
    expect(published[0]).toMatchObject({ number: 1, consolidationVersion: draft.body.version });
  });

  it('republishes a corrected version only with a reason, keeping the old one readable', async () => {
    // The survey result of D is corrected: 0.25 replaces 0.5 → 0.25 of 6 = 4.17 %.
    await importSurvey(period2, [`${D},2.3,"0,25"`]);
    const draft = await consolidate();
    expect(draft.body.rows[0]).toMatchObject({ unitCode: D, index: 417 });
    const noReason = await publish({ consolidationVersion: draft.body.version });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.message).toMatch(/hãy ghi lý do công bố lại/);
    const reason = 'Sửa kết quả điều tra xã hội học của đơn vị';
    const res = await publish({ consolidationVersion: draft.body.version, reason });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 2, reason });
    const again = await publish({ consolidationVersion: draft.body.version, reason });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/đang là bản được công bố/);
    await eventually(async () => published.length === 2, 20_000, 'the republication consumed');
    expect(published[1]).toMatchObject({ number: 2, reason });

    const list = await call(`${ranking(period2)}/publications`, { token: t('admin') });
    expect(
      list.body.items.map((p: { number: number; superseded: boolean }) => [p.number, p.superseded]),
    ).toEqual([
      [1, true],
      [2, false],
    ]);
    const old = await call(`${ranking(period2)}/publications/1`, { token: t('admin') });
    expect(old.status).toBe(200);
    expect(old.body.consolidation.rows[0]).toMatchObject({ unitCode: D, index: 833 });
    const now = await call(`${ranking(period2)}/publications/2`, { token: t('admin') });
    expect(now.body.consolidation.rows[0]).toMatchObject({ unitCode: D, index: 417 });
    const missing = await call(`${ranking(period2)}/publications/9`, { token: t('admin') });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/không có lần công bố số 9/);

    const diff = await call(`${ranking(period2)}/publications/2/diff`, { token: t('admin') });
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ from: 1, to: 2, changed: 1 });
    expect(diff.body.units).toEqual([
      {
        unitCode: D,
        unitName: `Sở thử nghiệm ${D}`,
        unitGroup: GROUP2,
        before: { index: 833, rank: 1, band: 'D' },
        after: { index: 417, rank: 1, band: 'D' },
        changes: ['index'],
      },
    ]);
  });

  it('keeps an audit trail of every decision and publication, newest first', async () => {
    const path = `${ranking(period2)}/audit`;
    const actions = async () =>
      (await call(path, { token: t('admin') })).body.items.map((e: { action: string }) => e.action);
    await eventually(async () => (await actions()).length === 5, 20_000, 'the audit entries');
    expect(await actions()).toEqual([
      'ranking.republished',
      'ranking.published',
      'ranking.blocker.decided',
      'ranking.blocker.decided',
      'ranking.blocker.decided',
    ]);
    const trail = (await call(path, { token: t('admin') })).body;
    expect(trail.items[4]).toMatchObject({
      actor: { id: portal.users.admin.id },
      target: `blocker:${period2}/${D}/notSubmitted`,
      before: null,
      after: { decision: 'zero', reason: 'Đơn vị không nộp đúng hạn' },
    });
    expect(trail.items[0].after).toMatchObject({
      number: 2,
      reason: 'Sửa kết quả điều tra xã hội học của đơn vị',
    });
  });

  it('refuses every new action to officers and appraisers, and without a login', async () => {
    const routes: Array<[string, string, object?]> = [
      ['GET', `${ranking(period2)}/blocker-decisions`],
      [
        'PUT',
        `${ranking(period2)}/blocker-decisions/${D}/notSubmitted`,
        { decision: 'zero', reason: 'Lý do đủ dài', version: 3 },
      ],
      [
        'POST',
        `${ranking(period2)}/publications`,
        { consolidationVersion: 1, reason: 'Lý do đủ dài' },
      ],
      ['GET', `${ranking(period2)}/publications`],
      ['GET', `${ranking(period2)}/publications/1`],
      ['GET', `${ranking(period2)}/publications/2/diff`],
      ['GET', `${ranking(period2)}/audit`],
    ];
    for (const [method, path, body] of routes) {
      for (const who of ['officer', 'law'] as const)
        expect([
          method,
          path,
          who,
          (await call(path, { method, token: t(who), body })).status,
        ]).toEqual([method, path, who, 403]);
      expect((await call(path, { method, body })).status).toBe(401);
    }
    const list = await call(`${ranking(period2)}/publications`, { token: t('admin') });
    expect(list.body.items).toHaveLength(2);
  });
});
