/**
 * Attachments of a consultation draft on the real stack (gateway, accounts, survey; Keycloak,
 * NATS, the local database, MinIO): who may attach and remove (the unit's officers and the
 * admin, no one else), an oversized file and a disguised one refused with nothing stored, a
 * citizen's download without login returning the very bytes with the Vietnamese name, and no
 * change once the consultation is closed.
 */
import { randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { callApi as call, type ApiResponse } from '../../../../test/support/api';
import { clockPasses, eventually } from '../../../../test/support/eventually';
import { openPortal, type Portal } from '../../../../test/support/portal-fixture';
import {
  objectVersions,
  postToSlot,
  rootMinio,
} from '../../../evidence/test/integration/evidence-support';

const suffix = randomUUID().slice(0, 6).toUpperCase();
const A = `AA${suffix}`;
const B = `AB${suffix}`;
const MB = 1024 * 1024;

type Caller = 'admin' | 'officerA' | 'officerB' | 'appraiser' | 'nobody';

/** A small but well-formed PDF, written by hand. */
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** An OpenDocument text: a stored ZIP whose first entry is `mimetype`, written by hand. */
function odt(): Buffer {
  const entries: Array<[string, string]> = [
    ['mimetype', 'application/vnd.oasis.opendocument.text'],
    ['content.xml', '<office:document-content/>'],
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(text);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

interface Slot {
  attachment: { id: string; status: string };
  upload: { method: string; url: string; fields: Record<string, string>; expiresAt: string };
}

describe('attachments of a consultation draft', () => {
  let portal: Portal<Exclude<Caller, 'nobody'>> | undefined;
  const token = (who: Caller) => (who === 'nobody' ? undefined : portal!.tokens[who]);
  let consultationId: string;
  let closesAtMs: number;
  const minio = rootMinio();
  const prefix = () => `consultations/${consultationId}/`;
  const refusal = (res: ApiResponse) => ({ status: res.status, code: res.body?.error?.code });
  const base = () => `/survey/consultations/${consultationId}/attachments`;

  const requestSlot = (who: Caller, file: { name: string; size: number; type: string }) =>
    call(base(), {
      method: 'POST',
      token: token(who),
      body: { name: file.name, size: file.size, contentType: file.type },
    });
  /** The page's whole upload: slot, multipart POST to MinIO, confirm. */
  async function upload(who: Caller, name: string, bytes: Buffer, type: string) {
    const slot = await requestSlot(who, { name, size: bytes.length, type });
    if (slot.status !== 201) return { slot, confirmed: undefined };
    const posted = await postToSlot(
      { file: (slot.body as Slot).attachment, upload: (slot.body as Slot).upload },
      bytes,
      name,
      type,
    );
    if (posted.status !== 204) throw new Error(`MinIO answered ${posted.status}: ${posted.text}`);
    const confirmed = await call(`${base()}/${slot.body.attachment.id}/confirm`, {
      method: 'POST',
      token: token(who),
    });
    return { slot, confirmed };
  }
  const listed = async () =>
    (await call(base(), { token: token('admin') })).body as {
      items: Array<{ id: string; name: string; kind: string; size: number }>;
      editable: boolean;
    };

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'survey'],
      users: {
        admin: { roles: ['admin'] },
        officerA: { roles: ['data-entry'], unit: A },
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
    closesAtMs = Date.now() + 45_000;
    const created = await call('/survey/consultations', {
      method: 'POST',
      token: token('officerA'),
      body: {
        title: 'Dự thảo Quy chế một cửa',
        text: 'Điều 1. Phạm vi điều chỉnh…',
        closesAt: new Date(closesAtMs).toISOString(),
      },
    });
    expect(created.status).toBe(201);
    consultationId = created.body.id;
  });

  afterAll(async () => {
    await portal?.close();
  });

  it('lets the unit’s officer and the admin attach and remove, and no one else', async () => {
    // Written by hand: the unit's officer and the admin attach; another unit's officer and an
    // appraiser are refused, a caller without token is asked to log in.
    const expected: Record<Caller, number> = {
      admin: 201,
      officerA: 201,
      officerB: 403,
      appraiser: 403,
      nobody: 401,
    };
    for (const who of Object.keys(expected) as Caller[]) {
      const slot = await requestSlot(who, { name: 'a.pdf', size: pdf.length, type: '' });
      expect({ who, status: slot.status }).toEqual({ who, status: expected[who] });
      const list = await call(base(), { token: token(who) });
      expect({ who, status: list.status }).toEqual({
        who,
        status: expected[who] === 201 ? 200 : expected[who],
      });
    }
    // Two slots were issued but nothing uploaded: nothing is listed.
    expect((await listed()).items).toEqual([]);

    const byOfficer = await upload('officerA', 'Dự thảo Quyết định.pdf', pdf, 'application/pdf');
    expect(byOfficer.confirmed?.status).toBe(200);
    expect(byOfficer.confirmed?.body).toMatchObject({
      name: 'Dự thảo Quyết định.pdf',
      kind: 'pdf',
      status: 'attached',
      size: pdf.length,
      contentType: 'application/pdf',
    });
    const byAdmin = await upload('admin', 'Phụ lục.odt', odt(), '');
    expect(byAdmin.confirmed?.body).toMatchObject({ kind: 'odt', status: 'attached' });
    expect((await listed()).items.map((i) => i.name)).toEqual([
      'Dự thảo Quyết định.pdf',
      'Phụ lục.odt',
    ]);

    // Removal: another unit's officer, an appraiser and a caller without token may not.
    const remove = (who: Caller, id: string) =>
      call(`${base()}/${id}`, { method: 'DELETE', token: token(who) });
    const adminFile = byAdmin.confirmed!.body.id as string;
    expect(refusal(await remove('officerB', adminFile))).toEqual({
      status: 403,
      code: 'E_FORBIDDEN',
    });
    expect((await remove('appraiser', adminFile)).status).toBe(403);
    expect((await remove('nobody', adminFile)).status).toBe(401);
    expect((await listed()).items).toHaveLength(2);
    // The unit's officer removes the admin's file: record and object go.
    const removed = await remove('officerA', adminFile);
    expect({ status: removed.status, body: removed.body }).toEqual({
      status: 200,
      body: { id: adminFile, deleted: true },
    });
    expect((await listed()).items.map((i) => i.name)).toEqual(['Dự thảo Quyết định.pdf']);
    expect((await remove('officerA', adminFile)).status).toBe(404);
  });

  it('refuses an oversized file and a disguised one in Vietnamese, storing nothing', async () => {
    const before = (await objectVersions(minio, prefix())).length;
    const tooLarge = await requestSlot('officerA', {
      name: 'Bản đồ quy hoạch.pdf',
      size: 20 * MB + 1,
      type: 'application/pdf',
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.message).toBe(
      'Tệp «Bản đồ quy hoạch.pdf» có dung lượng 20,1 MB, vượt mức tối đa 20 MB. Hãy nén hoặc chia nhỏ tệp rồi tải lên lại.',
    );
    const wrongKind = await requestSlot('officerA', {
      name: 'anh.png',
      size: 10,
      type: 'image/png',
    });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.error.message).toBe(
      'Tệp «anh.png» không thuộc loại được chấp nhận. Chỉ nhận: PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt).',
    );

    // A Windows program named .docx: MinIO takes the bytes, the confirmation refuses them.
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const disguised = await upload(
      'officerA',
      'Tờ trình.docx',
      exe,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(disguised.slot.status).toBe(201);
    expect(disguised.confirmed?.status).toBe(422);
    expect(disguised.confirmed?.body.error.message).toBe(
      'Nội dung tệp «Tờ trình.docx» không phải là Word (.docx) như tên hoặc loại tệp khai báo (không nhận ra loại nội dung). Tệp đã bị xoá. Chỉ nhận: PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt).',
    );
    // Nothing stays: no object under the consultation beyond those before, nothing listed.
    expect(await objectVersions(minio, prefix())).toHaveLength(before);
    expect((await listed()).items.map((i) => i.name)).toEqual(['Dự thảo Quyết định.pdf']);
  });

  it('gives a citizen without login the very bytes, with the Vietnamese name', async () => {
    const view = await call(`/public/consultations/${consultationId}`);
    expect(view.status).toBe(200);
    expect(view.body.attachments).toEqual([
      { id: expect.any(String), name: 'Dự thảo Quyết định.pdf', size: pdf.length, kind: 'pdf' },
    ]);
    const id = view.body.attachments[0].id as string;
    const link = await call(`/public/consultations/${consultationId}/attachments/${id}`);
    expect(link.status).toBe(200);
    const res = await fetch(link.body.url as string);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="Du thao Quyet dinh.pdf"; filename*=UTF-8\'\'D%E1%BB%B1%20th%E1%BA%A3o%20Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh.pdf',
    );
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    // An id that is not an attached file of this consultation is not found.
    const other = await call(
      `/public/consultations/${consultationId}/attachments/${'0'.repeat(24)}`,
    );
    expect(refusal(other)).toEqual({ status: 404, code: 'E_NOT_FOUND' });
  });

  it('takes no attachment change once the consultation is closed', async () => {
    await clockPasses(closesAtMs + 500, 'the deadline');
    const id = (await listed()).items[0]!.id;
    expect((await listed()).editable).toBe(false);
    const late = await requestSlot('officerA', { name: 'b.pdf', size: pdf.length, type: '' });
    expect(refusal(late)).toEqual({ status: 403, code: 'E_DEADLINE_PASSED' });
    expect(late.body.error.message).toMatch(/^Dự thảo đã hết hạn góp ý \(.+\) nên không thể/);
    const removal = await call(`${base()}/${id}`, { method: 'DELETE', token: token('admin') });
    expect(refusal(removal)).toEqual({ status: 403, code: 'E_DEADLINE_PASSED' });
    expect((await listed()).items).toHaveLength(1);
    // Citizens still download it.
    const link = await call(`/public/consultations/${consultationId}/attachments/${id}`);
    expect(link.status).toBe(200);
  });
});
