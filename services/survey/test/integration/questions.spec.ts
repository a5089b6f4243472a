/**
 * Citizens' questions and their answers on the real stack (gateway, accounts, survey; Keycloak,
 * NATS, the local database): who may call each action on a real question, routing moving who
 * may answer, an answer hidden until published and HTML kept as the characters typed, bad and
 * oversized questions refused with nothing written, time-to-answer statistics against a table
 * computed by hand, and a flood of questions from one address refused.
 */
import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { callApi as call, type ApiResponse } from '../../../../test/support/api';
import { eventually } from '../../../../test/support/eventually';
import { openPortal, type Portal } from '../../../../test/support/portal-fixture';

const suffix = randomUUID().slice(0, 6).toUpperCase();
const A = `QA${suffix}`;
const B = `QB${suffix}`;
const HTML = 'Thủ tục <b>cấp phép</b> mất bao lâu?<script>alert(1)</script>';
const HOUR = 3_600_000;

type Caller = 'admin' | 'officerA' | 'approverA' | 'officerB' | 'appraiser' | 'nobody';
interface Q {
  id: string;
  unitCode: string;
  status: string;
  version: number;
  answer: string | null;
  routings: Array<{ fromUnitCode: string; toUnitCode: string; note: string }>;
}

describe('a citizen’s question, routed, answered and published', () => {
  let portal: Portal<Exclude<Caller, 'nobody'>> | undefined;
  let db: Connection | undefined;
  const token = (who: Caller) => (who === 'nobody' ? undefined : portal!.tokens[who]);
  const refusal = (res: ApiResponse) => ({ status: res.status, code: res.body?.error?.code });
  /** Public writes so far: the gateway lets 20 a minute through from one address. */
  const ask = (body: unknown) => call('/public/questions', { method: 'POST', body });
  const asked = async (unitCode: string, title: string, text = 'Xin hỏi thủ tục.') => {
    const res = await ask({ unitCode, title, text, authorName: 'Trần Thị Bình' });
    expect({ status: res.status, unitCode: res.body.unitCode }).toEqual({ status: 201, unitCode });
    return res.body.id as string;
  };
  const get = async (id: string, who: Caller = 'admin') =>
    (await call(`/survey/questions/${id}`, { token: token(who) })).body as Q;
  const act = (id: string, what: string, who: Caller, body: object, method = 'POST') =>
    call(`/survey/questions/${id}/${what}`, { method, token: token(who), body });
  const answer = async (id: string, who: Caller, text: string) =>
    act(id, 'answer', who, { version: (await get(id)).version, answer: text }, 'PUT');
  const totalOf = async (unitCode: string) =>
    (await call(`/survey/questions?unitCode=${unitCode}`, { token: token('admin') })).body
      .total as number;

  /** Questions asked in the tests, by what the statistics table calls them. */
  const ids: Record<'q1' | 'q2' | 'q3' | 'q4' | 'q5', string> = {} as never;

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'survey'],
      users: {
        admin: { roles: ['admin'] },
        officerA: { roles: ['data-entry'], unit: A },
        approverA: { roles: ['data-entry'], clientRoles: ['unit-approver'], unit: A },
        officerB: { roles: ['data-entry'], unit: B },
        appraiser: { roles: ['appraisal'], unit: A },
      },
      routes: ['accounts'],
    });
    // Questions go to units that exist: the accounts service's, created here.
    for (const code of [A, B]) {
      const unit = await call('/units', {
        method: 'POST',
        token: portal.tokens.admin,
        body: { code, name: `Sở thử ${code}`, kind: 'department' },
      });
      expect(unit.status).toBe(201);
    }
    db = await mongoose
      .createConnection(process.env.PAR_MONGO_URL!, { dbName: 'survey' })
      .asPromise();
    await eventually(
      async () => (await call('/survey/questions', { token: portal!.tokens.admin })).status === 200,
      30_000,
      'the gateway routing to the survey service',
    );
    ids.q1 = await asked(A, 'Thời hạn cấp phép xây dựng', HTML);
  });

  afterAll(async () => {
    await db?.close();
    await portal?.close();
  });

  it('lets each caller do what the table says on a real question, and no more', async () => {
    // Written by hand: the unit's officers and the admin handle it; another unit's officer, an
    // appraiser and a caller without token do not; only the admin routes and reads statistics.
    const manage: Record<Caller, number> = {
      admin: 200,
      officerA: 200,
      approverA: 200,
      officerB: 403,
      appraiser: 403,
      nobody: 401,
    };
    const adminOnly: Record<Caller, number> = {
      admin: 200,
      officerA: 403,
      approverA: 403,
      officerB: 403,
      appraiser: 403,
      nobody: 401,
    };
    for (const who of Object.keys(manage) as Caller[]) {
      const one = await call(`/survey/questions/${ids.q1}`, { token: token(who) });
      expect({ who, status: one.status }).toEqual({ who, status: manage[who] });
      const stats = await call('/survey/questions/statistics', { token: token(who) });
      expect({ who, status: stats.status }).toEqual({ who, status: adminOnly[who] });
    }
    // Routing is the admin's: the unit's own officer may not move it elsewhere.
    const byOfficer = await act(ids.q1, 'routing', 'officerA', {
      version: 1,
      toUnitCode: B,
      note: 'Không thuộc thẩm quyền',
    });
    expect(refusal(byOfficer)).toEqual({ status: 403, code: 'E_FORBIDDEN' });
    for (const who of ['officerB', 'appraiser'] as const)
      expect(refusal(await answer(ids.q1, who, 'Trả lời'))).toEqual({
        status: 403,
        code: 'E_FORBIDDEN',
      });
    expect((await get(ids.q1)).status).toBe('new');
    // Lists: an officer sees their own unit's only, whatever unit they ask for.
    const listOf = async (who: Caller, query = '') =>
      ((await call(`/survey/questions${query}`, { token: token(who) })).body.items as Q[]).map(
        (q) => q.id,
      );
    expect(await listOf('officerA')).toContain(ids.q1);
    expect(await listOf('officerB', `?unitCode=${A}`)).not.toContain(ids.q1);
    expect(await listOf('admin', `?unitCode=${A}&status=new`)).toContain(ids.q1);
    expect(await listOf('admin', `?unitCode=${A}&status=answered`)).not.toContain(ids.q1);
  });

  it('moves who may answer when the admin routes a question, keeping the history', async () => {
    ids.q2 = await asked(A, 'Hỏi về học bổng');
    const same = await act(ids.q2, 'routing', 'admin', { version: 1, toUnitCode: A, note: 'x' });
    expect(same.status).toBe(422);
    expect(same.body.error.fields).toEqual([
      {
        field: 'toUnitCode',
        message: `Câu hỏi đang ở đơn vị ${A}. Hãy chọn một đơn vị khác để chuyển.`,
      },
    ]);
    const nowhere = await act(ids.q2, 'routing', 'admin', {
      version: 1,
      toUnitCode: `KHONG${suffix}`,
      note: 'Chuyển',
    });
    expect(nowhere.body.error.fields[0].field).toBe('toUnitCode');
    const noNote = await act(ids.q2, 'routing', 'admin', { version: 1, toUnitCode: B, note: ' ' });
    expect(noNote.body.error.fields).toEqual([
      { field: 'note', message: 'Hãy ghi lý do chuyển câu hỏi (từ 1 đến 500 ký tự).' },
    ]);
    const routed = await act(ids.q2, 'routing', 'admin', {
      version: 1,
      toUnitCode: B.toLowerCase(),
      note: 'Thuộc lĩnh vực giáo dục',
    });
    expect(routed.body).toMatchObject({
      unitCode: B,
      status: 'routed',
      version: 2,
      routings: [{ fromUnitCode: A, toUnitCode: B, note: 'Thuộc lĩnh vực giáo dục' }],
    });
    // A stale version is a conflict carrying the question as it is now.
    const stale = await act(ids.q2, 'routing', 'admin', { version: 1, toUnitCode: A, note: 'y' });
    expect(refusal(stale)).toEqual({ status: 409, code: 'E_CONFLICT' });
    expect(stale.body.error.current).toMatchObject({ unitCode: B, version: 2 });

    expect(refusal(await answer(ids.q2, 'officerA', 'Trả lời của A'))).toEqual({
      status: 403,
      code: 'E_FORBIDDEN',
    });
    const byB = await answer(ids.q2, 'officerB', 'Trả lời của B');
    expect(byB.body).toMatchObject({ status: 'answered', answer: 'Trả lời của B', version: 3 });
    // Answered: it can no longer be routed.
    const late = await act(ids.q2, 'routing', 'admin', { version: 3, toUnitCode: A, note: 'z' });
    expect(refusal(late)).toEqual({ status: 409, code: 'E_CONFLICT' });
    expect((await get(ids.q2, 'officerB')).unitCode).toBe(B);
  });

  it('shows an answer publicly only once published, as the text typed', async () => {
    const early = await act(ids.q1, 'publication', 'officerA', { version: 1 });
    expect(refusal(early)).toEqual({ status: 409, code: 'E_CONFLICT' });
    expect(early.body.error.message).toBe(
      'Câu hỏi chưa có nội dung trả lời. Hãy trả lời trước khi công bố.',
    );
    expect((await answer(ids.q1, 'officerA', 'Bản nháp')).status).toBe(200);
    const edited = await answer(ids.q1, 'approverA', 'Tối đa <i>15 ngày</i> làm việc.');
    expect(edited.body).toMatchObject({
      status: 'answered',
      answer: 'Tối đa <i>15 ngày</i> làm việc.',
    });
    expect((await call(`/public/questions/${ids.q1}`)).status).toBe(404);
    const listed = async () =>
      ((await call(`/public/questions?unitCode=${A}`)).body.items as Array<{ id: string }>).map(
        (q) => q.id,
      );
    expect(await listed()).toEqual([]);

    const published = await act(ids.q1, 'publication', 'approverA', {
      version: edited.body.version,
    });
    expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    expect((await call(`/public/questions/${ids.q1}`)).body).toEqual({
      id: ids.q1,
      unitCode: A,
      title: 'Thời hạn cấp phép xây dựng',
      text: HTML,
      authorName: 'Trần Thị Bình',
      askedAt: expect.any(String),
      answer: 'Tối đa <i>15 ngày</i> làm việc.',
      publishedAt: published.body.publishedAt,
    });
    expect(await listed()).toEqual([ids.q1]);
    // Published: the answer is final.
    const after = await answer(ids.q1, 'officerA', 'Sửa sau khi công bố');
    expect(refusal(after)).toEqual({ status: 409, code: 'E_CONFLICT' });
  });

  it('rejects a question with a reason the public never sees', async () => {
    ids.q3 = await asked(A, 'Quảng cáo', 'Mua hàng giá rẻ tại …');
    const noReason = await act(ids.q3, 'rejection', 'officerA', { version: 1, reason: '' });
    expect(noReason.body.error.fields).toEqual([
      {
        field: 'reason',
        message: 'Hãy nêu lý do từ chối (từ 1 đến 500 ký tự), ví dụ: quảng cáo, lời lẽ xúc phạm.',
      },
    ]);
    expect(
      refusal(await act(ids.q3, 'rejection', 'officerB', { version: 1, reason: 'Spam' })),
    ).toEqual({ status: 403, code: 'E_FORBIDDEN' });
    const rejected = await act(ids.q3, 'rejection', 'officerA', {
      version: 1,
      reason: 'Quảng cáo',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: 'Quảng cáo' });
    expect(refusal(await act(ids.q3, 'publication', 'admin', { version: 2 }))).toEqual({
      status: 409,
      code: 'E_CONFLICT',
    });
    expect((await call(`/public/questions/${ids.q3}`)).status).toBe(404);
    const publicText = JSON.stringify((await call(`/public/questions?unitCode=${A}`)).body);
    expect(publicText).not.toContain('Quảng cáo');
  });

  it('refuses malformed and oversized questions with nothing written', async () => {
    const before = await totalOf(A);
    const ok = { unitCode: A, title: 'Tiêu đề', text: 'Nội dung' };
    const cases: Array<[string, unknown, number]> = [
      ['no unit', { title: 'T', text: 'X' }, 422],
      ['empty title', { ...ok, title: '  ' }, 422],
      ['text of 4,001 characters', { ...ok, text: 'x'.repeat(4001) }, 422],
      ['text not a string', { ...ok, text: { $gt: '' } }, 422],
      ['name of 101 characters', { ...ok, authorName: 'a'.repeat(101) }, 422],
      ['a body over 16 kB', { ...ok, text: 'x'.repeat(20_000) }, 413],
      ['malformed JSON', '{"unitCode": "A"', 422],
      ['a unit that does not exist', { ...ok, unitCode: `KHONG${suffix}` }, 422],
    ];
    for (const [what, body, status] of cases) {
      const res = await ask(body);
      expect({ what, status: res.status }).toEqual({ what, status });
      if (what === 'text of 4,001 characters')
        expect(res.body.error.fields).toEqual([
          { field: 'text', message: 'Hãy nhập nội dung câu hỏi (từ 1 đến 4.000 ký tự).' },
        ]);
      if (what === 'a unit that does not exist')
        expect(res.body.error.fields).toEqual([
          {
            field: 'unitCode',
            message: `Không có đơn vị mã «KHONG${suffix}». Hãy chọn đơn vị trong danh sách.`,
          },
        ]);
      if (what === 'no unit')
        expect(res.body.error.fields).toEqual([
          { field: 'unitCode', message: 'Hãy chọn đơn vị nhận câu hỏi.' },
        ]);
    }
    expect(await totalOf(A)).toBe(before);
  });

  it('computes each unit’s time to answer as the table worked out by hand', async () => {
    ids.q4 = await asked(A, 'Câu hỏi còn chờ');
    ids.q5 = await asked(A, 'Câu hỏi đã trả lời');
    const q5 = await answer(ids.q5, 'officerA', 'Đã trả lời');
    expect(q5.status).toBe(200);
    // Move the moments back, as if the questions had waited: hours before `t`.
    const t = Date.now();
    const set = (id: string, fields: Record<string, Date>) =>
      db!
        .collection('questions')
        .updateOne({ _id: new mongoose.Types.ObjectId(id) }, { $set: fields });
    const ago = (hours: number) => new Date(t - hours * HOUR);
    await set(ids.q1, { askedAt: ago(12), unitSince: ago(12), answeredAt: ago(8) }); // 4 h
    await set(ids.q5, { askedAt: ago(3), unitSince: ago(3), answeredAt: ago(2) }); // 1 h
    await set(ids.q4, { askedAt: ago(30), unitSince: ago(30) }); // open 30 h
    await set(ids.q3, { askedAt: ago(50), unitSince: ago(50) }); // rejected: no time counted
    // Asked 20 h ago, routed 5 h ago, answered 2.5 h ago: 2.5 h at B, not 17.5.
    await set(ids.q2, { askedAt: ago(20), unitSince: ago(5), answeredAt: ago(2.5) });

    const stats = await call('/survey/questions/statistics', { token: token('admin') });
    const rows = (stats.body.units as Array<{ unitCode: string }>).filter((u) =>
      [A, B].includes(u.unitCode),
    );
    expect(rows).toEqual([
      // A: q1 published (4 h), q5 answered (1 h) → median 2.5; q4 open 30 h; q3 rejected.
      {
        unitCode: A,
        received: 4,
        answered: 2,
        published: 1,
        rejected: 1,
        open: 1,
        medianHoursToAnswer: 2.5,
        longestOpenHours: 30,
      },
      {
        unitCode: B,
        received: 1,
        answered: 1,
        published: 0,
        rejected: 0,
        open: 0,
        medianHoursToAnswer: 2.5,
        longestOpenHours: null,
      },
    ]);
    // The public list shows units with a published answer: A, not B.
    const units = (await call('/public/questions')).body.units as Array<{ unitCode: string }>;
    expect(units.filter((u) => [A, B].includes(u.unitCode))).toEqual([
      { unitCode: A, answered: 2, medianHoursToAnswer: 2.5 },
    ]);
  });

  it('limits a flood of questions from one address, writing only what it lets through', async () => {
    const before = await totalOf(B);
    const sent = await Promise.all(
      Array.from({ length: 30 }, (_, i) => ask({ unitCode: B, title: `Lặp ${i}`, text: 'Lặp' })),
    );
    const limited = sent.filter((res) => res.status === 429);
    const taken = sent.filter((res) => res.status === 201);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.body.error.code).toBe('E_RATE_LIMITED');
    expect(taken.length + limited.length).toBe(30);
    expect(await totalOf(B)).toBe(before + taken.length);
  });
});
