/**
 * Indices and criteria sets in the database: create, list, read, save (optimistic version),
 * clone, new version, delete, diff and export. A set that is not a draft never changes here.
 */
import { isValidObjectId, Types, type Connection } from 'mongoose';
import type { z } from 'zod';
import {
  CriterionNode,
  CreateCriteriaSetParams,
  CreateIndexParams,
  type CriteriaSet,
  type CriteriaSetDiff,
  type CriteriaSetExport,
  type CriteriaSetList,
  type CriteriaSetSummary,
  type CriterionNode as CriterionNodeValue,
  type Index,
  type IndexList,
  ListCriteriaSetsParams,
  type Locale,
  SaveCriteriaSetParams,
  type CriteriaSetView,
  ValidateCriteriaSetParams,
} from '@par/contracts';
import { validateCriteriaNodes, type LinkTargets } from '@par/scoring';
import {
  fieldError,
  PortalError,
  versionedDocuments,
  wakeOutboxRelay,
  type VersionMessage,
} from '@par/service-kit';
import { auditItems, type AuditActor } from '../models/audit-entry.model';
import { criteriaSetModel, type CriteriaSetDocument } from '../models/criteria-set.model';
import { indexModel, type IndexDocument } from '../models/index.model';
import {
  criteriaSetCreatedRecord,
  criteriaSetDeletedRecord,
  criteriaSetSavedRecord,
  indexCreatedRecord,
  type CriteriaSetOrigin,
  type CriteriaSetSaveOrigin,
} from './criteria-set-audit';
import { diffCriteriaNodes } from './criteria-diff';
import { periodsUsingCriteriaSet } from '../periods/period-references';
import { writeCriteriaCsv, writeCriteriaJson, writeCriteriaXlsx } from './criteria-sheet-writer';

const toIndex = (doc: IndexDocument): Index => ({
  code: doc.code,
  name: doc.name,
  description: doc.description ?? null,
});

export async function listIndices(db: Connection): Promise<IndexList> {
  const docs = await indexModel(db).find().sort({ code: 1 }).lean<IndexDocument[]>();
  return { items: docs.map(toIndex) };
}

export async function createIndex(
  db: Connection,
  params: z.output<typeof CreateIndexParams>,
  actor: AuditActor,
): Promise<Index> {
  // init() resolves once the unique index exists, so duplicates cannot slip in at start-up.
  await indexModel(db).init();
  try {
    const index = toIndex({ ...params, description: params.description ?? null } as IndexDocument);
    const doc = await indexModel(db).create({
      ...params,
      outbox: auditItems(actor, indexCreatedRecord(index)),
    });
    await wakeOutboxRelay(db, indexModel(db), doc._id);
    return toIndex(doc.toObject() as IndexDocument);
  } catch (err) {
    // The unique index decides, so two admins racing for one code cannot both win.
    if ((err as { code?: number }).code === 11000) {
      throw fieldError('E_CONFLICT', 'code', 'index.code.taken', { code: params.code });
    }
    throw err;
  }
}

async function requireIndex(db: Connection, code: string, field = 'indexCode'): Promise<void> {
  if ((await indexModel(db).exists({ code })) === null) {
    throw fieldError('E_VALIDATION', field, 'index.notFound', { code });
  }
}

/** Nodes as stored, re-read through the schema so key order (and so exports) never drift. */
function nodesOf(doc: CriteriaSetDocument): CriterionNodeValue[] {
  return doc.nodes.map((node) => CriterionNode.parse(node));
}

export function toSummary(doc: CriteriaSetDocument): CriteriaSetSummary {
  return {
    id: doc._id.toHexString(),
    indexCode: doc.indexCode,
    year: doc.year,
    unitGroup: doc.unitGroup,
    name: doc.name,
    version: doc.version,
    edition: doc.edition,
    status: doc.status,
    valid: doc.valid,
    totalMax: doc.totalMax,
    leafCount: doc.leafCount,
    updatedAt: doc.updatedAt.toISOString(),
  };
}

/**
 * The criteria the linked rules of `nodes` may point at: every code in the named indices' sets
 * of `year` (any unit group or status, since the target set may still be a draft at set-up).
 */
