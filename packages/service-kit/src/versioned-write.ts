/**
 * Optimistic versions: the one way a versioned document is changed. A write names the version
 * the caller saw; it lands only if the document is still at that version (and still meets the
 * domain's conditions), incrementing it. Otherwise the caller gets 404 when the document is
 * gone, or 409 `E_CONFLICT` carrying the document as it is now, in the contract's result shape,
 * so a page can show both values. FerretDB has no transactions: the conditional single-document
 * update is what makes exactly one of several racing writers win.
 */
import {
  isValidObjectId,
  type Connection,
  type Model,
  type mongo,
  type Types,
  type UpdateQuery,
} from 'mongoose';
import type { MessageKey } from '@par/contracts';
import { PortalError } from './errors';
import { appendAuditItems, wakeOutboxRelay, withOutbox, type OutboxItem } from './outbox';

/** What every versioned document has. */
export interface VersionedDocument {
  _id: Types.ObjectId;
  version: number;
}

/** A catalogue message with its parameters, and the field it names (a stale save: `version`). */
export interface VersionMessage {
  key: MessageKey;
  params?: Record<string, string | number>;
  field?: string;
}

/** How one kind of document is versioned: declared once per domain. */
export interface VersionPolicy<D extends VersionedDocument, R> {
  model: (db: Connection) => Model<D>;
  /** The document as the contract returns it; the 409 carries it as `current`. */
  toCurrent: (doc: D) => R | Promise<R>;
  /** The 409 of a stale version, worded for this kind of document. */
  stale: (doc: D) => VersionMessage;
  /** The 404 when the document does not exist (any more). */
  notFound: VersionMessage;
  /**
   * A state in which no version can be written (a decided request, a set in use): a 409 with
   * its own message, also carrying the current document. Checked before the version.
   */
  refuse?: (doc: D) => VersionMessage | null;
}

export interface VersionedWriteOptions {
  /** Conditions the document must still meet besides its version, e.g. `{ status: 'draft' }`. */
  where?: Record<string, unknown>;
  /** Events and audit entries of the change, written in the same update (see `outbox.ts`). */
  outbox?: readonly OutboxItem[];
}

/** A 409 with `message`, carrying `current`: the record as the client should see it now. */
export function conflictWith(message: VersionMessage, current: unknown): PortalError {
  return new PortalError('E_CONFLICT', {
    key: message.key,
    params: message.params,
    ...(message.field ? { fields: [{ field: message.field, key: message.key }] } : {}),
    current,
  });
}

/** A 409 for `doc`, carrying it as the client should see it now. */
export async function versionConflict<D extends VersionedDocument, R>(
  policy: VersionPolicy<D, R>,
  doc: D,
  message: VersionMessage = { field: 'version', ...policy.stale(doc) },
): Promise<PortalError> {
  return conflictWith(message, await policy.toCurrent(doc));
}

/** A document with a key of its own (not an ObjectId) and a version: e.g. an entry by criterion. */
export interface KeyedVersionedDocument extends mongo.Document {
  _id: string;
  version: number;
}

/**
 * Replaces the fields of the document `id` if it is still at `version`, incrementing it; version
 * 0 means "never written": the document is inserted at version 1. Returns false when someone else
 * wrote first (a stale version, or a racing first insert: the duplicate key), so the caller
 * answers 409 with the document as it is now (`conflictWith`). One single-document write on a
 * collection the caller names, never a bulk write: of N writers racing on one version exactly
 * one wins (MongoDB by itself; the local FerretDB through its write lock).
 */
export async function writeKeyedVersion<D extends KeyedVersionedDocument>(
  collection: mongo.Collection<D>,
  id: string,
  version: number,
  fields: Omit<D, '_id' | 'version'>,
): Promise<boolean> {
  if (version === 0) {
    try {
      await collection.insertOne({
        ...fields,
        _id: id,
        version: 1,
      } as mongo.OptionalUnlessRequiredId<D>);
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return false;
      throw err;
    }
  }
  const res = await collection.updateOne(
    { _id: id, version } as mongo.Filter<D>,
    {
      $set: fields as Partial<D>,
      $inc: { version: 1 },
    } as never,
  );
  return res.modifiedCount === 1;
}

