/**
 * The admin's blocker decisions and a period's publications: a decision is one conditional
 * single-document write carrying its audit entry; a publication is one insert naming the
 * reviewed draft, carrying the durable `ranking.published` event and its audit entry (outbox).
 * Drafts are never changed, so every published version stays readable.
 */
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { z } from 'zod';
import {
  formatMessage,
  rankingEvents,
  type ConsolidationBlockerKind,
  type Locale,
  type BlockerDecisions,
  type ComparePublicationsParams,
  type DecideBlockerParams,
  type Publication,
  type PublicationDiff,
  type PublicationSummary,
  type PublishParams,
  type ListRankingAuditParams,
  type RankingAuditList,
} from '@par/contracts';
import {
  auditEntryView,
  conflictWith,
  outboxAudit,
  outboxEvent,
  PortalError,
  wakeOutboxRelay,
  withOutbox,
} from '@par/service-kit';
import {
  blockerDecisionsModel,
  type BlockerDecisionsDocument,
  type StoredBlockerDecision,
} from '../models/blocker-decision.model';
import {
  publicationId,
  publicationModel,
  type PublicationDocument,
} from '../models/publication.model';
import {
  decisionsOf,
  latestHeader,
  rowsOf,
  toConsolidation,
  type Actor,
} from '../consolidation/consolidations';
import { diffTables } from './publication-diff';

/** A blocker's kind as the message shows it ("chưa nộp tự đánh giá"). */
const kindLabel = (kind: ConsolidationBlockerKind, locale: Locale) =>
  formatMessage(`rankingBlocker.${kind}`, {}, locale);

const audit = (actor: Actor, record: Record<string, unknown>) =>
  outboxAudit({ at: new Date(), actor: actor.id, actorName: actor.username, ...record });

function decisionsView(doc: BlockerDecisionsDocument): BlockerDecisions {
  return {
    periodId: doc._id,
    version: doc.version,
    items: doc.items.map((d) => ({ ...d, at: d.at.toISOString() })),
  };
}

export async function listBlockerDecisions(db: Connection, periodId: string) {
  return decisionsView(await decisionsOf(db, periodId));
}

/**
 * Decides one blocker of the latest draft, at the decisions' version read (409 with the current
 * decisions when stale). A later consolidation applies it; publication waits for that draft.
 */
