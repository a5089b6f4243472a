/**
 * The published results read without login, against the real stack.
 *
 * One index, one group of units A, B, C (and D, excluded by the admin), survey results only, so
 * each index is the survey score ÷ 6 points: 2025 published once; 2026 (compared with 2025)
 * published, then republished with C's corrected score; 2027 consolidated but never published.
 * The public reads only each period's latest publication: never a draft, a blocker, an excluded
 * unit or a leaf's source.
 */
import { randomUUID } from 'node:crypto';
import { callApi as call } from '../../../../test/support/api';
import { openPortal, type Portal } from '../../../../test/support/portal-fixture';
import {
  consolidateAndPublish,
  createSurveyOnlyPeriod,
  importSurveyScores,
} from '../../../../test/support/published-ranking';
import { createUnit } from '../../../assessment/test/integration/self-assessment-support';

const suffix = randomUUID().slice(0, 5).toUpperCase();
const GROUP = `CK${suffix}`;
const INDEX = `CK${suffix}`;
const [A, B, C, D] = ['CA', 'CB', 'CC', 'CD'].map((p) => `${p}${suffix}`) as [
  string,
  string,
  string,
  string,
];

let portal: Portal<'admin'>;
let y2025: string;
let y2026: string;
let y2027: string;

/** Anyone, without a token. */
const read = (path: string) => call(`/public/results${path}`);

interface Row {
  unitCode: string;
  rank: number | null;
  tied: boolean;
  index: number | null;
  band: string | null;
  change: number | null;
}
const standings = (rows: Row[]) =>
  rows.map((r) => [r.unitCode, r.rank, r.tied, r.index, r.band, r.change]);

beforeAll(async () => {
  portal = await openPortal({
    apps: ['accounts', 'assessment', 'appraisal', 'ranking', 'gateway'],
    users: { admin: { roles: ['admin'] } },
    routes: ['accounts', 'assessment'],
  });
  const admin = portal.tokens.admin;
  for (const unit of [A, B, C, D]) await createUnit(admin, unit, GROUP);
  const period = (year: number) =>
    createSurveyOnlyPeriod(admin, {
      indexCode: INDEX,
      year,
      unitGroup: GROUP,
      name: `Chỉ số công khai ${year} ${suffix}`,
    });
  y2025 = await period(2025);
  y2026 = await period(2026);
  y2027 = await period(2027);
}, 300_000);

afterAll(async () => {
  await portal?.close();
});

