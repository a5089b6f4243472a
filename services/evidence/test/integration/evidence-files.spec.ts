/**
 * Evidence files through the real gateway, evidence and assessment services, FerretDB and MinIO,
 * in a real period open for self-assessment, uploaded to the presigned POST with `fetch` and
 * `FormData` exactly as a browser does: checked by their bytes, listed, downloaded,
 * (de)attached, refused across units and once frozen, and counted for the assessment service.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'minio';
import { ServiceBroker } from 'moleculer';
import mongoose, { Types, type Connection } from 'mongoose';
import { callApi } from '../../../../test/support/api';
import { testTransporter } from '../../../../test/support/nats';
import { principalMeta } from '../../../../test/support/principals';
import { openPortal, roles, type Portal } from '../../../../test/support/portal-fixture';
import {
  DAY,
  HOUR,
  openEvidenceWorld,
  pdf,
  phaseReached,
  phasesFrom,
  postToSlot,
  type EvidenceWorld,
  type Slot,
  objectVersions,
  rootMinio,
} from './evidence-support';

const MB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A Windows executable's first bytes ("MZ", then the DOS stub's text). */
const executable = Buffer.concat([
  Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
  Buffer.from('This program cannot be run in DOS mode.\r\n'),
  randomBytes(200),
]);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  randomBytes(500),
]);