export async function decideBlocker(
  db: Connection,
  params: z.output<typeof DecideBlockerParams>,
  actor: Actor,
  locale: Locale,
): Promise<BlockerDecisions> {
  const header = await latestHeader(db, params.periodId);
  if (!header) throw new PortalError('E_NOT_FOUND', { key: 'ranking.consolidation.notFound' });
  const blocker = header.blockers.find(
    (b) => b.unitCode === params.unitCode && b.kind === params.kind,
  );
  if (!blocker)
    throw new PortalError('E_NOT_FOUND', {
      key: 'ranking.blocker.notFound',
      params: { unit: params.unitCode, kind: kindLabel(params.kind, locale) },
    });
  if (params.kind === 'noCriteriaSet' && params.decision === 'zero')
    throw new PortalError('E_VALIDATION', {
      key: 'ranking.decision.excludeOnly',
      params: { unit: params.unitCode },
      fields: [{ field: 'decision', key: 'ranking.decision.excludeOnly' }],
    });
  const Decisions = blockerDecisionsModel(db);
  const current = await decisionsOf(db, params.periodId);
  const stale = () =>
    conflictWith({ key: 'ranking.decision.stale', field: 'version' }, decisionsView(current));
  if (current.version !== params.version) throw stale();
  const before =
    current.items.find((d) => d.unitCode === params.unitCode && d.kind === params.kind) ?? null;
  const decision: StoredBlockerDecision = {
    unitCode: params.unitCode,
    kind: params.kind,
    decision: params.decision,
    reason: params.reason,
    at: new Date(),
    by: actor,
  };
  const items = [...current.items.filter((d) => d !== before), decision];
  const auditItem = audit(actor, {
    action: 'ranking.blocker.decided',
    target: `blocker:${params.periodId}/${params.unitCode}/${params.kind}`,
    periodId: params.periodId,
    before: before ? { decision: before.decision, reason: before.reason } : null,
    after: { decision: params.decision, reason: params.reason },
  });
  let written: BlockerDecisionsDocument | null = null;
  if (params.version === 0) {
    try {
      const doc: BlockerDecisionsDocument = {
        _id: params.periodId,
        items,
        version: 1,
        outbox: [auditItem],
      };
      await Decisions.insertMany([doc]);
      written = doc;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  } else {
    written = await Decisions.findOneAndUpdate(
      { _id: params.periodId, version: params.version },
      withOutbox<BlockerDecisionsDocument>({ $set: { items }, $inc: { version: 1 } }, [auditItem]),
      { returnDocument: 'after' },
    ).lean<BlockerDecisionsDocument>();
  }
  if (!written) {
    const now = await decisionsOf(db, params.periodId);
    throw conflictWith({ key: 'ranking.decision.stale', field: 'version' }, decisionsView(now));
  }
  await wakeOutboxRelay(db, Decisions, params.periodId);
  return decisionsView({ ...written, items: written.items });
}

async function publicationsOf(db: Connection, periodId: string) {
  return publicationModel(db)
    .find({ periodId }, { outbox: 0 })
    .sort({ number: 1 })
    .lean<PublicationDocument[]>();
}

function summaryOf(doc: PublicationDocument, last: number): PublicationSummary {
  return {
    periodId: doc.periodId,
    indexCode: doc.indexCode,
    year: doc.year,
    number: doc.number,
    consolidationVersion: doc.consolidationVersion,
    reason: doc.reason,
    publishedAt: doc.publishedAt.toISOString(),
    publishedBy: doc.publishedBy,
    superseded: doc.number < last,
  };
}

/**
 * Publishes a reviewed draft: refused while any of its blockers is undecided, when the decisions
 * changed since it was made, or (republishing) without a reason or with the draft already out.
 */
export async function publishConsolidation(
  db: Connection,
  params: z.output<typeof PublishParams>,
  actor: Actor,
  locale: Locale,
): Promise<PublicationSummary> {
  const header = await latestHeader(db, params.periodId, params.consolidationVersion);
  if (!header) throw new PortalError('E_NOT_FOUND', { key: 'ranking.consolidation.notFound' });
  const draft = toConsolidation(header, []);
  const undecided = draft.blockers.filter((b) => b.decision === null);
  if (undecided.length > 0)
    throw new PortalError('E_CONFLICT', {
      key: 'ranking.publication.blocked',
      params: {
        count: undecided.length,
        unit: undecided[0]!.unitCode,
        kind: kindLabel(undecided[0]!.kind, locale),
      },
      current: { undecided },
    });
  const decisions = await decisionsOf(db, params.periodId);
  if (decisions.version !== draft.decisionsVersion)
    throw new PortalError('E_CONFLICT', {
      key: 'ranking.publication.staleDecisions',
      params: { version: draft.version },
    });
  const published = await publicationsOf(db, params.periodId);
  const last = published.at(-1);
  if (last && params.reason.length < 5)
    throw new PortalError('E_VALIDATION', {
      key: 'ranking.publication.reason',
      fields: [{ field: 'reason', key: 'ranking.publication.reason' }],
    });
  if (last?.consolidationVersion === draft.version)
    throw new PortalError('E_CONFLICT', {
      key: 'ranking.publication.same',
      params: { version: draft.version },
    });
  const number = (last?.number ?? 0) + 1;
  const now = new Date();
  const _id = publicationId(params.periodId, number);
  const payload = {
    eventId: randomUUID(),
    periodId: params.periodId,
    indexCode: draft.indexCode,
    year: draft.year,
    number,
    consolidationVersion: draft.version,
    reason: params.reason,
    at: now.toISOString(),
  };
  const doc: PublicationDocument = {
    _id,
    periodId: params.periodId,
    indexCode: draft.indexCode,
    year: draft.year,
    number,
    consolidationVersion: draft.version,
    reason: params.reason,
    publishedAt: now,
    publishedBy: actor,
  };
  const Publications = publicationModel(db);
  try {
    // One insert: the publication, its durable event and its audit entry.
    await Publications.create({
      ...doc,
      outbox: [
        outboxEvent(rankingEvents.published.name, payload, payload.eventId),
        audit(actor, {
          action: number === 1 ? 'ranking.published' : 'ranking.republished',
          target: `publication:${_id}`,
          periodId: params.periodId,
          before: last
            ? { number: last.number, consolidationVersion: last.consolidationVersion }
            : null,
          after: { number, consolidationVersion: draft.version, reason: params.reason },
        }),
      ],
    });
  } catch (err) {
    if ((err as { code?: number }).code === 11000)
      throw new PortalError('E_CONFLICT', { key: 'ranking.publication.busy' });
    throw err;
  }
  await wakeOutboxRelay(db, Publications, _id);
  return summaryOf(doc, number);
}

export async function listPublications(db: Connection, periodId: string) {
  const docs = await publicationsOf(db, periodId);
  const last = docs.at(-1)?.number ?? 0;
  return { items: docs.map((d) => summaryOf(d, last)) };
}

export async function publicationOrNotFound(db: Connection, periodId: string, number: number) {
  const docs = await publicationsOf(db, periodId);
  const doc = docs.find((d) => d.number === number);
  if (!doc)
    throw new PortalError('E_NOT_FOUND', {
      key: 'ranking.publication.notFound',
      params: { number },
    });
  const header = await latestHeader(db, periodId, doc.consolidationVersion);
  if (!header) throw new PortalError('E_NOT_FOUND', { key: 'ranking.consolidation.notFound' });
  return { doc, header, last: docs.at(-1)!.number };
}

export async function getPublication(
  db: Connection,
  params: { periodId: string; number: number; unitCode?: string },
): Promise<Publication> {
  const { doc, header, last } = await publicationOrNotFound(db, params.periodId, params.number);
  const rows = await rowsOf(db, params.periodId, header.version);
  return {
    ...summaryOf(doc, last),
    consolidation: toConsolidation(header, rows, params.unitCode),
  };
}

export async function comparePublications(
  db: Connection,
  params: z.output<typeof ComparePublicationsParams>,
): Promise<PublicationDiff> {
  const against = params.against ?? params.number - 1;
  const [to, from] = await Promise.all([
    publicationOrNotFound(db, params.periodId, params.number),
    publicationOrNotFound(db, params.periodId, against),
  ]);
  const [after, before] = await Promise.all([
    rowsOf(db, params.periodId, to.header.version),
    rowsOf(db, params.periodId, from.header.version),
  ]);
  return {
    periodId: params.periodId,
    from: against,
    to: params.number,
    ...diffTables(
      before.map((r) => r.row),
      after.map((r) => r.row),
    ),
  };
}

interface StoredAuditEntry {
  _id: unknown;
  at: Date;
  actor: string;
  actorName?: string | null;
  action: string;
  target: string;
  periodId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The entries the outbox relay appended for the period's decisions and publications. */
export async function listRankingAudit(
  db: Connection,
  params: z.output<typeof ListRankingAuditParams>,
): Promise<RankingAuditList> {
  const entries = db.collection<StoredAuditEntry>('auditEntries');
  const filter = { periodId: params.periodId };
  const [docs, total] = await Promise.all([
    entries
      .find(filter)
      .sort({ at: -1, _id: -1 })
      .skip(params.offset)
      .limit(params.limit)
      .toArray(),
    entries.countDocuments(filter),
  ]);
  return {
    items: docs.map(auditEntryView),
    total,
  };
}