describe('published results without login', () => {
  it('shows nothing of a period before it is published', async () => {
    await importSurveyScores(portal.tokens.admin, y2027, { [A]: '0,5' });
    const draft = await call(`/ranking/periods/${y2027}/consolidations`, {
      method: 'POST',
      token: portal.tokens.admin,
      body: {},
    });
    expect(draft.status).toBe(201);
    const list = await read('');
    expect(list.status).toBe(200);
    expect(list.body.items.filter((p: { indexCode: string }) => p.indexCode === INDEX)).toEqual([]);
    const ranking = await read(`/${y2027}`);
    expect(ranking.status).toBe(404);
    expect(ranking.body.error.message).toBe(
      'Đợt đánh giá này chưa công bố kết quả. Hãy chọn một đợt khác trong danh sách kết quả đã công bố.',
    );
    expect((await read(`/${y2027}/units/${A}`)).status).toBe(404);
  });

  it('lists and ranks what is published, with the change against last year', async () => {
    const admin = portal.tokens.admin;
    // 2025: A 0.25 of 6 = 4.17 %; B and C 0.5 of 6 = 8.33 %, tied first; A third. D excluded.
    await importSurveyScores(admin, y2025, { [A]: '0,25', [B]: '0,5', [C]: '0,5' });
    expect(await consolidateAndPublish(admin, y2025, { exclude: [D] })).toBe(1);
    // 2026: A 8.33 % (+4.16), B 4.17 % (−4.16), C no survey result, counted 0 (−8.33).
    await importSurveyScores(admin, y2026, { [A]: '0,5', [B]: '0,25' });
    expect(
      await consolidateAndPublish(admin, y2026, { exclude: [D], previousPeriodId: y2025 }),
    ).toBe(1);

    const list = await read('');
    expect(list.status).toBe(200);
    const ours = list.body.items.filter((p: { indexCode: string }) => p.indexCode === INDEX);
    expect(
      ours.map((p: { periodId: string; periodName: string; year: number; number: number }) => [
        p.periodId,
        p.periodName,
        p.year,
        p.number,
      ]),
    ).toEqual([
      [y2026, `Chỉ số công khai 2026 ${suffix}`, 2026, 1],
      [y2025, `Chỉ số công khai 2025 ${suffix}`, 2025, 1],
    ]);
    expect(ours[0].groups).toEqual([{ unitGroup: GROUP }]);

    const y25 = await read(`/${y2025}`);
    expect(y25.status).toBe(200);
    expect(standings(y25.body.rankings[0].rows)).toEqual([
      [B, 1, true, 833, 'D', null],
      [C, 1, true, 833, 'D', null],
      [A, 3, false, 417, 'D', null],
    ]);
    const y26 = await read(`/${y2026}?unitGroup=${GROUP}`);
    expect(y26.status).toBe(200);
    expect(y26.body.rankings.map((g: { unitGroup: string }) => g.unitGroup)).toEqual([GROUP]);
    expect(standings(y26.body.rankings[0].rows)).toEqual([
      [A, 1, false, 833, 'D', 416],
      [B, 2, false, 417, 'D', -416],
      [C, 3, false, 0, 'D', -833],
    ]);
    expect(y26.body.bands.map((b: { label: string }) => b.label)).toEqual(['A', 'B', 'C', 'D']);
    // Only the standing: no draft's blockers, excluded units, provenance or leaves.
    const text = JSON.stringify(y26.body);
    for (const hidden of ['blockers', 'excludedUnits', 'provenance', 'leaves', 'createdBy', D])
      expect(text).not.toContain(hidden);
    expect((await read(`/${y2026}/units/${D}`)).status).toBe(404);
  });

  it('shows the latest publication once republished, and a unit with its areas and history', async () => {
    const admin = portal.tokens.admin;
    // C's survey result arrives: 0.5 → 8.33 %, tied first with A; B third.
    await importSurveyScores(admin, y2026, { [C]: '0,5' });
    expect(
      await consolidateAndPublish(admin, y2026, {
        exclude: [D],
        previousPeriodId: y2025,
        reason: 'Bổ sung kết quả điều tra của đơn vị',
      }),
    ).toBe(2);
    const y26 = await read(`/${y2026}`);
    expect(y26.body.number).toBe(2);
    expect(standings(y26.body.rankings[0].rows)).toEqual([
      [A, 1, true, 833, 'D', 416],
      [C, 1, true, 833, 'D', 0],
      [B, 3, false, 417, 'D', -416],
    ]);

    const unit = await read(`/${y2026}/units/${A.toLowerCase()}`);
    expect(unit.status).toBe(200);
    expect(unit.body).toMatchObject({
      periodId: y2026,
      number: 2,
      unitCode: A,
      unitName: `Sở thử nghiệm ${A}`,
      unitGroup: GROUP,
      rank: 1,
      tied: true,
      groupSize: 3,
      total: 50,
      max: 600,
      index: 833,
      band: 'D',
      change: 416,
    });
    // Area 1: nothing of 3 points; area 2: the survey's 0.5 of 3 = 16.67 %.
    expect(unit.body.areas).toEqual([
      { code: '1', title: 'Công tác chỉ đạo, điều hành', score: 0, max: 300, subIndex: 0 },
      { code: '2', title: 'Thủ tục hành chính', score: 50, max: 300, subIndex: 1667 },
    ]);
    // 2027 was never published: not in the history.
    expect(
      unit.body.history.map((h: PublishedStandingView) => [
        h.periodId,
        h.year,
        h.number,
        h.rank,
        h.groupSize,
        h.index,
      ]),
    ).toEqual([
      [y2025, 2025, 1, 3, 3, 417],
      [y2026, 2026, 2, 1, 3, 833],
    ]);
    const missing = await read(`/${y2026}/units/NO${suffix}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      `Đơn vị «NO${suffix}» không có trong kết quả đã công bố của đợt này. Hãy chọn một đơn vị trong bảng xếp hạng.`,
    );
    expect((await read('/not-a-period')).status).toBe(422);
  });
});

interface PublishedStandingView {
  periodId: string;
  year: number;
  number: number;
  rank: number;
  groupSize: number;
  index: number;
}