describe('evidence files of a unit in a period', () => {
  let portal: Portal<'stp' | 'snv' | 'admin' | 'appraiser'> | undefined;
  let db: Connection;
  let minio: Client;
  const bucket = process.env.PAR_MINIO_BUCKET!;
  // A period of this file's own, so nothing here meets another suite's files.
  // Units of this file's own, so nothing here meets another suite's files.
  const suffix = randomUUID().slice(0, 5).toUpperCase();
  const STP = `T${suffix}`;
  const SNV = `N${suffix}`;
  let world: EvidenceWorld;
  let periodId: string;
  const token = (name: 'stp' | 'snv' | 'admin' | 'appraiser') => portal!.tokens[name];

  beforeAll(async () => {
    portal = await openPortal({
      // appraisal: the evidence service asks it which leaves an appraiser is assigned.
      apps: ['gateway', 'accounts', 'assessment', 'appraisal', 'evidence'],
      users: {
        stp: { roles: ['data-entry'], unit: STP },
        snv: { roles: ['data-entry'], unit: SNV },
        admin: roles.admin,
        appraiser: roles.appraiser,
      },
      routes: ['accounts', 'assessment', 'evidence'],
    });
    world = await openEvidenceWorld(portal.tokens.admin, [STP, SNV]);
    periodId = world.periodId;
    db = await mongoose
      .createConnection(process.env.PAR_MONGO_URL!, { dbName: 'evidence' })
      .asPromise();
    minio = rootMinio();
  });

  afterAll(async () => {
    await db?.collection('evidenceFiles').deleteMany({ periodId: new Types.ObjectId(periodId) });
    await db?.collection('evidenceSets').deleteMany({ periodId: new Types.ObjectId(periodId) });
    await db?.close();
    await portal?.close();
  });

  /** An upload slot for STP's officer (or another), as the page asks for one. */
  const slotFor = (
    name: string,
    size: number,
    contentType: string,
    criterionCodes: string[],
    who: 'stp' | 'snv' = 'stp',
    period = periodId,
  ) =>
    callApi('/evidence/uploads', {
      method: 'POST',
      token: token(who),
      body: { periodId: period, name, size, contentType, criterionCodes },
    });
  const confirm = (id: string, who: 'stp' | 'snv' = 'stp') =>
    callApi(`/evidence/files/${id}/confirm`, { method: 'POST', token: token(who) });
  /** The object key the service chose, read from its database. */
  const keyOf = async (id: string): Promise<string> => {
    const doc = await db.collection('evidenceFiles').findOne({ _id: new Types.ObjectId(id) });
    return doc!.storageKey as string;
  };

  /** Requests a slot, posts the bytes and confirms: the page's whole upload of one file. */
  async function upload(
    name: string,
    bytes: Buffer,
    type: string,
    criterionCodes: string[],
    who: 'stp' | 'snv' = 'stp',
    period = periodId,
  ) {
    const slot = await slotFor(name, bytes.length, type, criterionCodes, who, period);
    expect(slot.status).toBe(201);
    const posted = await postToSlot(slot.body as Slot, bytes, name, type);
    expect(posted.status).toBe(204);
    return confirm(slot.body.file.id, who);
  }

  const versionsOf = (key: string) => objectVersions(minio, key);

  it('switches the bucket’s versioning on at start', async () => {
    expect(await minio.getBucketVersioning(bucket)).toMatchObject({ Status: 'Enabled' });
  });

  it('uploads a PDF, checks it, lists it with its criteria and serves the same bytes inline', async () => {
    const confirmed = await upload('Quyết định số 12.pdf', pdf, 'application/pdf', ['1.1', '2.1']);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      periodId,
      unitCode: STP,
      name: 'Quyết định số 12.pdf',
      size: pdf.length,
      kind: 'pdf',
      contentType: 'application/pdf',
      sha256: sha256(pdf),
      criterionCodes: ['1.1', '2.1'],
      status: 'attached',
    });

    const list = await callApi(`/evidence/files?periodId=${periodId}`, { token: token('stp') });
    expect(list.status).toBe(200);
    expect(list.body.frozen).toBe(false);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: confirmed.body.id, criterionCodes: ['1.1', '2.1'] }),
    ]);

    const link = await callApi(`/evidence/files/${confirmed.body.id}/download`, {
      token: token('stp'),
    });
    expect(link.status).toBe(200);
    expect(link.body.disposition).toBe('inline');
    const res = await fetch(link.body.url);
    expect(res.status).toBe(200);
    const got = Buffer.from(await res.arrayBuffer());
    expect(sha256(got)).toBe(sha256(pdf));
    expect(got.equals(pdf)).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      'inline; filename="Quyet dinh so 12.pdf"; filename*=UTF-8\'\'Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20s%E1%BB%91%2012.pdf',
    );
  });

  it('stores the object under a key the service made, not the user’s file name', async () => {
    const slot = await slotFor('../../khac/ảnh.png', png.length, 'image/png', ['1.2']);
    expect(slot.status).toBe(201);
    const key = await keyOf(slot.body.file.id);
    expect(key).toMatch(new RegExp(`^${periodId}/${STP}/[0-9a-f-]{36}$`));
    expect(slot.body.file.name).toBe('ảnh.png');
    expect((await postToSlot(slot.body, png, 'ảnh.png', 'image/png')).status).toBe(204);
    const confirmed = await confirm(slot.body.file.id);
    expect(confirmed.body).toMatchObject({ kind: 'png', status: 'attached' });
  });

  it('keeps serving the checked bytes when the upload slot is replayed after confirmation', async () => {
    const slot = await slotFor('goc.pdf', pdf.length, 'application/pdf', ['2.2']);
    expect((await postToSlot(slot.body, pdf, 'goc.pdf', 'application/pdf')).status).toBe(204);
    const id = slot.body.file.id as string;
    const confirmed = await confirm(id);
    expect(confirmed.body.status).toBe('attached');
    // The same policy, still valid, posts other bytes of the same size over the same key.
    const swapped = Buffer.concat([executable.subarray(0, pdf.length)]);
    expect((await postToSlot(slot.body, swapped, 'goc.pdf', 'application/pdf')).status).toBe(204);
    const link = await callApi(`/evidence/files/${id}/download`, { token: token('stp') });
    const got = Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
    expect(sha256(got)).toBe(sha256(pdf));
  });

  it('refuses an executable renamed .pdf, in Vietnamese, and leaves no trace of it in MinIO', async () => {
    const slot = await slotFor('bao-cao.pdf', executable.length, 'application/pdf', ['1.1']);
    expect(slot.status).toBe(201);
    expect((await postToSlot(slot.body, executable, 'bao-cao.pdf', 'application/pdf')).status).toBe(
      204,
    );
    const id = slot.body.file.id as string;
    const key = await keyOf(id);

    const confirmed = await confirm(id);
    expect(confirmed.status).toBe(422);
    expect(confirmed.body.error.code).toBe('E_VALIDATION');
    expect(confirmed.body.error.message).toContain(
      'Nội dung tệp «bao-cao.pdf» không phải là PDF như tên hoặc loại tệp khai báo (không nhận ra loại nội dung). Tệp đã bị xoá.',
    );
    expect(await versionsOf(key)).toEqual([]);
    expect(
      await db.collection('evidenceFiles').findOne({ _id: new Types.ObjectId(id) }),
    ).toBeNull();
    const again = await confirm(id);
    expect(again.status).toBe(404);
  });

  it('refuses a PNG that claims to be a PDF', async () => {
    const refused = await upload('scan.pdf', png, 'application/pdf', ['1.1']);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('không phải là PDF');
    expect(refused.body.error.message).toContain('(PNG)');
  });

  it('refuses a type outside the accepted list before any upload', async () => {
    const res = await slotFor('cai-dat.exe', 1000, 'application/x-msdownload', ['1.1']);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(
      /^Tệp «cai-dat\.exe» không thuộc loại được chấp nhận\. Chỉ nhận: PDF, /,
    );
  });

  it('refuses a file over the limit when the slot is asked for', async () => {
    const res = await slotFor('video.zip', 20 * MB + 1, 'application/zip', ['1.1']);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('E_PAYLOAD_TOO_LARGE');
    expect(res.body.error.message).toBe(
      'Tệp «video.zip» có dung lượng 20,1 MB, vượt mức tối đa 20 MB. Hãy nén hoặc chia nhỏ tệp rồi tải lên lại.',
    );
  });

  it('binds the slot to the declared size: MinIO refuses more bytes, and nothing is attached', async () => {
    const slot = await slotFor('nho.pdf', 100, 'application/pdf', ['1.1']);
    const bigger = Buffer.concat([pdf, randomBytes(1000)]);
    const posted = await postToSlot(slot.body, bigger, 'nho.pdf', 'application/pdf');
    expect(posted.status).toBe(400);
    expect(posted.text).toContain('EntityTooLarge');
    const confirmed = await confirm(slot.body.file.id);
    expect(confirmed.status).toBe(409);
    expect(confirmed.body.error.message).toContain('Chưa nhận được nội dung tệp «nho.pdf»');
  });

  it('binds the slot to the declared type: MinIO refuses another Content-Type', async () => {
    const slot = await slotFor('a.pdf', pdf.length, 'application/pdf', ['1.1']);
    const form = new FormData();
    for (const [field, value] of Object.entries(slot.body.upload.fields as Record<string, string>))
      form.append(field, field === 'Content-Type' ? 'text/html' : value);
    form.append('file', new Blob([Uint8Array.from(pdf)], { type: 'text/html' }), 'a.pdf');
    const res = await fetch(slot.body.upload.url, { method: 'POST', body: form });
    expect(res.status).toBe(403);
  });

  it('lets one file serve more criteria and fewer, but never none', async () => {
    const confirmed = await upload('danh-sach.pdf', pdf, '', ['1.1']);
    const id = confirmed.body.id as string;
    const attach = await callApi(`/evidence/files/${id}/attach`, {
      method: 'POST',
      token: token('stp'),
      body: { criterionCodes: ['1.2', '1.1', '2.1'] },
    });
    expect(attach.status).toBe(200);
    expect(attach.body.criterionCodes).toEqual(['1.1', '1.2', '2.1']);
    const detach = await callApi(`/evidence/files/${id}/detach`, {
      method: 'POST',
      token: token('stp'),
      body: { criterionCodes: ['1.1'] },
    });
    expect(detach.body.criterionCodes).toEqual(['1.2', '2.1']);
    const last = await callApi(`/evidence/files/${id}/detach`, {
      method: 'POST',
      token: token('stp'),
      body: { criterionCodes: ['1.2', '2.1'] },
    });
    expect(last.status).toBe(422);
    expect(last.body.error.message).toBe(
      'Không thể bỏ tiêu chí cuối cùng của tệp «danh-sach.pdf». Nếu tệp không còn dùng cho tiêu chí nào, hãy xoá tệp.',
    );
  });

  it('refuses another unit’s officer every read and write of a file (403), writing nothing; an admin reads', async () => {
    const confirmed = await upload('ke-hoach.pdf', pdf, 'application/pdf', ['2.1']);
    const id = confirmed.body.id as string;
    const pending = await slotFor('cho.pdf', pdf.length, 'application/pdf', ['2.1']);
    await postToSlot(pending.body, pdf, 'cho.pdf', 'application/pdf');
    const pendingId = pending.body.file.id as string;
    const before = await db
      .collection('evidenceFiles')
      .find({ _id: { $in: [id, pendingId].map((x) => new Types.ObjectId(x)) } })
      .toArray();

    const attempts = [
      ['confirm', `/evidence/files/${pendingId}/confirm`, 'POST', undefined],
      ['attach', `/evidence/files/${id}/attach`, 'POST', { criterionCodes: ['1.2'] }],
      ['detach', `/evidence/files/${id}/detach`, 'POST', { criterionCodes: ['2.1'] }],
      ['delete', `/evidence/files/${id}`, 'DELETE', undefined],
      ['download', `/evidence/files/${id}/download`, 'GET', undefined],
      ['list', `/evidence/files?periodId=${periodId}&unitCode=${STP}`, 'GET', undefined],
    ] as const;
    for (const [what, path, method, body] of attempts) {
      const res = await callApi(path, { method, token: token('snv'), body });
      expect({ what, status: res.status, code: res.body.error?.code }).toEqual({
        what,
        status: 403,
        code: 'E_FORBIDDEN',
      });
    }
    const after = await db
      .collection('evidenceFiles')
      .find({ _id: { $in: [id, pendingId].map((x) => new Types.ObjectId(x)) } })
      .toArray();
    expect(after).toEqual(before);
    // The other unit's own listing shows none of STP's files.
    const own = await callApi(`/evidence/files?periodId=${periodId}`, { token: token('snv') });
    expect(own.body.items).toEqual([]);

    const adminList = await callApi(`/evidence/files?periodId=${periodId}&unitCode=${STP}`, {
      token: token('admin'),
    });
    expect(adminList.status).toBe(200);
    expect(adminList.body.items.map((f: { id: string }) => f.id)).toContain(id);
    const adminLink = await callApi(`/evidence/files/${id}/download`, { token: token('admin') });
    expect(adminLink.status).toBe(200);
    expect(Buffer.from(await (await fetch(adminLink.body.url)).arrayBuffer()).equals(pdf)).toBe(
      true,
    );
    const adminDelete = await callApi(`/evidence/files/${id}`, {
      method: 'DELETE',
      token: token('admin'),
    });
    expect(adminDelete.status).toBe(403);
    // An appraiser assigned nothing of this unit is told no such file exists.
    const appraiser = await callApi(`/evidence/files/${id}/download`, {
      token: token('appraiser'),
    });
    expect(appraiser.status).toBe(404);
  });

  it('deletes a file with its object while the set is open, and refuses once it is frozen', async () => {
    const gone = await upload('xoa.pdf', pdf, 'application/pdf', ['2.2']);
    const goneKey = await keyOf(gone.body.id);
    const deleted = await callApi(`/evidence/files/${gone.body.id}`, {
      method: 'DELETE',
      token: token('stp'),
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: gone.body.id, deleted: true });
    expect(await versionsOf(goneKey)).toEqual([]);

    const kept = await upload('giu.pdf', pdf, 'application/pdf', ['2.2']);
    // What the `submitted` event does (evidence-window.spec.ts): the unit's set for the period frozen.
    await db
      .collection('evidenceSets')
      .updateOne(
        { periodId: new Types.ObjectId(periodId), unitCode: STP },
        { $set: { frozen: true, frozenAt: new Date() } },
        { upsert: true },
      );
    const frozenMessage =
      'Bản tự đánh giá của đơn vị đã được gửi, nên tài liệu kiểm chứng không thể thêm, xoá hay thay đổi nữa.';
    const refused = await callApi(`/evidence/files/${kept.body.id}`, {
      method: 'DELETE',
      token: token('stp'),
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(frozenMessage);
    const noNew = await slotFor('moi.pdf', pdf.length, 'application/pdf', ['2.2']);
    expect(noNew.status).toBe(409);
    const noAttach = await callApi(`/evidence/files/${kept.body.id}/attach`, {
      method: 'POST',
      token: token('stp'),
      body: { criterionCodes: ['1.2'] },
    });
    expect(noAttach.status).toBe(409);
    const list = await callApi(`/evidence/files?periodId=${periodId}`, { token: token('stp') });
    expect(list.body.frozen).toBe(true);
    expect(list.body.items.map((f: { id: string }) => f.id)).toContain(kept.body.id);
    const link = await callApi(`/evidence/files/${kept.body.id}/download`, { token: token('stp') });
    expect(Buffer.from(await (await fetch(link.body.url)).arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('counts attached files per unit and criterion for the assessment service only', async () => {
    // A period of its own, so the other tests' files do not count here.
    const counted = await world.newPeriod('Đếm tệp', phasesFrom(-HOUR, 2 * DAY));
    await phaseReached(portal!.tokens.admin, counted, 'selfAssessment');
    await upload('a.pdf', pdf, 'application/pdf', ['1.2', '1.1'], 'stp', counted);
    await upload('b.png', png, 'image/png', ['1.1'], 'stp', counted);
    await upload('c.pdf', pdf, 'application/pdf', ['1.1', '2.2'], 'snv', counted);
    await upload('d.pdf', pdf, 'application/pdf', ['2.1'], 'snv', counted);
    // Neither a file never confirmed nor a refused one counts.
    const pending = await slotFor('e.pdf', pdf.length, 'application/pdf', ['1.2'], 'stp', counted);
    expect(pending.status).toBe(201);
    expect(
      (await upload('f.pdf', executable, 'application/pdf', ['1.2'], 'stp', counted)).status,
    ).toBe(422);

    const bus = new ServiceBroker({
      namespace: process.env.PAR_NAMESPACE ?? 'par',
      nodeID: `evidence-count-test-${process.pid}`,
      transporter: testTransporter(),
      logger: false,
    });
    await bus.start();
    try {
      await bus.waitForServices(['evidence'], 20_000);
      const meta = await principalMeta('assessment');
      expect(await bus.call('evidence.countFiles', { periodId: counted }, { meta })).toEqual({
        items: [
          { unitCode: SNV, criterionCode: '1.1', count: 1 },
          { unitCode: SNV, criterionCode: '2.1', count: 1 },
          { unitCode: SNV, criterionCode: '2.2', count: 1 },
          { unitCode: STP, criterionCode: '1.1', count: 2 },
          { unitCode: STP, criterionCode: '1.2', count: 1 },
        ],
      });
      expect(
        await bus.call(
          'evidence.countFiles',
          { periodId: counted, unitCode: STP.toLowerCase() },
          { meta },
        ),
      ).toEqual({
        items: [
          { unitCode: STP, criterionCode: '1.1', count: 2 },
          { unitCode: STP, criterionCode: '1.2', count: 1 },
        ],
      });
      // Another principal, and a person even with the admin role, are refused; a user no
      // token vouches for counts for nothing.
      await expect(
        bus.call(
          'evidence.countFiles',
          { periodId: counted },
          { meta: await principalMeta('seed') },
        ),
      ).rejects.toMatchObject({ code: 403 });
      await expect(
        bus.call('evidence.countFiles', { periodId: counted }, { meta: { token: token('admin') } }),
      ).rejects.toMatchObject({ code: 403 });
      const stp = await db.collection('evidenceFiles').findOne({ unitCode: STP });
      await expect(
        bus.call(
          'evidence.countFiles',
          { periodId: counted },
          {
            meta: {
              user: { id: String(stp!.uploadedBy), username: 'x', roles: ['admin'], unit: null },
            },
          },
        ),
      ).rejects.toMatchObject({ code: 401 });
    } finally {
      await bus.stop();
      await db.collection('evidenceFiles').deleteMany({ periodId: new Types.ObjectId(counted) });
    }
  });
});
