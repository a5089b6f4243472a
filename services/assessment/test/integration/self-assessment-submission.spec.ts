/**
 * Submission and withdrawal through the gateway with real tokens, the assessment and evidence
 * services on NATS, and a JetStream consumer of its own: a self-assessment with gaps is refused
 * naming them, a complete one is submitted once (event delivered, audited), entries freeze, the
 * approver withdraws until an appraiser opens it, and the evidence service's write window follows.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { ServiceBroker } from 'moleculer';
import mongoose, { type Connection } from 'mongoose';
import type { SelfAssessmentSubmitted, SelfAssessmentWithdrawn, WriteWindow } from '@par/contracts';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import { callApi as call } from '../../../../test/support/api';
import { channelsBroker } from '../../../../test/support/nats';
import { principalMeta } from '../../../../test/support/principals';
import { eventually } from '../../../../test/support/eventually';
import { pdfText } from '../../../../test/support/pdf-text';
import { pdf, uploadFile } from '../../../evidence/test/integration/evidence-support';
import { createUnit, openSelfAssessmentPeriod } from './self-assessment-support';

const suffix = randomUUID().slice(0, 6).toUpperCase();

const GROUP = `SB${suffix}`;
const A = `C${suffix}`;

describe("a unit's submission and withdrawal", () => {
  let portal: Portal<'admin' | 'officer' | 'approver'> | undefined;
  let admin: string;
  let officer: string;
  let approver: string;
  let periodId: string;
  let db: Connection;
  let bus: ServiceBroker;
  const events: Array<{
    subject: string;
    payload: SelfAssessmentSubmitted | SelfAssessmentWithdrawn;
  }> = [];

  const base = () => `/self-assessment/periods/${periodId}`;
  const save = (code: string, body: Record<string, unknown>) =>
    call(`${base()}/entries/${code}`, { method: 'PUT', token: officer, body });
  const submit = (version: number, token = approver) =>
    call(`${base()}/submit`, { method: 'POST', token, body: { version } });
  const withdraw = (version: number, reason = 'Cần sửa giải trình tiêu chí 1.1') =>
    call(`${base()}/withdraw`, { method: 'POST', token: approver, body: { version, reason } });
  /** What the evidence service asks before it lets a file change, as its principal would. */
  const writeWindow = async () =>
    bus.call<WriteWindow, object>(
      'assessment.getWriteWindow',
      { periodId, unitCode: A },
      { meta: await principalMeta('evidence') },
    );

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment', 'evidence'],
      users: {
        admin: roles.admin,
        officer: { roles: ['data-entry'], unit: A },
        approver: { roles: ['data-entry'], clientRoles: ['unit-approver'], unit: A },
      },
      routes: ['accounts', 'assessment', 'evidence'],
    });
    ({ admin, officer, approver } = portal.tokens);
    await createUnit(admin, A, GROUP);
    ({ periodId } = await openSelfAssessmentPeriod(admin, {
      indexCode: 'PAR',
      unitGroup: GROUP,
      name: `Gửi bản tự đánh giá ${suffix}`,
    }));
    db = await mongoose
      .createConnection(process.env.PAR_MONGO_URL!, { dbName: 'assessment' })
      .asPromise();

    // A consumer like the appraisal service's will be: its own durable group on both subjects.
    bus = channelsBroker(`submission-test-${suffix}`);
    const channel = (subject: string) => ({
      group: `test-submission-${suffix}`,
      handler(payload: SelfAssessmentSubmitted) {
        if (payload.periodId === periodId) events.push({ subject, payload });
      },
    });
    bus.createService({
      name: `submissionWatcher${suffix}`,
      channels: {
        'assessment.selfAssessment.submitted': channel('submitted'),
        'assessment.selfAssessment.withdrawn': channel('withdrawn'),
      },
    } as never);
    await bus.start();
    await bus.waitForServices(['assessment'], 20_000);
  });

  afterAll(async () => {
    await bus?.stop();
    await portal?.close();
    await db?.close();
  });

  it('refuses a submission with gaps, naming each incomplete leaf', async () => {
    expect((await save('1.1', { version: 0, inputs: { value: 150 } })).status).toBe(200);
    const res = await submit(0);
    expect([res.status, res.body.error.code]).toEqual([422, 'E_VALIDATION']);
    // 1.1 has a score but no explanation and no file; 1.2 and 2.1 have nothing; 2.2 lacks its
    // score only (no explanation required, no file needed); 2.3 is the survey's.
    expect(res.body.error.message).toContain('còn 4 tiêu chí chưa hoàn thành (1.1, 1.2, 2.1, 2.2)');
    expect(res.body.error.fields).toEqual([
      {
        field: 'criteria.1.1',
        message:
          'Tiêu chí 1.1 còn thiếu: giải trình, tài liệu kiểm chứng (hoặc giải trình lý do thiếu).',
      },
      { field: 'criteria.1.2', message: 'Tiêu chí 1.2 còn thiếu: điểm tự chấm, giải trình.' },
      { field: 'criteria.2.1', message: 'Tiêu chí 2.1 còn thiếu: điểm tự chấm, giải trình.' },
      { field: 'criteria.2.2', message: 'Tiêu chí 2.2 còn thiếu: điểm tự chấm.' },
    ]);
    const page = await call(base(), { token: officer });
    expect(page.body.state).toMatchObject({ status: 'draft', version: 0 });
  });

  it('lets only the unit’s approver submit', async () => {
    const res = await submit(0, officer);
    expect([res.status, res.body.error.code]).toEqual([403, 'E_FORBIDDEN']);
  });

  it('submits a complete self-assessment once: the event reaches a consumer, the trail records it', async () => {
    // One file for 1.1, uploaded as the page does: a slot, the bytes to MinIO, the check.
    // (uploadFile throws unless MinIO takes the bytes with 204.)
    const { slot, confirmed } = await uploadFile(officer, periodId, {
      name: 'Kế hoạch số 12.pdf',
      bytes: pdf,
      type: 'application/pdf',
      criterionCodes: ['1.1'],
    });
    expect(slot.status).toBe(201);
    expect(confirmed?.body.status).toBe('attached');
    const page = await call(base(), { token: officer });
    expect(page.body.evidenceCounts).toEqual({ '1.1': 1 });

    const fill: Array<[string, Record<string, unknown>]> = [
      [
        '1.1',
        {
          version: 1,
          inputs: { value: 150 },
          explanation: 'Kế hoạch số 12/KH-UBND',
        },
      ],
      ['1.2', { version: 0, inputs: { yes: true }, explanation: 'Đủ 4 báo cáo quý' }],
      ['2.1', { version: 0, inputs: { optionKey: 'B' }, explanation: 'Còn thiếu 2 thủ tục' }],
      ['2.2', { version: 0, inputs: { numerator: 30, denominator: 60 } }],
    ];
    for (const [code, body] of fill)
      expect([code, (await save(code, body)).status]).toEqual([code, 200]);

    const res = await submit(0);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      periodId,
      unitCode: A,
      status: 'submitted',
      version: 1,
      submittedBy: { username: portal!.users.approver.username },
    });
    // A second click on the same reviewed version is stale.
    const again = await submit(0);
    expect([again.status, again.body.error.current.version]).toEqual([409, 1]);

    await eventually(
      async () => events.some((e) => e.subject === 'submitted'),
      20_000,
      'the submitted event',
    );
    expect(events.filter((e) => e.subject === 'submitted')).toEqual([
      {
        subject: 'submitted',
        payload: expect.objectContaining({
          periodId,
          unitCode: A,
          version: 1,
          by: portal!.users.approver.id,
        }),
      },
    ]);
    const audit = await db
      .collection('auditEntries')
      .findOne({ target: `selfAssessment:${periodId}:${A}`, action: 'selfAssessment.submitted' });
    expect(audit).toMatchObject({
      actor: portal!.users.approver.id,
      actorName: portal!.users.approver.username,
      before: { status: 'draft', version: 0 },
      after: { status: 'submitted', version: 1 },
      units: [A],
    });
  });

  it('freezes the entries and the files once submitted', async () => {
    const res = await save('1.2', { version: 1, inputs: { yes: false }, explanation: 'Sửa' });
    expect([res.status, res.body.error.code]).toEqual([403, 'E_FORBIDDEN']);
    // The save names the criterion, the submission and its approver (a page's save queued from
    // before it reads the same); 1.2 was saved once and moved on once by the submission's freeze.
    expect(res.body.error.message).toMatch(
      new RegExp(
        `^Thay đổi ở tiêu chí 1\\.2 chưa được lưu: bản tự đánh giá đã được ${portal!.users.approver.username} gửi lúc \\d\\d:\\d\\d ngày \\d\\d/\\d\\d/\\d{4}`,
      ),
    );
    const page = await call(base(), { token: officer });
    expect(page.body.readOnly).toBe('submitted');
    // Another officer's open page learns of it at its next poll of the entries, with who and when.
    const poll = await call(`${base()}/entries?since=${encodeURIComponent(page.body.at)}`, {
      token: officer,
    });
    expect(poll.body).toMatchObject({
      readOnly: 'submitted',
      state: {
        status: 'submitted',
        version: 1,
        submittedAt: page.body.state.submittedAt,
        submittedBy: { username: portal!.users.approver.username },
      },
    });
    expect(
      page.body.entries.find((e: { criterionCode: string }) => e.criterionCode === '1.2'),
    ).toMatchObject({ inputs: { yes: true }, version: 2 });
    expect(await writeWindow()).toEqual({
      readOnly: 'submitted',
      deadline: expect.objectContaining({ phase: 'selfAssessment', extension: null }),
      leafCodes: ['1.1', '1.2', '2.1', '2.2'],
    });
  });

  it('lets the approver withdraw to correct it; the entries thaw', async () => {
    const res = await withdraw(1);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', version: 2, submittedAt: null });
    await eventually(
      async () => events.some((e) => e.subject === 'withdrawn'),
      20_000,
      'the withdrawn event',
    );
    expect(events.find((e) => e.subject === 'withdrawn')!.payload).toMatchObject({
      version: 2,
      reason: 'Cần sửa giải trình tiêu chí 1.1',
    });
    expect((await writeWindow()).readOnly).toBeNull();
    // And so does an open page's poll: it unlocks without a reload.
    const poll = await call(
      `${base()}/entries?since=${encodeURIComponent(new Date().toISOString())}`,
      {
        token: officer,
      },
    );
    expect(poll.body).toMatchObject({
      readOnly: null,
      state: { status: 'draft', version: 2, submittedAt: null, submittedBy: null },
    });
    // 1.1: saved twice, then frozen once by the submission.
    const edited = await save('1.1', {
      version: 3,
      inputs: { value: 175 },
      explanation: 'Kế hoạch số 12/KH-UBND, bổ sung',
    });
    expect(edited.status).toBe(200);
    const twice = await withdraw(2);
    expect([twice.status, twice.body.error.message]).toEqual([
      409,
      expect.stringMatching(/chưa được gửi/),
    ]);
  });

  it('refuses, naming the submission, every save that reaches the server after it; the submission counts only what landed before', async () => {
    type Saved = { criterionCode: string; version: number; inputs: object; explanation: string };
    const read = async () => {
      const page = await call(base(), { token: officer });
      const byCode = new Map<string, Saved>(
        page.body.entries.map((e: Saved) => [e.criterionCode, e]),
      );
      return { state: page.body.state.version as number, byCode };
    };
    const racing = ['1.2', '2.2'];
    for (let round = 1; round <= 6; round += 1) {
      const before = await read();
      const saving = racing.map(async (code) => {
        // Later each round, so the saves meet the submission at different steps of it.
        await new Promise((resolve) => setTimeout(resolve, (round - 1) * 15));
        const entry = before.byCode.get(code)!;
        const explanation = `${code === '1.2' ? 'Đủ 4 báo cáo quý' : ''} — vòng ${round}`;
        const body = { version: entry.version, inputs: entry.inputs, explanation };
        return { code, explanation, res: await save(code, body) };
      });
      const [submitted, ...saves] = await Promise.all([submit(before.state), ...saving]);
      expect(submitted!.status).toBe(200);

      const audit = await db.collection('auditEntries').findOne({
        target: `selfAssessment:${periodId}:${A}`,
        action: 'selfAssessment.submitted',
        'after.version': submitted!.body.version,
      });
      const counted: Record<string, number> = Object.fromEntries(
        (audit!.after.entries as Array<{ code: string; version: number }>).map((e) => [
          e.code,
          e.version,
        ]),
      );
      const after = await read();
      // Nothing changed after the submission counted the entries.
      expect(Object.fromEntries([...after.byCode].map(([code, e]) => [code, e.version]))).toEqual(
        counted,
      );
      for (const { code, explanation, res } of saves) {
        if (res.status === 200) {
          // Landed before the freeze, which moved it one version on: it was counted.
          expect([code, counted[code]]).toEqual([code, res.body.version + 1]);
          expect(after.byCode.get(code)!.explanation).toBe(explanation);
        } else if (res.status === 403) {
          expect(res.body.error.message).toContain(
            `bản tự đánh giá đã được ${portal!.users.approver.username} gửi lúc`,
          );
          expect(after.byCode.get(code)!.explanation).not.toBe(explanation);
        } else {
          // Between the freeze and the state's write: 409 with the entry as counted.
          expect([code, res.status, res.body.error.current.version]).toEqual([
            code,
            409,
            counted[code],
          ]);
        }
      }
      expect((await withdraw(submitted!.body.version)).status).toBe(200);
    }
  });

  it('refuses a withdrawal once an appraiser has opened the submission', async () => {
    const { state } = await call(base(), { token: officer }).then((page) => page.body);
    expect((await submit(state.version)).status).toBe(200);
    // The appraisal service (issue 11) marks the opening; here the test does, in the database.
    const opened = new Date('2026-12-07T02:30:00Z');
    await db
      .collection('selfAssessments')
      .updateOne(
        { periodId: new mongoose.Types.ObjectId(periodId), unitCode: A },
        { $set: { appraisalOpenedAt: opened } },
      );
    const res = await withdraw(state.version + 1);
    expect([res.status, res.body.error.code]).toEqual([409, 'E_CONFLICT']);
    // 02:30 UTC is 09:30 in Vietnam.
    expect(res.body.error.message).toContain('lúc 09:30 ngày 07/12/2026');
    expect(res.body.error.current).toMatchObject({
      status: 'submitted',
      version: state.version + 1,
    });
  });

  it('exports the summary as PDF and Excel, diacritics intact, with totals and signatures', async () => {
    // Hand-computed: area 1 = 1.1 (1,75) + 1.2 (yes: 1) = 2,75 of 3; area 2 = 2.1 (B: 0,5)
    // + 2.2 (30 of 60 = 50 %: the 50 % band, 0,5) + 2.3 (survey, no score yet) = 1 of 3;
    // the unit: 3,75 of 6.
    const pdf = await call(`${base()}/export?format=pdf`, { token: officer });
    expect(pdf.status).toBe(200);
    expect(pdf.body).toMatchObject({
      fileName: `tu-danh-gia-par-2026-${A.toLowerCase()}.pdf`,
      mimeType: 'application/pdf',
    });
    const text = pdfText(Buffer.from(pdf.body.contentBase64, 'base64'));
    for (const expected of [
      'BÁO CÁO KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM',
      `Đơn vị: Sở thử nghiệm ${A} (${A})`,
      `Kỳ đánh giá: Gửi bản tự đánh giá ${suffix} (PAR 2026)`,
      'Ban hành kế hoạch cải cách hành chính năm',
      'Kế hoạch số 12/KH-UBND, bổ sung',
      'Kế hoạch số 12.pdf',
      'Còn thiếu 2 thủ tục',
      'Tổng điểm của đơn vị',
      'THỦ TRƯỞNG ĐƠN VỊ',
      '(Ký, ghi rõ họ tên, đóng dấu)',
      `bởi ${portal!.users.approver.username}`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/2,75/);
    expect(text).toMatch(/3,75/);

    const xlsx = await call(`${base()}/export?format=xlsx`, { token: officer });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(xlsx.body.contentBase64, 'base64') as unknown as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const byCode = (code: string) => rows.find((r) => r[0] === code)!;
    expect(byCode('1').slice(2, 4)).toEqual([3, 2.75]);
    expect(byCode('2').slice(2, 4)).toEqual([3, 1]);
    expect(byCode('1.1')).toEqual([
      '1.1',
      '  Ban hành kế hoạch cải cách hành chính năm',
      2,
      1.75,
      'Kế hoạch số 12/KH-UBND, bổ sung',
      'Kế hoạch số 12.pdf',
    ]);
    expect(rows.find((r) => r[1] === 'Tổng điểm của đơn vị')!.slice(2, 4)).toEqual([6, 3.75]);
    expect(rows.some((r) => r.includes('THỦ TRƯỞNG ĐƠN VỊ'))).toBe(true);
  });
});
