/**
 * The sweep of files never confirmed, on the real FerretDB and MinIO: a pending file older than
 * the age goes with every version of its object; a younger one and an attached one stay.
 */
import { randomUUID } from 'node:crypto';
import mongoose, { Types, type Connection } from 'mongoose';
import type { AuthUser } from '@par/contracts';
import { objectStorage } from '@par/service-kit';
import { loadSecrets } from '../../../../deploy/local/apps/apps.ts';
import { eventually } from '../../../../test/support/eventually';
import { evidenceSettings } from '../../src/evidence-settings';
import * as files from '../../src/files/evidence-files';
import { evidenceFileModel } from '../../src/models/evidence-file.model';
import { evidenceSetModel } from '../../src/models/evidence-set.model';

const pdf = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
const officer: AuthUser = {
  id: 'sweep-test',
  username: 'sweep',
  roles: ['data-entry'],
  unit: 'STP',
};

describe('sweeping files never confirmed', () => {
  let db: Connection;
  let deps: files.EvidenceDeps;
  const periodId = new Types.ObjectId().toHexString();

  beforeAll(async () => {
    // A database of its own, so neither the running service's sweep nor other suites take part.
    db = await mongoose
      .createConnection(process.env.PAR_MONGO_URL!, {
        dbName: `evidence-sweep-${randomUUID().slice(0, 8)}`,
      })
      .asPromise();
    await Promise.all([evidenceFileModel(db).init(), evidenceSetModel(db).init()]);
    const secrets = loadSecrets();
    const settings = evidenceSettings({
      ...process.env,
      PAR_MINIO_ACCESS_KEY: secrets.PAR_MINIO_ROOT_USER,
      PAR_MINIO_SECRET_KEY: secrets.PAR_MINIO_ROOT_PASSWORD,
    });
    // The sweep is under test here, not the window: an open one, with the test's criterion.
    deps = {
      db,
      settings,
      storage: objectStorage(settings.storage),
      askWindow: async () => ({ readOnly: null, deadline: null, leafCodes: ['1.1'] }),
    };
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
  });

  /** A slot with its bytes uploaded as the browser would, left unconfirmed. */
  async function uploadedSlot(name: string) {
    const slot = await files.requestUpload(
      deps,
      { periodId, name, size: pdf.length, contentType: 'application/pdf', criterionCodes: ['1.1'] },
      officer,
    );
    const form = new FormData();
    for (const [field, value] of Object.entries(slot.upload.fields)) form.append(field, value);
    form.append('file', new Blob([Uint8Array.from(pdf)], { type: 'application/pdf' }), name);
    expect((await fetch(slot.upload.url, { method: 'POST', body: form })).status).toBe(204);
    const doc = await evidenceFileModel(db).findById(slot.file.id).lean();
    return { id: slot.file.id, key: doc!.storageKey };
  }

  it('removes pending files older than the age with their objects, and keeps the rest', async () => {
    const old = await uploadedSlot('cu.pdf');
    const attached = await uploadedSlot('da-gan.pdf');
    await files.confirmUpload(deps, attached.id, officer, 'vi');
    const cutoff = new Date();
    // The young file is made strictly after the cutoff (millisecond clock), without a fixed sleep.
    await eventually(async () => Date.now() > cutoff.getTime() + 1, 1_000, 'the clock to move');
    const young = await uploadedSlot('moi.pdf');

    expect(await files.sweepPending(deps, cutoff)).toBe(1);

    const left = await evidenceFileModel(db).find({}, { _id: 1 }).lean();
    expect(left.map((d) => d._id.toHexString()).sort()).toEqual([attached.id, young.id].sort());
    expect(await deps.storage.stat(old.key)).toBeNull();
    expect(await deps.storage.stat(young.key)).not.toBeNull();
    expect(await deps.storage.stat(attached.key)).not.toBeNull();
    // A second pass finds nothing more to do.
    expect(await files.sweepPending(deps, cutoff)).toBe(0);

    await Promise.all([young.key, attached.key].map((key) => deps.storage.purge(key)));
    await evidenceFileModel(db).deleteMany({});
  });

  it('refuses to confirm a file past half the sweep age instead of racing the sweep', async () => {
    const slot = await uploadedSlot('cham.pdf');
    const soon = { ...deps, settings: { ...deps.settings, pendingMaxAgeMs: 1_000 } };
    const created = (await evidenceFileModel(db).findById(slot.id).lean())!.createdAt.getTime();
    await eventually(async () => Date.now() > created + 600, 2_000, 'half the age to pass');
    await expect(files.confirmUpload(soon, slot.id, officer, 'vi')).rejects.toMatchObject({
      type: 'E_CONFLICT',
      message:
        'Lượt tải lên tệp «cham.pdf» đã quá lâu chưa được xác nhận nên đã hết hạn. Hãy tải lên lại tệp.',
    });
    expect(await files.sweepPending(soon, new Date(Date.now() - 500))).toBe(1);
    expect(await deps.storage.stat(slot.key)).toBeNull();
  });
});