export async function loadLinkTargets(
  db: Connection,
  nodes: readonly CriterionNodeValue[],
  year: number,
): Promise<LinkTargets> {
  const indices = [
    ...new Set(nodes.flatMap((n) => (n.rule?.type === 'linked' ? [n.rule.indexCode] : []))),
  ];
  const codes = new Map<string, Set<string>>();
  if (indices.length > 0) {
    const docs = await criteriaSetModel(db)
      .find({ indexCode: { $in: indices }, year }, { indexCode: 1, nodes: 1 })
      .lean<Pick<CriteriaSetDocument, 'indexCode' | 'nodes'>[]>();
    for (const doc of docs) {
      const known = codes.get(doc.indexCode) ?? new Set<string>();
      for (const node of doc.nodes) known.add(node.code);
      codes.set(doc.indexCode, known);
    }
  }
  return { year, codes };
}

/** A stored set as the API returns it, its links checked against today's sets. */
export async function readCriteriaSet(
  db: Connection,
  doc: CriteriaSetDocument,
  locale: Locale,
): Promise<CriteriaSet> {
  return toCriteriaSet(doc, locale, await loadLinkTargets(db, doc.nodes, doc.year));
}

function toCriteriaSet(doc: CriteriaSetDocument, locale: Locale, links: LinkTargets): CriteriaSet {
  const nodes = nodesOf(doc);
  return {
    ...toSummary(doc),
    description: doc.description ?? null,
    basedOnId: doc.basedOnId ? doc.basedOnId.toHexString() : null,
    templateKey: doc.templateKey ?? null,
    createdAt: doc.createdAt.toISOString(),
    nodes,
    view: validateCriteriaNodes(nodes, locale, doc.indexCode, links),
  };
}

/** The stored figures of a node list: what lists and periods read without recomputing. */
function figures(nodes: readonly CriterionNodeValue[], indexCode: string, links: LinkTargets) {
  const view = validateCriteriaNodes(nodes, 'vi', indexCode, links);
  return { valid: view.valid, totalMax: view.totalMax, leafCount: view.leafCount };
}

/** The editor's live check: links are checked only when the set's year is known. */
export async function validateUnsavedNodes(
  db: Connection,
  params: z.output<typeof ValidateCriteriaSetParams>,
  locale: Locale,
): Promise<CriteriaSetView> {
  const links =
    params.year === undefined ? undefined : await loadLinkTargets(db, params.nodes, params.year);
  return validateCriteriaNodes(params.nodes, locale, params.indexCode, links);
}

export async function findCriteriaSet(db: Connection, id: string): Promise<CriteriaSetDocument> {
  const doc = isValidObjectId(id)
    ? await criteriaSetModel(db).findById(id).lean<CriteriaSetDocument>()
    : null;
  if (!doc) throw fieldError('E_NOT_FOUND', 'id', 'criteriaSet.notFound');
  return doc;
}

export async function getCriteriaSet(
  db: Connection,
  id: string,
  locale: Locale,
): Promise<CriteriaSet> {
  return readCriteriaSet(db, await findCriteriaSet(db, id), locale);
}

export async function listCriteriaSets(
  db: Connection,
  params: z.output<typeof ListCriteriaSetsParams>,
): Promise<CriteriaSetList> {
  const filter: Record<string, unknown> = {};
  if (params.indexCode) filter.indexCode = params.indexCode;
  if (params.year) filter.year = params.year;
  if (params.unitGroup) filter.unitGroup = params.unitGroup;
  if (params.status) filter.status = params.status;
  const Sets = criteriaSetModel(db);
  const [docs, total] = await Promise.all([
    Sets.find(filter, { nodes: 0 })
      .sort({ year: -1, indexCode: 1, unitGroup: 1, edition: -1 })
      .skip(params.offset)
      .limit(params.limit)
      .lean<CriteriaSetDocument[]>(),
    Sets.countDocuments(filter),
  ]);
  return { items: docs.map(toSummary), total };
}

interface NewSet {
  indexCode: string;
  year: number;
  unitGroup: string;
  name: string;
  description: string | null;
  nodes: CriterionNodeValue[];
  basedOnId?: Types.ObjectId | null;
  templateKey?: string | null;
}

/**
 * Inserts a draft with the next edition of its index × year × unit group, and audits it. The
 * unique index settles a race between two admins; the loser takes the next number.
 */
