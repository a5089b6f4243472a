/**
 * Consultations on draft policies on the real stack (gateway, accounts, survey; Keycloak, NATS,
 * the local database): who may call each action on a real consultation, comments hidden from the
 * public until a moderator approves them, a comment after the deadline refused in Vietnamese, bad
 * and oversized comments and a flood from one address refused with nothing written, the summary
 * published after the deadline, and a unit the admin names checked with the accounts service.
 */
import { randomUUID } from 'node:crypto';
import { callApi as call, type ApiResponse } from '../../../../test/support/api';
import { clockPasses, eventually } from '../../../../test/support/eventually';
import { openPortal, type Portal } from '../../../../test/support/portal-fixture';

const suffix = randomUUID().slice(0, 6).toUpperCase();
const A = `KA${suffix}`;
const B = `KB${suffix}`;
const HTML = '<b>Đồng ý</b><script>alert(1)</script>';

type Caller = 'admin' | 'officerA' | 'approverA' | 'officerB' | 'appraiser' | 'nobody';

describe('a consultation on a draft policy, with moderated comments', () => {
  let portal: Portal<Exclude<Caller, 'nobody'>> | undefined;
  const token = (who: Caller) => (who === 'nobody' ? undefined : portal!.tokens[who]);
  let consultationId: string;
  let closesAtMs: number;

  const comment = (body: unknown, id = consultationId) =>
    call(`/public/consultations/${id}/comments`, { method: 'POST', body });
  const publicView = async () => (await call(`/public/consultations/${consultationId}`)).body;
  const allComments = async () =>
    (await call(`/survey/consultations/${consultationId}`, { token: token('admin') })).body
      .commentList as Array<{ id: string; text: string; status: string; reason: string | null }>;
  const refusal = (res: ApiResponse) => ({ status: res.status, code: res.body?.error?.code });

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
    });
    await eventually(
      async () =>
        (await call('/survey/consultations', { token: portal!.tokens.admin })).status === 200,
      30_000,
      'the gateway routing to the survey service',
    );
    // Long enough for the calls before the deadline test; the deadline test waits it out.
    closesAtMs = Date.now() + 40_000;
    const created = await call('/survey/consultations', {
      method: 'POST',
      token: token('officerA'),
      body: {
        title: 'Dự thảo Quy chế tiếp nhận hồ sơ trực tuyến',
        text: 'Điều 1. Phạm vi điều chỉnh…',
        closesAt: new Date(closesAtMs).toISOString(),
      },
    });
    expect({ status: created.status, body: created.body }).toMatchObject({
      status: 201,
      body: { unitCode: A, accepting: true, comments: { pending: 0, approved: 0, rejected: 0 } },
    });
    consultationId = created.body.id;
  });

  afterAll(async () => {
    await portal?.close();
  });

  it('lets each caller do what the table says on a real consultation, and no more', async () => {
    // Written by hand: the unit's own officers and the admin manage it; another unit's officer,
    // an appraiser and a caller without token do not; everyone reads the public view.
    const manage: Record<Caller, number> = {
      admin: 200,
      officerA: 200,
      approverA: 200,
      officerB: 403,
      appraiser: 403,
      nobody: 401,
    };
    for (const who of Object.keys(manage) as Caller[]) {
      const res = await call(`/survey/consultations/${consultationId}`, { token: token(who) });
      expect({ who, status: res.status }).toEqual({ who, status: manage[who] });
      const pub = await call(`/public/consultations/${consultationId}`, { token: token(who) });
      expect({ who, status: pub.status }).toEqual({ who, status: 200 });
    }
    // The list: an officer sees their own unit's only, the admin every unit's.
    const listOf = async (who: Caller) =>
      (
        (await call('/survey/consultations', { token: token(who) })).body.items as Array<{
          id: string;
        }>
      ).map((c) => c.id);
    expect(await listOf('officerA')).toContain(consultationId);
    expect(await listOf('officerB')).not.toContain(consultationId);
    expect(await listOf('admin')).toContain(consultationId);
    // An officer cannot post for another unit; the admin must name one.
    const body = { title: 'T', text: 'X', closesAt: new Date(closesAtMs).toISOString() };
    const forOther = await call('/survey/consultations', {
      method: 'POST',
      token: token('officerB'),
      body: { ...body, unitCode: A },
    });
    expect(refusal(forOther)).toEqual({ status: 403, code: 'E_FORBIDDEN' });
    const adminNoUnit = await call('/survey/consultations', {
      method: 'POST',
      token: token('admin'),
      body,
    });
    expect(adminNoUnit.status).toBe(422);
    expect(adminNoUnit.body.error.fields).toEqual([
      { field: 'unitCode', message: 'Hãy chọn đơn vị chủ trì dự thảo.' },
    ]);
    const appraiserPost = await call('/survey/consultations', {
      method: 'POST',
      token: token('appraiser'),
      body,
    });
    expect(appraiserPost.status).toBe(403);
  });

  it('hides a comment until a moderator approves it, and shows it as the text typed', async () => {
    const posted = await comment({ authorName: 'Nguyễn Văn An', text: HTML });
    expect({ status: posted.status, state: posted.body.status }).toEqual({
      status: 201,
      state: 'pending',
    });
    const rejected = await comment({ text: 'Quảng cáo bán hàng' });
    expect(rejected.status).toBe(201);
    expect((await publicView()).approvedComments).toEqual([]);

    // Another unit's officer may not moderate it; the unit's approver may.
    const moderation = (id: string) =>
      `/survey/consultations/${consultationId}/comments/${id}/moderation`;
    const byB = await call(moderation(posted.body.id), {
      method: 'POST',
      token: token('officerB'),
      body: { decision: 'approve' },
    });
    expect(refusal(byB)).toEqual({ status: 403, code: 'E_FORBIDDEN' });
    expect((await publicView()).approvedComments).toEqual([]);

    const noReason = await call(moderation(rejected.body.id), {
      method: 'POST',
      token: token('officerA'),
      body: { decision: 'reject', reason: '  ' },
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields[0]).toEqual({
      field: 'reason',
      message: 'Hãy nêu lý do từ chối (từ 1 đến 500 ký tự).',
    });
    const rejecting = await call(moderation(rejected.body.id), {
      method: 'POST',
      token: token('officerA'),
      body: { decision: 'reject', reason: 'Không liên quan đến dự thảo' },
    });
    expect(rejecting.body).toMatchObject({
      status: 'rejected',
      reason: 'Không liên quan đến dự thảo',
    });

    const approving = await call(moderation(posted.body.id), {
      method: 'POST',
      token: token('approverA'),
      body: { decision: 'approve' },
    });
    expect(approving.body).toMatchObject({ status: 'approved', reason: null });
    const again = await call(moderation(posted.body.id), {
      method: 'POST',
      token: token('admin'),
      body: { decision: 'reject', reason: 'Muộn' },
    });
    expect(refusal(again)).toEqual({ status: 409, code: 'E_CONFLICT' });

    // The public sees the approved one only, HTML kept as the characters typed (the pages
    // render it as text); no reason or moderator is shown to the public.
    expect((await publicView()).approvedComments).toEqual([
      {
        id: posted.body.id,
        authorName: 'Nguyễn Văn An',
        text: HTML,
        createdAt: expect.any(String),
      },
    ]);
    const list = await call('/survey/consultations', { token: token('officerA') });
    expect(list.body.items.find((c: { id: string }) => c.id === consultationId).comments).toEqual({
      pending: 0,
      approved: 1,
      rejected: 1,
    });
  });

  it('refuses malformed and oversized comments with nothing written', async () => {
    const before = (await allComments()).length;
    const cases: Array<[string, unknown, number]> = [
      ['empty text', { text: '   ' }, 422],
      ['text of 2,001 characters', { text: 'x'.repeat(2001) }, 422],
      ['text not a string', { text: { $gt: '' } }, 422],
      ['name of 101 characters', { text: 'Ý kiến', authorName: 'a'.repeat(101) }, 422],
      ['a body over 16 kB', { text: 'x'.repeat(20_000) }, 413],
      ['malformed JSON', '{"text": "Ý kiến"', 422],
    ];
    for (const [what, body, status] of cases) {
      const res = await comment(body);
      expect({ what, status: res.status }).toEqual({ what, status });
    }
    const tooLong = await comment({ text: 'x'.repeat(2001) });
    expect(tooLong.body.error.fields).toEqual([
      { field: 'text', message: 'Hãy nhập ý kiến góp ý (từ 1 đến 2.000 ký tự).' },
    ]);
    expect(refusal(await comment({ text: 'Ý kiến' }, '000000000000000000000000'))).toEqual({
      status: 404,
      code: 'E_NOT_FOUND',
    });
    expect((await allComments()).length).toBe(before);
  });

  it('refuses a summary before the deadline and a comment after it, in Vietnamese', async () => {
    const summary = (who: Caller) =>
      call(`/survey/consultations/${consultationId}/summary`, {
        method: 'PUT',
        token: token(who),
        body: { summary: 'Tiếp thu ý kiến về thời hạn trả kết quả.' },
      });
    expect(refusal(await summary('officerA'))).toEqual({ status: 409, code: 'E_CONFLICT' });

    await clockPasses(closesAtMs + 500, 'the consultation’s deadline');
    const before = (await allComments()).length;
    const late = await comment({ text: 'Góp ý muộn' });
    expect(refusal(late)).toEqual({ status: 403, code: 'E_DEADLINE_PASSED' });
    expect(late.body.error.message).toMatch(
      /^Đã hết hạn góp ý cho dự thảo này \(hạn cuối \d\d\/\d\d\/\d{4} \d\d:\d\d\)\. Ý kiến không được ghi nhận\.$/,
    );
    expect((await allComments()).length).toBe(before);
    expect((await publicView()).accepting).toBe(false);

    expect(refusal(await summary('officerB'))).toEqual({ status: 403, code: 'E_FORBIDDEN' });
    const published = await summary('officerA');
    expect(published.status).toBe(200);
    expect(await publicView()).toMatchObject({
      summary: 'Tiếp thu ý kiến về thời hạn trả kết quả.',
      summaryPublishedAt: expect.any(String),
    });
  });

  it('limits a flood of comments from one address, writing nothing it refuses', async () => {
    const before = (await allComments()).length;
    const sent = await Promise.all(
      Array.from({ length: 30 }, (_, i) => comment({ text: `Ý kiến lặp ${i}` })),
    );
    const limited = sent.filter((res) => res.status === 429);
    // The deadline has passed: those the limit lets through are refused by the service.
    const late = sent.filter((res) => res.status === 403);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.body.error.code).toBe('E_RATE_LIMITED');
    expect(late.length + limited.length).toBe(30);
    expect((await allComments()).length).toBe(before);
  });

  it('refuses a unit the admin names that does not exist or has ended, writing nothing', async () => {
    const title = `Dự thảo Quy định về lưu trữ hồ sơ ${suffix}`;
    const body = {
      title,
      text: 'Điều 1.',
      closesAt: new Date(Date.now() + 3600_000).toISOString(),
    };
    const known = `KC${suffix}`;
    const made = await call('/units', {
      method: 'POST',
      token: token('admin'),
      body: { code: known, name: `Sở Thử ${known}`, kind: 'department' },
    });
    expect(made.status).toBe(201);
    const posts = async () =>
      (
        (await call('/survey/consultations', { token: token('admin') })).body.items as Array<{
          title: string;
        }>
      ).filter((c) => c.title === title).length;

    // A well-formed code that names no unit (B is only a claim in officerB's token).
    const unknown = await call('/survey/consultations', {
      method: 'POST',
      token: token('admin'),
      body: { ...body, unitCode: B },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields).toEqual([
      {
        field: 'unitCode',
        message: `Không có đơn vị đang hoạt động nào mang mã ${B}. Hãy nhập đúng mã của đơn vị chủ trì (xem danh mục «Đơn vị»).`,
      },
    ]);
    // A part of an existing unit's code (without its last character) is not that unit.
    const partOf = await call('/survey/consultations', {
      method: 'POST',
      token: token('admin'),
      body: { ...body, unitCode: known.slice(0, -1) },
    });
    expect(partOf.status).toBe(422);
    // A unit that ended last year exists no more for new drafts.
    const ended = `KD${suffix}`;
    const endedUnit = await call('/units', {
      method: 'POST',
      token: token('admin'),
      body: { code: ended, name: `Sở Thử ${ended}`, kind: 'department' },
    });
    const deactivated = await call(`/units/${endedUnit.body.id}/deactivation`, {
      method: 'POST',
      token: token('admin'),
      body: {
        version: endedUnit.body.version,
        lastYear: new Date().getUTCFullYear() - 1,
        reason: 'Sáp nhập',
      },
    });
    expect(deactivated.status).toBe(200);
    const forEnded = await call('/survey/consultations', {
      method: 'POST',
      token: token('admin'),
      body: { ...body, unitCode: ended },
    });
    expect(forEnded.body.error?.fields?.[0]?.field).toBe('unitCode');
    expect(await posts()).toBe(0);

    // The existing unit, typed in lower case, is taken as its code.
    const posted = await call('/survey/consultations', {
      method: 'POST',
      token: token('admin'),
      body: { ...body, unitCode: known.toLowerCase() },
    });
    expect({ status: posted.status, unitCode: posted.body.unitCode }).toEqual({
      status: 201,
      unitCode: known,
    });
    expect(await posts()).toBe(1);
  });
});