export interface VersionedDocuments<D extends VersionedDocument, R> {
  readonly policy: VersionPolicy<D, R>;
  /** The document, or 404. */
  find(db: Connection, id: Types.ObjectId | string): Promise<D>;
  /** The document the caller saw at `version`, or 404 / 409 before any other check runs. */
  findAt(db: Connection, id: Types.ObjectId | string, version: number): Promise<D>;
  /** Writes `update` if the document is still at `version`, incrementing it; else 404 / 409. */
  write(
    db: Connection,
    id: Types.ObjectId | string,
    version: number,
    update: UpdateQuery<D>,
    options?: VersionedWriteOptions,
  ): Promise<D>;
  /** As `write`, but a lost race returns null (the caller retries or gives up quietly). */
  tryWrite(
    db: Connection,
    id: Types.ObjectId | string,
    version: number,
    update: UpdateQuery<D>,
    options?: VersionedWriteOptions,
  ): Promise<D | null>;
  /** Why a write at `version` matched nothing: the 404 or the 409, with the document now. */
  conflict(db: Connection, id: Types.ObjectId | string, version: number): Promise<PortalError>;
  /**
   * Deletes the document if it is still at `version`; else 404 / 409. Audit entries still in
   * its outbox are appended, with those of `options.outbox`; a document whose outbox holds
   * events must not be deleted (they would be lost), so kinds with events are never deleted.
   */
  remove(
    db: Connection,
    id: Types.ObjectId | string,
    version: number,
    options?: VersionedWriteOptions,
  ): Promise<void>;
}

/** The versioned reads and writes of one kind of document, from its policy. */
export function versionedDocuments<D extends VersionedDocument, R>(
  policy: VersionPolicy<D, R>,
): VersionedDocuments<D, R> {
  const notFound = () => {
    const { key, params, field } = policy.notFound;
    return new PortalError('E_NOT_FOUND', {
      key,
      params,
      ...(field ? { fields: [{ field, key }] } : {}),
    });
  };

  const find = async (db: Connection, id: Types.ObjectId | string): Promise<D> => {
    const doc = isValidObjectId(id) ? await policy.model(db).findById(id).lean<D>() : null;
    if (!doc) throw notFound();
    return doc;
  };

  /** Why `doc` cannot be written at `version`: the refusal first, then a stale version. */
  const refusalOf = async (doc: D, version: number): Promise<PortalError | null> => {
    const refusal = policy.refuse?.(doc);
    if (refusal) return versionConflict(policy, doc, refusal);
    if (doc.version !== version) return versionConflict(policy, doc);
    return null;
  };

  const tryWrite: VersionedDocuments<D, R>['tryWrite'] = async (
    db,
    id,
    version,
    update,
    options,
  ) => {
    if (!isValidObjectId(id)) throw notFound();
    const $inc = { ...(update.$inc as Record<string, number> | undefined), version: 1 };
    const written = await policy
      .model(db)
      .findOneAndUpdate(
        { ...options?.where, _id: id, version },
        withOutbox({ ...update, $inc }, options?.outbox ?? []),
        { returnDocument: 'after' },
      )
      .lean<D>();
    if (written && options?.outbox?.length) await wakeOutboxRelay(db, policy.model(db), id);
    return written;
  };

  /** After a write that matched nothing: 404, or the 409 that says why, with the document now. */
  const conflict = async (db: Connection, id: Types.ObjectId | string, version: number) => {
    let current: D;
    try {
      current = await find(db, id);
    } catch (notFoundError) {
      return notFoundError as PortalError;
    }
    // At the version and not refused, yet unmatched: the caller's `where` no longer holds, or
    // the document moved on and back between the two reads. Either way it is a conflict.
    return (await refusalOf(current, version)) ?? versionConflict(policy, current);
  };

  return {
    policy,
    conflict,
    find,
    async findAt(db, id, version) {
      const doc = await find(db, id);
      const refusal = await refusalOf(doc, version);
      if (refusal) throw refusal;
      return doc;
    },
    tryWrite,
    async write(db, id, version, update, options) {
      const written = await tryWrite(db, id, version, update, options);
      if (written) return written;
      throw await conflict(db, id, version);
    },
    async remove(db, id, version, options) {
      if (!isValidObjectId(id)) throw notFound();
      const gone = await policy
        .model(db)
        .findOneAndDelete({ ...options?.where, _id: id, version })
        .lean<D & { outbox?: OutboxItem[] }>();
      if (!gone) throw await conflict(db, id, version);
      await appendAuditItems(db, [...(gone.outbox ?? []), ...(options?.outbox ?? [])]);
    },
  };
}
