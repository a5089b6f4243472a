/**
 * A bucket in MinIO, through the `minio` client, as every service storing files uses it (the
 * evidence files, the consultations' attachments): upload slots (presigned POST policies that
 * bind the exact size and type), reading an object back to check it, presigned downloads of one
 * version, and removal of every version of a key. The settings come from the same variables in
 * every service:
 *
 * | variable | default | what |
 * | --- | --- | --- |
 * | `PAR_MINIO_ENDPOINT` | `http://127.0.0.1:9000` | MinIO's S3 API as the service reaches it |
 * | `PAR_MINIO_PUBLIC_ENDPOINT` | `PAR_MINIO_ENDPOINT` | MinIO as browsers reach it; presigned URLs name this host |
 * | `PAR_MINIO_BUCKET` | `evidence` | the bucket (made by the stack or ops; versioning is switched on at start) |
 * | `PAR_MINIO_ACCESS_KEY`, `PAR_MINIO_SECRET_KEY` | — | credentials |
 * | `PAR_MINIO_REGION` | `us-east-1` | signing region (given, so presigning never asks MinIO) |
 */
import { createHash } from 'node:crypto';
import { Client, type BucketItemStat } from 'minio';
import type { Model, Types } from 'mongoose';

export interface StorageSettings {
  endpoint: URL;
  publicEndpoint: URL;
  bucket: string;
  accessKey: string;
  secretKey: string;
  region: string;
}

/** The storage settings from the environment (see the table above). */
export function storageSettings(
  env: Record<string, string | undefined> = process.env,
): StorageSettings {
  const endpoint = new URL(env.PAR_MINIO_ENDPOINT || 'http://127.0.0.1:9000');
  return {
    endpoint,
    publicEndpoint: new URL(env.PAR_MINIO_PUBLIC_ENDPOINT || endpoint.href),
    bucket: env.PAR_MINIO_BUCKET || 'evidence',
    accessKey: env.PAR_MINIO_ACCESS_KEY ?? '',
    secretKey: env.PAR_MINIO_SECRET_KEY ?? '',
    region: env.PAR_MINIO_REGION || 'us-east-1',
  };
}

export interface StoredObject {
  size: number;
  versionId: string | null;
}

export interface UploadPolicy {
  url: string;
  fields: Record<string, string>;
}

export interface ObjectStorage {
  /** Switches versioning on, so that an object replaced under its key keeps its old version. */
  enableVersioning(): Promise<boolean>;
  presignUpload(
    key: string,
    size: number,
    contentType: string,
    expires: Date,
  ): Promise<UploadPolicy>;
  /** The object's size and current version, or null when nothing was uploaded under the key. */
  stat(key: string): Promise<StoredObject | null>;
  /** The bytes of one version (at most `limit` + 1 are read) and their SHA-256. */
  read(
    key: string,
    versionId: string | null,
    limit: number,
  ): Promise<{ bytes: Buffer; sha256: string }>;
  presignDownload(
    key: string,
    versionId: string | null,
    ttlSeconds: number,
    headers: { contentType: string; contentDisposition: string },
  ): Promise<string>;
  /** Removes every version of the key (a refused or deleted file leaves nothing behind). */
  purge(key: string): Promise<void>;
}

function clientFor(settings: StorageSettings, endpoint: URL): Client {
  const useSSL = endpoint.protocol === 'https:';
  return new Client({
    endPoint: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : useSSL ? 443 : 80,
    useSSL,
    accessKey: settings.accessKey,
    secretKey: settings.secretKey,
    // Given, so that presigning is pure computation and never asks MinIO for the region.
    region: settings.region,
  });
}

const isMissing = (err: unknown): boolean => {
  const code = (err as { code?: string }).code;
  return code === 'NotFound' || code === 'NoSuchKey' || code === 'NoSuchVersion';
};

export function objectStorage(settings: StorageSettings): ObjectStorage {
  const client = clientFor(settings, settings.endpoint);
  // Signatures cover the host, so URLs handed to browsers are signed for the host they use.
  const publicClient = clientFor(settings, settings.publicEndpoint);
  const bucket = settings.bucket;

  return {
    async enableVersioning() {
      const current = (await client.getBucketVersioning(bucket)) as { Status?: string } | null;
      if (current?.Status === 'Enabled') return true;
      await client.setBucketVersioning(bucket, { Status: 'Enabled' });
      return true;
    },

    async presignUpload(key, size, contentType, expires) {
      const policy = publicClient.newPostPolicy();
      policy.setBucket(bucket);
      policy.setKey(key);
      policy.setContentType(contentType);
      policy.setContentLengthRange(size, size);
      policy.setExpires(expires);
      const result = await publicClient.presignedPostPolicy(policy);
      return { url: result.postURL, fields: result.formData as Record<string, string> };
    },

    async stat(key) {
      let stat: BucketItemStat;
      try {
        stat = await client.statObject(bucket, key);
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
      return { size: stat.size, versionId: stat.versionId ?? null };
    },

    async read(key, versionId, limit) {
      const stream = await client.getObject(bucket, key, versionId ? { versionId } : {});
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let length = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        hash.update(chunk);
        chunks.push(chunk);
        length += chunk.length;
        if (length > limit) {
          stream.destroy();
          break;
        }
      }
      return { bytes: Buffer.concat(chunks), sha256: hash.digest('hex') };
    },

    presignDownload(key, versionId, ttlSeconds, headers) {
      return publicClient.presignedGetObject(bucket, key, ttlSeconds, {
        'response-content-type': headers.contentType,
        'response-content-disposition': headers.contentDisposition,
        ...(versionId ? { versionId } : {}),
      });
    },

    async purge(key) {
      const versions: Array<{ name: string; versionId?: string }> = [];
      const listing = client.listObjects(bucket, key, false, { IncludeVersion: true });
      for await (const item of listing as AsyncIterable<{
        name?: string;
        versionId?: string | null;
      }>) {
        if (item.name === key)
          versions.push({ name: key, ...(item.versionId ? { versionId: item.versionId } : {}) });
      }
      if (!versions.length) return;
      await client.removeObjects(bucket, versions);
    },
  };
}

/** A record of a file uploaded through a slot: `pending` until its bytes are checked. */
export interface UploadRecord {
  _id: Types.ObjectId;
  storageKey: string;
  status: string;
  createdAt: Date;
}

/**
 * Removes the uploads never confirmed that are older than `olderThan` (at most 1,000 a run),
 * object first: a node that dies between the two leaves the record, and the next sweep removes
 * it. Returns how many went.
 */
export async function sweepPendingUploads<T extends UploadRecord>(
  model: Model<T>,
  storage: Pick<ObjectStorage, 'purge'>,
  olderThan: Date,
): Promise<number> {
  const stale = await model
    .find({ status: 'pending', createdAt: { $lt: olderThan } } as never, { storageKey: 1 })
    .limit(1000)
    .lean<Array<Pick<UploadRecord, '_id' | 'storageKey'>>>();
  let removed = 0;
  for (const doc of stale) {
    await storage.purge(doc.storageKey);
    const result = await model.deleteOne({ _id: doc._id, status: 'pending' } as never);
    removed += result.deletedCount;
  }
  return removed;
}