export async function insertCriteriaSet(
  db: Connection,
  set: NewSet,
  actor: AuditActor,
  origin: CriteriaSetOrigin,
): Promise<CriteriaSetDocument> {
  await requireIndex(db, set.indexCode);
  const links = await loadLinkTargets(db, set.nodes, set.year);
  const Sets = criteriaSetModel(db);
  await Sets.init();
  for (let attempt = 0; ; attempt++) {
    const latest = await Sets.findOne(
      { indexCode: set.indexCode, year: set.year, unitGroup: set.unitGroup },
      { edition: 1 },
    )
      .sort({ edition: -1 })
      .lean<Pick<CriteriaSetDocument, 'edition'>>();
    try {
      const fields = {
        ...set,
        _id: new Types.ObjectId(),
        description: set.description ?? null,
        basedOnId: set.basedOnId ?? null,
        templateKey: set.templateKey ?? null,
        edition: (latest?.edition ?? 0) + 1,
        status: 'draft' as const,
        version: 1,
        ...figures(set.nodes, set.indexCode, links),
      };
      const doc = await Sets.create({
        ...fields,
        outbox: auditItems(actor, criteriaSetCreatedRecord(fields, origin)),
      });
      await wakeOutboxRelay(db, Sets, doc._id);
      return doc.toObject() as CriteriaSetDocument;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000 || attempt >= 3) throw err;
    }
  }
}

export async function createCriteriaSet(
  db: Connection,
  params: z.output<typeof CreateCriteriaSetParams>,
  locale: Locale,
  actor: AuditActor,
): Promise<CriteriaSet> {
  const doc = await insertCriteriaSet(
    db,
    { ...params, description: params.description ?? null },
    actor,
    { kind: 'empty' },
  );
  return readCriteriaSet(db, doc, locale);
}

/** Only a draft changes: a set in use or retired is refused before its version is looked at. */
function draftOnly(doc: CriteriaSetDocument): VersionMessage | null {
  if (doc.status === 'inUse') return { key: 'criteriaSet.inUse', params: { name: doc.name } };
  if (doc.status === 'retired') return { key: 'criteriaSet.retired', params: { name: doc.name } };
  return null;
}

/** Drafts are saved at the version the editor read; a 409 carries the set as it is now. */
export const versionedSets = (db: Connection, locale: Locale) =>
  versionedDocuments({
    model: criteriaSetModel,
    toCurrent: (doc: CriteriaSetDocument) => readCriteriaSet(db, doc, locale),
    stale: (doc) => ({ key: 'criteriaSet.changed', params: { version: doc.version } }),
    notFound: { key: 'criteriaSet.notFound', field: 'id' },
    refuse: draftOnly,
  });

/**
 * Replaces a draft's nodes if nobody saved since `version` was read; otherwise 409 with the
 * current set, so the editor can show it instead of overwriting someone's work.
 */
export async function saveCriteriaSet(
  db: Connection,
  params: z.output<typeof SaveCriteriaSetParams>,
  locale: Locale,
  actor: AuditActor,
  origin: CriteriaSetSaveOrigin = { kind: 'editor' },
): Promise<CriteriaSet> {
  const sets = versionedSets(db, locale);
  const doc = await sets.findAt(db, params.id, params.version);
  const links = await loadLinkTargets(db, params.nodes, doc.year);
  const set: Record<string, unknown> = {
    nodes: params.nodes,
    ...figures(params.nodes, doc.indexCode, links),
  };
  if (params.name !== undefined) set.name = params.name;
  if (params.description !== undefined) set.description = params.description;
  // `doc` is the version this save replaces: the conditional update matches it unchanged.
  const planned = { ...doc, ...set, nodes: params.nodes, version: doc.version + 1 };
  const updated = await sets.write(
    db,
    doc._id,
    doc.version,
    { $set: set },
    {
      where: { status: 'draft' },
      outbox: auditItems(
        actor,
        criteriaSetSavedRecord({ ...doc, nodes: nodesOf(doc) }, planned, origin),
      ),
    },
  );
  return toCriteriaSet(updated, locale, links);
}

export async function replaceCriteriaSetNodes(
  db: Connection,
  id: string,
  version: number,
  nodes: CriterionNodeValue[],
  locale: Locale,
  actor: AuditActor,
  fileName: string,
): Promise<CriteriaSet> {
  return saveCriteriaSet(db, { id, version, description: undefined, nodes }, locale, actor, {
    kind: 'import',
    fileName,
  });
}

export async function deleteCriteriaSet(
  db: Connection,
  params: { id: string; version: number },
  locale: Locale,
  actor: AuditActor,
): Promise<{ id: string }> {
  const sets = versionedSets(db, locale);
  const doc = await sets.findAt(db, params.id, params.version);
  await refuseIfUsedByPeriods(db, doc);
  // A deleted set leaves no document to carry an outbox: the removal appends its entry.
  try {
    await sets.remove(db, doc._id, doc.version, {
      // A period that chose the set since the check above has bumped its claims
      // (`claimCriteriaSets`): then nothing is deleted. Sets from before claims have none.
      where: {
        status: 'draft',
        periodClaims: doc.periodClaims ? doc.periodClaims : { $in: [0, null] },
      },
      outbox: auditItems(actor, criteriaSetDeletedRecord(doc)),
    });
  } catch (err) {
    // Most likely that period: name it rather than answer "someone saved the set".
    await refuseIfUsedByPeriods(db, doc);
    throw err;
  }
  return { id: params.id };
}

