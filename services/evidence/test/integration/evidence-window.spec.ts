/**
 * Evidence in the period's real window, through the gateway, the evidence and assessment
 * services, JetStream, FerretDB and MinIO: files only for the unit's leaves, none after the
 * deadline (named), the set frozen by the durable `submitted` event and thawed by `withdrawn`
 * (a stale event changes nothing), and the trial's files wiped, objects and all, when it ends.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'minio';
import { Middleware as ChannelsMiddleware } from '@moleculer/channels';
import { ServiceBroker, type Middleware } from 'moleculer';
import mongoose, { Types, type Connection } from 'mongoose';
import { callApi } from '../../../../test/support/api';
import { testChannelsAdapter } from '../../../../test/support/nats';
import { eventually } from '../../../../test/support/eventually';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import {
  DAY,
  HOUR,
  at,
  openEvidenceWorld,
  pdf,
  phaseReached,
  phasesFrom,
  uploadFile,
  type EvidenceWorld,
  objectVersions,
  rootMinio,
} from './evidence-support';

const suffix = randomUUID().slice(0, 5).toUpperCase();
const UNIT = `W${suffix}`;
const OTHER = `V${suffix}`;
const frozenMessage =
  'Bản tự đánh giá của đơn vị đã được gửi, nên tài liệu kiểm chứng không thể thêm, xoá hay thay đổi nữa.';

/** `hh:mm ngày dd/mm/yyyy` of a UTC instant in Vietnam (UTC+7, no daylight saving), by hand. */
const vietnam = (iso: string) => {
  const local = new Date(Date.parse(iso) + 7 * HOUR).toISOString();
  return `${local.slice(11, 16)} ngày ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
};

describe('evidence in the period’s write window', () => {
  let portal: Portal<'admin' | 'officer' | 'approver'> | undefined;
  let world: EvidenceWorld;
  let db: Connection;
  let minio: Client;
  let admin: string;
  let officer: string;
  let approver: string;

  const upload = (periodId: string, name: string, criterionCodes: string[]) =>
    uploadFile(officer, periodId, { name, bytes: pdf, type: 'application/pdf', criterionCodes });
  const filesOf = (periodId: string) =>
    db
      .collection('evidenceFiles')
      .find({ periodId: new Types.ObjectId(periodId) })
      .toArray();
  const listing = (periodId: string) =>
    callApi(`/evidence/files?periodId=${periodId}`, { token: officer });
  const versionsOf = (key: string) => objectVersions(minio, key);

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment', 'evidence'],
      users: {
        admin: roles.admin,
        officer: { roles: ['data-entry'], unit: UNIT },
        approver: { roles: ['data-entry'], clientRoles: ['unit-approver'], unit: UNIT },
      },
      routes: ['accounts', 'assessment', 'evidence'],
    });
    ({ admin, officer, approver } = portal.tokens);
    world = await openEvidenceWorld(admin, [UNIT, OTHER]);
    db = await mongoose
      .createConnection(process.env.PAR_MONGO_URL!, { dbName: 'evidence' })
      .asPromise();
    minio = rootMinio();
  });

  afterAll(async () => {
    await db?.close();
    await portal?.close();
  });

  it('refuses criterion codes that are not leaves the unit fills, writing nothing', async () => {
    const before = (await filesOf(world.periodId)).length;
    // An area, a survey leaf (not the unit's to fill) and a code of no set.
    for (const codes of [['1'], ['2.3'], ['1.1', '9.9']]) {
      const { slot } = await upload(world.periodId, 'ke-hoach.pdf', codes);
      expect({ codes, status: slot.status, field: slot.body.error?.field }).toEqual({
        codes,
        status: 422,
        field: 'criterionCodes',
      });
    }
    const { slot } = await upload(world.periodId, 'ke-hoach.pdf', ['2.3']);
    expect(slot.body.error.message).toBe(
      'Tiêu chí 2.3 không phải tiêu chí thành phần mà đơn vị tự chấm trong bộ tiêu chí của kỳ này, nên không gắn được tài liệu kiểm chứng. Hãy tải lại trang rồi chọn lại tiêu chí.',
    );
    const { confirmed } = await upload(world.periodId, 'ke-hoach.pdf', ['1.1']);
    const attach = await callApi(`/evidence/files/${confirmed!.body.id}/attach`, {
      method: 'POST',
      token: officer,
      body: { criterionCodes: ['1.2', '2.3'] },
    });
    expect([attach.status, attach.body.error.message]).toEqual([
      422,
      expect.stringContaining('Tiêu chí 2.3 không phải'),
    ]);
    expect((await filesOf(world.periodId)).length).toBe(before + 1);
    expect((await filesOf(world.periodId)).at(-1)!.criterionCodes).toEqual(['1.1']);
  });

  it('refuses a period the unit does not take part in', async () => {
    const { slot } = await upload(new Types.ObjectId().toHexString(), 'a.pdf', ['1.1']);
    expect([slot.status, slot.body.error.code]).toEqual([404, 'E_NOT_FOUND']);
  });

  it('refuses uploads and changes after the deadline, naming it', async () => {
    // The self-assessment ended an hour ago. Round 1 is due, but the scheduler holds the period
    // in self-assessment (nothing is assigned, no late unit decided): its deadline has passed all the same.
    const late = await world.newPeriod('Đã hết hạn', phasesFrom(-3 * HOUR, 2 * HOUR));
    await phaseReached(admin, late, 'selfAssessment');
    const period = (await callApi(`/periods/${late}`, { token: admin })).body;
    const commonEnd = period.phases.find((p: { phase: string }) => p.phase === 'selfAssessment');

    const { slot } = await upload(late, 'muon.pdf', ['1.1']);
    expect([slot.status, slot.body.error.code]).toEqual([403, 'E_DEADLINE_PASSED']);
    expect(slot.body.error.message).toContain(`lúc ${vietnam(commonEnd.endsAt)}`);
    expect(await filesOf(late)).toEqual([]);

    // An extension lets the unit upload; once a corrected one has passed, nothing changes.
    const extend = (endsAt: string, reason: string) =>
      callApi(`/periods/${late}/extensions`, {
        method: 'POST',
        token: admin,
        body: { unitCode: UNIT, phase: 'selfAssessment', endsAt, reason },
      });
    expect((await extend(at(HOUR), 'Đơn vị mới sáp nhập')).status).toBe(200);
    const { confirmed } = await upload(late, 'gia-han.pdf', ['1.1']);
    expect(confirmed!.status).toBe(200);
    const corrected = at(-HOUR / 2);
    expect((await extend(corrected, 'Sửa hạn gia hạn')).status).toBe(200);
    const id = confirmed!.body.id as string;
    const attempts = [
      [`/evidence/files/${id}`, 'DELETE', undefined],
      [`/evidence/files/${id}/attach`, 'POST', { criterionCodes: ['1.2'] }],
    ] as const;
    for (const [path, method, body] of attempts) {
      const res = await callApi(path, { method, token: officer, body });
      expect([res.status, res.body.error.code]).toEqual([403, 'E_DEADLINE_PASSED']);
      expect(res.body.error.message).toContain(`lúc ${vietnam(corrected)}`);
      expect(res.body.error.message).toContain(`hạn chung là ${vietnam(commonEnd.endsAt)}`);
    }
    expect((await filesOf(late)).map((f) => f.criterionCodes)).toEqual([['1.1']]);
  });

  it('freezes the unit’s evidence on the submitted event and thaws it on withdrawn; a stale event changes nothing', async () => {
    const periodId = world.periodId;
    // A complete self-assessment: every leaf scored and explained, 1.1 with its one file.
    const entries: Array<[string, object]> = [
      ['1.1', { value: 175 }],
      ['1.2', { yes: true }],
      ['2.1', { optionKey: 'A' }],
      ['2.2', { numerator: 45, denominator: 50 }],
    ];
    for (const [code, inputs] of entries) {
      const saved = await callApi(`/self-assessment/periods/${periodId}/entries/${code}`, {
        method: 'PUT',
        token: officer,
        body: { version: 0, inputs, explanation: `Giải trình ${code}` },
      });
      expect([code, saved.status]).toEqual([code, 200]);
    }
    const kept = (await upload(periodId, 'quyet-dinh.pdf', ['1.1'])).confirmed!;
    expect(kept.status).toBe(200);
    const state = (await callApi(`/self-assessment/periods/${periodId}`, { token: officer })).body
      .state;
    const submitted = await callApi(`/self-assessment/periods/${periodId}/submit`, {
      method: 'POST',
      token: approver,
      body: { version: state.version },
    });
    expect(submitted.status).toBe(200);

    await eventually(
      async () => (await listing(periodId)).body.frozen === true,
      20_000,
      'the submitted event to freeze the set',
    );
    const set = await db
      .collection('evidenceSets')
      .findOne({ periodId: new Types.ObjectId(periodId), unitCode: UNIT });
    expect(set).toMatchObject({ frozen: true, stateVersion: submitted.body.version });
    const { slot } = await upload(periodId, 'them.pdf', ['1.2']);
    expect([slot.status, slot.body.error.message]).toEqual([409, frozenMessage]);
    const refused = await callApi(`/evidence/files/${kept.body.id}`, {
      method: 'DELETE',
      token: officer,
    });
    expect([refused.status, refused.body.error.message]).toEqual([409, frozenMessage]);

    const withdrawn = await callApi(`/self-assessment/periods/${periodId}/withdraw`, {
      method: 'POST',
      token: approver,
      body: { version: submitted.body.version, reason: 'Bổ sung tài liệu kiểm chứng' },
    });
    expect(withdrawn.status).toBe(200);
    await eventually(
      async () => (await listing(periodId)).body.frozen === false,
      20_000,
      'the withdrawn event to thaw the set',
    );

    // The submission's event again under another message id (a repeat outside the stream's
    // duplicate window): older than the withdrawal, so the set stays thawed.
    const producer = new ServiceBroker({
      namespace: process.env.PAR_NAMESPACE ?? 'par',
      logger: false,
      transporter: null,
      middlewares: [
        ChannelsMiddleware({
          adapter: testChannelsAdapter(),
        } as unknown as Parameters<typeof ChannelsMiddleware>[0]) as unknown as Middleware,
      ],
    });
    await producer.start();
    try {
      const stale = {
        eventId: randomUUID(),
        periodId,
        unitCode: UNIT,
        version: submitted.body.version,
        at: new Date().toISOString(),
        by: 'test',
      };
      await (
        producer as unknown as { sendToChannel: (s: string, p: object) => Promise<void> }
      ).sendToChannel('assessment.selfAssessment.submitted', stale);
      await eventually(
        async () =>
          (await db.collection('inbox').findOne({ _id: `evidence/${stale.eventId}` } as object))
            ?.state === 'done',
        20_000,
        'the stale event to be handled',
      );
    } finally {
      await producer.stop();
    }
    expect((await listing(periodId)).body.frozen).toBe(false);
    const again = await upload(periodId, 'bo-sung.pdf', ['1.2']);
    expect(again.confirmed!.status).toBe(200);
  });

  it('wipes the trial’s files, objects and records, when the trial ends, and keeps later ones', async () => {
    // Set-up until an hour ago, a trial from then to a day ahead, then self-assessment.
    const [, ...rest] = phasesFrom(DAY, 2 * DAY);
    const setup = { phase: 'setup', startsAt: at(-2 * HOUR), endsAt: at(-HOUR) };
    // The trial ends exactly when self-assessment starts (two clock reads would differ).
    const trial = { phase: 'trial', startsAt: setup.endsAt, endsAt: rest[0]!.startsAt };
    const periodId = await world.newPeriod('Chạy thử', [setup, trial, ...rest]);
    await phaseReached(admin, periodId, 'trial');
    const tried = await Promise.all(
      ['thu-1.pdf', 'thu-2.pdf'].map((name) => upload(periodId, name, ['1.1'])),
    );
    for (const { confirmed } of tried) expect(confirmed!.status).toBe(200);
    const keys = (await filesOf(periodId)).map((f) => f.storageKey as string);
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(await versionsOf(key)).toHaveLength(1);

    const period = (await callApi(`/periods/${periodId}`, { token: admin })).body;
    const moved = await callApi(`/periods/${periodId}/advance`, {
      method: 'POST',
      token: admin,
      body: { version: period.version },
    });
    expect([moved.status, moved.body.currentPhase]).toEqual([200, 'selfAssessment']);
    await eventually(
      async () => (await filesOf(periodId)).length === 0,
      20_000,
      'the trial’s files to be wiped',
    );
    for (const key of keys) expect(await versionsOf(key)).toEqual([]);

    const real = await upload(periodId, 'that.pdf', ['1.1']);
    expect(real.confirmed!.status).toBe(200);
    expect((await listing(periodId)).body.items.map((f: { name: string }) => f.name)).toEqual([
      'that.pdf',
    ]);
  });
});
