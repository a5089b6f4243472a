/**
 * Units one at a time: create, list (now or as of a year), read with history, correct, rename
 * and deactivate. The rules a unit must follow live here and in `unit-lifecycle-rules.ts`,
 * not in the service file. Units are never deleted: past periods must keep showing them.
 */
import { isValidObjectId, Types, type Connection } from 'mongoose';
import type { z } from 'zod';
import type {
  PublicUnitList,
  AuthUser,
  CreateUnitParams,
  DeactivateUnitParams,
  ListUnitsParams,
  Locale,
  OwnUnitResult,
  RenameUnitParams,
  Unit,
  UnitDetail,
  UnitLink,
  UnitList,
  UnitName,
  UpdateUnitParams,
} from '@par/contracts';
import { accountsEvents, formatMessage } from '@par/contracts';
import {
  fieldError,
  outboxEvent,
  PortalError,
  versionedDocuments,
  wakeOutboxRelay,
} from '@par/service-kit';
import { auditItems } from '../models/audit-entry.model';
import { unitModel, type UnitDocument, type UnitLinkEntry } from '../models/unit.model';
import {
  currentYear,
  endingViolation,
  entryIn,
  isActiveIn,
  listForMessage,
  parentCycle,
  withEntryFrom,
  type RuleViolation,
} from './unit-lifecycle-rules';

type ParsedCreateUnit = z.output<typeof CreateUnitParams>;

/** The names of a unit, oldest first; a unit from before the history has just its one name. */
export function namesOf(doc: UnitDocument): UnitName[] {
  return doc.names?.length
    ? doc.names.map((n) => ({
        fromYear: n.fromYear ?? null,
        name: n.name,
        shortName: n.shortName ?? null,
      }))
    : [{ fromYear: null, name: doc.name, shortName: doc.shortName ?? null }];
}

export function parentsOf(
  doc: UnitDocument,
): Array<{ fromYear: number | null; parentId: string | null }> {
  return doc.parents?.length
    ? doc.parents.map((p) => ({
        fromYear: p.fromYear ?? null,
        parentId: p.parentId?.toHexString() ?? null,
      }))
    : [{ fromYear: null, parentId: doc.parentId?.toHexString() ?? null }];
}

const yearsOf = (doc: UnitDocument) => ({
  activeFrom: doc.activeFrom ?? null,
  activeTo: doc.activeTo ?? null,
});

const toLink = (link: UnitLinkEntry): UnitLink => ({
  unitId: link.unitId.toHexString(),
  code: link.code,
  kind: link.kind,
  year: link.year,
});