/** 409 naming every period (in any phase) that chooses the set. */
async function refuseIfUsedByPeriods(db: Connection, doc: CriteriaSetDocument): Promise<void> {
  const periods = await periodsUsingCriteriaSet(db, doc._id.toHexString());
  if (periods.length === 0) return;
  throw new PortalError('E_CONFLICT', {
    key: 'criteriaSet.usedByPeriods',
    params: {
      name: doc.name,
      periods: periods.map((period) => `«${period.name}» (${period.year})`).join(', '),
    },
  });
}

export async function cloneCriteriaSet(
  db: Connection,
  params: { id: string; year: number; unitGroup: string; name?: string },
  locale: Locale,
  actor: AuditActor,
): Promise<CriteriaSet> {
  const source = await findCriteriaSet(db, params.id);
  const name = params.name ?? source.name.replace(String(source.year), String(params.year));
  const doc = await insertCriteriaSet(
    db,
    {
      indexCode: source.indexCode,
      year: params.year,
      unitGroup: params.unitGroup,
      name,
      description: source.description ?? null,
      nodes: nodesOf(source),
      basedOnId: source._id,
    },
    actor,
    { kind: 'clone', basedOnId: params.id },
  );
  return readCriteriaSet(db, doc, locale);
}

export async function createCriteriaSetVersion(
  db: Connection,
  id: string,
  locale: Locale,
  actor: AuditActor,
): Promise<CriteriaSet> {
  const source = await findCriteriaSet(db, id);
  if (source.status === 'draft') {
    throw fieldError('E_CONFLICT', 'id', 'criteriaSet.newVersion.isDraft');
  }
  const newerDraft = await criteriaSetModel(db)
    .findOne({
      indexCode: source.indexCode,
      year: source.year,
      unitGroup: source.unitGroup,
      status: 'draft',
      edition: { $gt: source.edition },
    })
    .lean<CriteriaSetDocument>();
  if (newerDraft) {
    throw new PortalError('E_CONFLICT', {
      key: 'criteriaSet.newVersion.exists',
      params: { edition: newerDraft.edition },
      fields: [{ field: 'id', key: 'criteriaSet.newVersion.exists' }],
    });
  }
  const doc = await insertCriteriaSet(
    db,
    {
      indexCode: source.indexCode,
      year: source.year,
      unitGroup: source.unitGroup,
      name: source.name,
      description: source.description ?? null,
      nodes: nodesOf(source),
      basedOnId: source._id,
    },
    actor,
    { kind: 'newVersion', basedOnId: id },
  );
  return readCriteriaSet(db, doc, locale);
}

export async function diffCriteriaSets(
  db: Connection,
  params: { id: string; baseId: string },
): Promise<CriteriaSetDiff> {
  const [target, base] = await Promise.all([
    findCriteriaSet(db, params.id),
    findCriteriaSet(db, params.baseId),
  ]);
  return {
    base: toSummary(base),
    target: toSummary(target),
    ...diffCriteriaNodes(nodesOf(base), nodesOf(target)),
  };
}

const mimeTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
} as const;

export async function exportCriteriaSet(
  db: Connection,
  params: { id: string; format: 'csv' | 'xlsx' | 'json' },
): Promise<CriteriaSetExport> {
  const doc = await findCriteriaSet(db, params.id);
  const nodes = nodesOf(doc);
  const content =
    params.format === 'csv'
      ? writeCriteriaCsv(nodes)
      : params.format === 'xlsx'
        ? await writeCriteriaXlsx(nodes)
        : writeCriteriaJson(
            {
              indexCode: doc.indexCode,
              year: doc.year,
              unitGroup: doc.unitGroup,
              name: doc.name,
              description: doc.description ?? null,
            },
            nodes,
          );
  const slug = slugify(`${doc.indexCode}-${doc.year}-${doc.unitGroup}-v${doc.edition}`);
  return {
    fileName: `bo-tieu-chi-${slug}.${params.format}`,
    mimeType: mimeTypes[params.format],
    contentBase64: content.toString('base64'),
    nodeCount: nodes.length,
  };
}

/** "Sở, ngành" → "so-nganh": ASCII file names survive every browser and mail client. */
function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}
