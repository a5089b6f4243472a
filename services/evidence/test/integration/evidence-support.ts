/**
 * What the evidence suites share: units in a group with the assessment tests' small criteria set
 * (leaves 1.1, 1.2, 2.1, 2.2 are the unit's; 2.3 is a survey leaf), a period open for
 * self-assessment, and the page's upload (slot → multipart POST to MinIO → confirm).
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'minio';
import { loadSecrets } from '../../../../deploy/local/apps/apps.ts';
import { callApi } from '../../../../test/support/api';
import {
  DAY,
  HOUR,
  createPeriod,
  createSelfAssessmentSet,
  createUnit,
  phaseReached,
  phasesFrom,
} from '../../../assessment/test/integration/self-assessment-support';

export {
  DAY,
  HOUR,
  at,
  createPeriod,
  phaseReached,
  phasesFrom,
} from '../../../assessment/test/integration/self-assessment-support';

/** The leaves of the set a unit fills (2.3, a survey leaf, is not among them). */
export const LEAVES = ['1.1', '1.2', '2.1', '2.2'];

/** A small but well-formed PDF, written by hand. */
export const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

export interface EvidenceWorld {
  group: string;
  setId: string;
  /** A period in self-assessment for two more days, with every unit of the group. */
  periodId: string;
  /** Another period, to make more of the same kind. */
  newPeriod(
    name: string,
    phases: Array<{ phase: string; startsAt: string; endsAt: string | null }>,
  ): Promise<string>;
}

/** Units `codes` in a new group, the set for the group, and a period open for self-assessment. */
export async function openEvidenceWorld(admin: string, codes: string[]): Promise<EvidenceWorld> {
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const group = `EV${suffix}`;
  for (const code of codes) await createUnit(admin, code, group);
  const setId = await createSelfAssessmentSet(admin, {
    indexCode: 'PAR',
    year: 2026,
    unitGroup: group,
  });
  const newPeriod: EvidenceWorld['newPeriod'] = async (name, phases) => {
    const period = await createPeriod(admin, {
      indexCode: 'PAR',
      year: 2026,
      name: `${name} ${suffix}`,
      criteriaSets: [{ unitGroup: group, criteriaSetId: setId }],
      phases,
    });
    return period.id;
  };
  // Set-up ended an hour ago: the scheduler opens the self-assessment at once.
  const periodId = await newPeriod('Tài liệu kiểm chứng', phasesFrom(-HOUR, 2 * DAY));
  await phaseReached(admin, periodId, 'selfAssessment');
  return { group, setId, periodId, newPeriod };
}

export interface Slot {
  file: { id: string; status: string };
  upload: { method: string; url: string; fields: Record<string, string>; expiresAt: string };
}

/** What the page does with a slot: a multipart POST of the policy's fields and then the file. */
export async function postToSlot(slot: Slot, bytes: Buffer, name: string, type: string) {
  const form = new FormData();
  for (const [field, value] of Object.entries(slot.upload.fields)) form.append(field, value);
  form.append('file', new Blob([Uint8Array.from(bytes)], { type }), name);
  const res = await fetch(slot.upload.url, { method: 'POST', body: form });
  return { status: res.status, text: await res.text() };
}

/** The whole upload of one file by `token`'s officer: slot, POST, confirm; returns each answer. */
export async function uploadFile(
  token: string,
  periodId: string,
  file: { name: string; bytes: Buffer; type: string; criterionCodes: string[] },
) {
  const slot = await callApi('/evidence/uploads', {
    method: 'POST',
    token,
    body: {
      periodId,
      name: file.name,
      size: file.bytes.length,
      contentType: file.type,
      criterionCodes: file.criterionCodes,
    },
  });
  if (slot.status !== 201) return { slot, confirmed: undefined };
  const posted = await postToSlot(slot.body as Slot, file.bytes, file.name, file.type);
  if (posted.status !== 204) throw new Error(`MinIO answered ${posted.status}: ${posted.text}`);
  const confirmed = await callApi(`/evidence/files/${slot.body.file.id}/confirm`, {
    method: 'POST',
    token,
  });
  return { slot, confirmed };
}

/** The stack's MinIO as its root user, to look behind the service's back. */
export function rootMinio(): Client {
  const secrets = loadSecrets();
  const endpoint = new URL(process.env.PAR_MINIO_ENDPOINT!);
  return new Client({
    endPoint: endpoint.hostname,
    port: Number(endpoint.port),
    useSSL: false,
    accessKey: secrets.PAR_MINIO_ROOT_USER!,
    secretKey: secrets.PAR_MINIO_ROOT_PASSWORD!,
    region: 'us-east-1',
  });
}

/** Every version of the objects under a key prefix: empty once a file is purged. */
export async function objectVersions(minio: Client, key: string): Promise<unknown[]> {
  const found: unknown[] = [];
  const bucket = process.env.PAR_MINIO_BUCKET!;
  for await (const item of minio.listObjects(bucket, key, false, { IncludeVersion: true }))
    found.push(item);
  return found;
}