/** The unit as it was in `year` (this year unless said): that year's name, parent and state. */
export function toUnit(doc: UnitDocument, year: number = currentYear()): Unit {
  const names = namesOf(doc);
  const name = entryIn(names, year);
  return {
    id: doc._id.toHexString(),
    code: doc.code,
    name: name.name,
    shortName: name.shortName,
    kind: doc.kind as Unit['kind'],
    parentId: entryIn(parentsOf(doc), year).parentId,
    unitGroup: doc.unitGroup ?? null,
    ...yearsOf(doc),
    active: isActiveIn(yearsOf(doc), year),
    deactivationReason: doc.deactivationReason ?? null,
    names,
    predecessors: (doc.predecessors ?? []).map(toLink),
    successors: (doc.successors ?? []).map(toLink),
    version: doc.version,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

/** The fields a new unit is stored with, history included, so that it never needs a fallback. */
export function newUnitFields(params: ParsedCreateUnit, extra: Partial<UnitDocument> = {}) {
  const parentId = params.parentId ? new Types.ObjectId(params.parentId) : null;
  return {
    code: params.code,
    name: params.name,
    shortName: params.shortName,
    kind: params.kind,
    parentId,
    unitGroup: params.unitGroup,
    activeFrom: params.activeFrom ?? null,
    activeTo: null,
    // The first entries start with the unit, so its history reads "from 2025", not "always".
    names: [
      { fromYear: params.activeFrom ?? null, name: params.name, shortName: params.shortName },
    ],
    parents: [{ fromYear: params.activeFrom ?? null, parentId }],
    ...extra,
  };
}

/**
 * Refuses with every violation at once. Each field's text is rendered here because the
 * catalogue's parameters are per error, and two refused units must each be named on their row.
 */
export function throwViolations(violations: RuleViolation[], locale: Locale = 'vi'): void {
  const first = violations[0];
  if (!first) return;
  throw new PortalError('E_VALIDATION', {
    key: first.key,
    params: first.params,
    fields: violations.map((v) => ({
      field: v.field,
      message: formatMessage(v.key, v.params, locale),
    })),
  });
}

/**
 * Checks a parent for a unit that starts or stays active now: it exists and is still active.
 * `year` is the first year the unit sits under it.
 */
export async function checkParent(
  db: Connection,
  parentId: string | null,
  year: number,
  field = 'parentId',
): Promise<UnitDocument | null> {
  if (!parentId) return null;
  const parent = isValidObjectId(parentId)
    ? await unitModel(db).findById(parentId).lean<UnitDocument>()
    : null;
  if (!parent) throw fieldError('E_VALIDATION', field, 'unit.parent.notFound');
  const activeTo = parent.activeTo ?? null;
  if (activeTo !== null && activeTo < year) {
    throw fieldError('E_VALIDATION', field, 'unit.parent.inactive', {
      code: parent.code,
      year: activeTo + 1,
    });
  }
  return parent;
}

export async function createUnit(
  db: Connection,
  params: ParsedCreateUnit,
  by: AuthUser,
): Promise<Unit> {
  const Units = unitModel(db);
  await checkParent(db, params.parentId, params.activeFrom ?? currentYear());
  const now = new Date();
  const fields = { _id: new Types.ObjectId(), ...newUnitFields(params), version: 0 };
  const planned = toUnit({ ...fields, createdAt: now, updatedAt: now });
  let doc: UnitDocument;
  try {
    const outbox = [
      ...auditItems(by, {
        action: 'unit.created',
        target: `unit:${planned.id}`,
        before: null,
        after: planned,
        units: [planned.code],
      }),
      outboxEvent(accountsEvents.unitCreated.name, { unit: planned, by: by.id }),
    ];
    doc = (await Units.create({ ...fields, outbox })).toObject() as UnitDocument;
  } catch (err) {
    // The unique index decides, so two admins racing for one code cannot both win.
    if ((err as { code?: number }).code === 11000) {
      throw fieldError('E_CONFLICT', 'code', 'unit.code.taken', { code: params.code });
    }
    throw err;
  }
  await wakeOutboxRelay(db, Units, doc._id);
  return toUnit(doc);
}

/** Matches units active in `year`; absent ends are open, as `null` in a query also matches absent. */
export function activeInFilter(year: number) {
  return {
    $and: [
      { $or: [{ activeFrom: null }, { activeFrom: { $lte: year } }] },
      { $or: [{ activeTo: null }, { activeTo: { $gte: year } }] },
    ],
  };
}

export async function listUnits(
  db: Connection,
  params: z.output<typeof ListUnitsParams>,
): Promise<UnitList> {
  const Units = unitModel(db);
  const year = params.year ?? currentYear();
  const includeInactive = params.includeInactive ?? params.year === undefined;
  const conditions: object[] = [];
  if (params.q) {
    const text = containing(params.q);
    conditions.push({ $or: [{ code: text }, { name: text }, { 'names.name': text }] });
  }
  if (params.unitGroup) conditions.push({ unitGroup: params.unitGroup });
  if (!includeInactive) conditions.push(activeInFilter(year));
  const filter = conditions.length ? { $and: conditions } : {};
  const [docs, total] = await Promise.all([
    Units.find(filter)
      .sort({ code: 1 })
      .skip(params.offset)
      .limit(params.limit)
      .lean<UnitDocument[]>(),
    Units.countDocuments(filter),
  ]);
  return { items: docs.map((doc) => toUnit(doc, year)), total };
}

/**
 * Units are written at the version the admin saw: a stale save or a lost race is a 409 carrying
 * the unit as it is now.
 */
export const versionedUnits = versionedDocuments({
  model: unitModel,
  toCurrent: (doc: UnitDocument) => toUnit(doc),
  stale: (doc) => ({ key: 'unit.version.stale', params: { code: doc.code, version: doc.version } }),
  notFound: { key: 'unit.notFound' },
});

const findUnit = (db: Connection, id: string) => versionedUnits.find(db, id);

/**
 * Writes one change of a unit at the version the admin saw, with its audit entry and its
 * `accounts.unit.changed` event in the same update. The entry's `after` is the unit as the
 * update makes it (`$set` only), worked out before the write so that it can travel with it.
 */
async function changeUnit(
  db: Connection,
  doc: UnitDocument,
  $set: Partial<UnitDocument>,
  change: {
    action: 'updated' | 'renamed' | 'deactivated';
    by: AuthUser;
    /** Extra facts of the audit entry's `after`, e.g. the year of a rename. */
    note?: Record<string, unknown>;
  },
): Promise<Unit> {
  const after = toUnit({ ...doc, ...$set, version: doc.version + 1, updatedAt: new Date() });
  const updated = await versionedUnits.write(
    db,
    doc._id,
    doc.version,
    { $set },
    {
      outbox: [
        ...auditItems(change.by, {
          action: `unit.${change.action}`,
          target: `unit:${after.id}`,
          before: toUnit(doc),
          after: { ...after, ...change.note },
          units: [after.code],
        }),
        outboxEvent(accountsEvents.unitChanged.name, {
          action: change.action,
          unit: after,
          by: change.by.id,
        }),
      ],
    },
  );
  return toUnit(updated);
}

/** The units now under `id` that are active in `year`, for "end the children first". */
export async function activeChildren(
  db: Connection,
  id: Types.ObjectId,
  year: number,
): Promise<UnitDocument[]> {
  return unitModel(db)
    .find({ parentId: id, ...activeInFilter(year) })
    .sort({ code: 1 })
    .lean<UnitDocument[]>();
}

export function childrenViolation(
  unit: UnitDocument,
  children: UnitDocument[],
  field: string,
): RuleViolation | null {
  if (!children.length) return null;
  return {
    field,
    key: 'unit.children.active',
    params: { code: unit.code, children: listForMessage(children) },
  };
}

export async function getUnit(db: Connection, id: string): Promise<UnitDetail> {
  const doc = await findUnit(db, id);
  const unit = toUnit(doc);
  const links = [...(doc.predecessors ?? []), ...(doc.successors ?? [])];
  const Units = unitModel(db);
  const [linked, children] = await Promise.all([
    Units.find({ _id: { $in: links.map((l) => l.unitId) } }).lean<UnitDocument[]>(),
    Units.find({ parentId: doc._id }).sort({ code: 1 }).lean<UnitDocument[]>(),
  ]);
  const byId = new Map(linked.map((u) => [u._id.toHexString(), u]));
  // A predecessor is named as it was in its last year, a successor as it was in its first.
  const detail = (link: UnitLinkEntry, nameYear: number) => {
    const other = byId.get(link.unitId.toHexString());
    return {
      ...toLink(link),
      name: other ? entryIn(namesOf(other), nameYear).name : link.code,
    };
  };
  const year = currentYear();
  return {
    ...unit,
    predecessors: (doc.predecessors ?? []).map((l) => detail(l, l.year - 1)),
    successors: (doc.successors ?? []).map((l) => detail(l, l.year)),
    children: children.map((c) => ({
      id: c._id.toHexString(),
      code: c.code,
      name: entryIn(namesOf(c), year).name,
      active: isActiveIn(yearsOf(c), year),
    })),
  };
}

/**
 * The caller's own unit from the verified token's claim, never from a parameter, so nobody can
 * read another unit through it. A claim naming no unit is the account's fault, said as such.
 */
/** The units active now, by name, as anyone may see them (`accounts.listPublicUnits`). */
export async function listPublicUnits(db: Connection): Promise<PublicUnitList> {
  const docs = await unitModel(db)
    .find(activeInFilter(currentYear()))
    .sort({ code: 1 })
    .limit(10_000)
    .lean<UnitDocument[]>();
  const items = docs.map((doc) => {
    const unit = toUnit(doc);
    return { code: unit.code, name: unit.name, shortName: unit.shortName };
  });
  return { items: items.sort((a, b) => a.name.localeCompare(b.name, 'vi')) };
}

export async function getOwnUnit(db: Connection, by: AuthUser): Promise<OwnUnitResult> {
  if (!by.unit) return { unit: null };
  // Codes are stored upper-cased; a claim typed by hand in Keycloak's console may not be.
  const code = by.unit.trim().toUpperCase();
  const doc = await unitModel(db).findOne({ code }).lean<UnitDocument>();
  if (!doc) throw new PortalError('E_NOT_FOUND', { key: 'unit.own.notFound', params: { code } });
  const unit = toUnit(doc);
  return {
    unit: { code: unit.code, name: unit.name, shortName: unit.shortName, kind: unit.kind },
  };
}

export async function updateUnit(
  db: Connection,
  params: z.output<typeof UpdateUnitParams>,
  by: AuthUser,
): Promise<Unit> {
  const doc = await versionedUnits.findAt(db, params.id, params.version);
  const year = params.parentFromYear ?? currentYear();
  const parentNow = doc.parentId?.toHexString() ?? null;
  let parents = parentsOf(doc);
  if (params.parentId !== parentNow) {
    if (params.parentId === params.id) {
      throw fieldError('E_VALIDATION', 'parentId', 'unit.parent.self');
    }
    const parent = await checkParent(db, params.parentId, year);
    const all = await unitModel(db).find({}, { code: 1, parentId: 1 }).lean<UnitDocument[]>();
    const parentOf = new Map(
      all.map((u) => [u._id.toHexString(), u.parentId?.toHexString() ?? null]),
    );
    const loop = parentCycle(params.id, params.parentId, parentOf);
    if (loop && parent) {
      const codeOf = new Map(all.map((u) => [u._id.toHexString(), u.code]));
      throw fieldError('E_VALIDATION', 'parentId', 'unit.parent.cycle', {
        parent: parent.code,
        path: loop.map((id) => codeOf.get(id) ?? id).join(' → '),
      });
    }
    if (params.parentFromYear === undefined) {
      parents = [
        ...parents.slice(0, -1),
        { fromYear: parents.at(-1)!.fromYear, parentId: params.parentId },
      ];
    } else {
      const dated = withEntryFrom(parents, {
        fromYear: params.parentFromYear,
        parentId: params.parentId,
      });
      if (!dated) {
        throw fieldError('E_VALIDATION', 'parentFromYear', 'unit.rename.beforeLast', {
          code: doc.code,
          last: parents.at(-1)!.fromYear ?? params.parentFromYear,
        });
      }
      parents = dated;
    }
  }
  // A correction changes the current name in place; history is renameUnit's job.
  const names = namesOf(doc);
  const last = names.at(-1)!;
  const correctedNames = [
    ...names.slice(0, -1),
    { ...last, name: params.name, shortName: params.shortName },
  ];
  return changeUnit(
    db,
    doc,
    {
      name: params.name,
      shortName: params.shortName,
      kind: params.kind,
      unitGroup: params.unitGroup,
      parentId: params.parentId ? new Types.ObjectId(params.parentId) : null,
      names: correctedNames,
      parents: parents.map((p) => ({
        fromYear: p.fromYear,
        parentId: p.parentId ? new Types.ObjectId(p.parentId) : null,
      })),
    },
    { action: 'updated', by },
  );
}

export async function renameUnit(
  db: Connection,
  params: z.output<typeof RenameUnitParams>,
  by: AuthUser,
): Promise<Unit> {
  const doc = await versionedUnits.findAt(db, params.id, params.version);
  const years = yearsOf(doc);
  if (years.activeFrom !== null && params.year < years.activeFrom) {
    throw fieldError('E_VALIDATION', 'year', 'unit.year.beforeActiveFrom', {
      code: doc.code,
      activeFrom: years.activeFrom,
      year: params.year,
      min: years.activeFrom,
    });
  }
  if (years.activeTo !== null && params.year > years.activeTo) {
    throw fieldError('E_VALIDATION', 'year', 'unit.inactive', {
      code: doc.code,
      since: years.activeTo + 1,
      year: params.year,
    });
  }
  const names = withEntryFrom(namesOf(doc), {
    fromYear: params.year,
    name: params.name,
    shortName: params.shortName,
  });
  if (!names) {
    throw fieldError('E_VALIDATION', 'year', 'unit.rename.beforeLast', {
      code: doc.code,
      last: namesOf(doc).at(-1)!.fromYear ?? params.year,
    });
  }
  const newest = names.at(-1)!;
  return changeUnit(
    db,
    doc,
    { names, name: newest.name, shortName: newest.shortName },
    { action: 'renamed', by, note: { renamedFrom: params.year } },
  );
}

export async function deactivateUnit(
  db: Connection,
  params: z.output<typeof DeactivateUnitParams>,
  by: AuthUser,
): Promise<Unit> {
  const doc = await versionedUnits.findAt(db, params.id, params.version);
  const years = yearsOf(doc);
  if (years.activeTo !== null) {
    throw fieldError('E_VALIDATION', 'lastYear', 'unit.alreadyInactive', {
      code: doc.code,
      since: years.activeTo + 1,
    });
  }
  const firstInactive = params.lastYear + 1;
  // The last year may be the first year: ending means "inactive from the year after".
  const ending = endingViolation(
    { id: params.id, code: doc.code, ...years },
    firstInactive,
    'lastYear',
  );
  if (ending) {
    throwViolations([
      {
        ...ending,
        params: {
          ...ending.params,
          year: params.lastYear,
          min: years.activeFrom ?? params.lastYear,
        },
      },
    ]);
  }
  const children = childrenViolation(
    doc,
    await activeChildren(db, doc._id, firstInactive),
    'lastYear',
  );
  if (children) throwViolations([children]);
  return changeUnit(
    db,
    doc,
    { activeTo: params.lastYear, deactivationReason: params.reason },
    { action: 'deactivated', by },
  );
}

function containing(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}
