/**
 * Merging and splitting units between years. Everything is checked before the first write;
 * without transactions, the writes go successor first, then each ending unit at its version,
 * and a lost race undoes what was written, so the tree is never left half-restructured.
 */
import { Types, type Connection } from 'mongoose';
import type { z } from 'zod';
import { accountsEvents } from '@par/contracts';
import type {
  AuthUser,
  Locale,
  MergeUnitsParams,
  SplitUnitParams,
  UnitRestructure,
} from '@par/contracts';
import { outboxEvent, PortalError, wakeOutboxRelay, withOutbox } from '@par/service-kit';
import { auditItems, type AuditRecord } from '../models/audit-entry.model';
import { unitModel, type UnitDocument, type UnitLinkEntry } from '../models/unit.model';
import {
  duplicateCodeViolations,
  mergeViolations,
  endingViolation,
  type RuleViolation,
  type UnitInChange,
} from './unit-lifecycle-rules';
import {
  activeChildren,
  checkParent,
  childrenViolation,
  newUnitFields,
  throwViolations,
  toUnit,
  versionedUnits,
} from './units';

type ParsedMerge = z.output<typeof MergeUnitsParams>;
type ParsedSplit = z.output<typeof SplitUnitParams>;
type NewUnit = ParsedSplit['into'][number];

const inChange = (doc: UnitDocument): UnitInChange => ({
  id: doc._id.toHexString(),
  code: doc.code,
  activeFrom: doc.activeFrom ?? null,
  activeTo: doc.activeTo ?? null,
});

const linkTo = (
  doc: { _id: Types.ObjectId; code: string },
  kind: UnitLinkEntry['kind'],
  year: number,
) => ({
  unitId: doc._id,
  code: doc.code,
  kind,
  year,
});

/** Checks the new units' codes (distinct, free) and parents (existing, active, not ending). */
async function newUnitViolations(
  db: Connection,
  units: readonly NewUnit[],
  year: number,
  /** Units that end with this change (id → code): a new unit cannot sit under them. */
  ending: ReadonlyMap<string, string>,
  fieldOf: (index: number, field: string) => string,
): Promise<RuleViolation[]> {
  const violations = duplicateCodeViolations(
    units.map((u) => u.code),
    (i) => fieldOf(i, 'code'),
  );
  const taken = await unitModel(db)
    .find({ code: { $in: units.map((u) => u.code) } }, { code: 1 })
    .lean<UnitDocument[]>();
  const takenCodes = new Set(taken.map((u) => u.code));
  for (const [index, unit] of units.entries()) {
    if (takenCodes.has(unit.code)) {
      violations.push({
        field: fieldOf(index, 'code'),
        key: 'unit.code.taken',
        params: { code: unit.code },
      });
    }
    const endingParent = unit.parentId ? ending.get(unit.parentId) : undefined;
    if (endingParent) {
      violations.push({
        field: fieldOf(index, 'parentId'),
        key: 'unit.parent.inactive',
        params: { code: endingParent, year },
      });
      continue;
    }
    try {
      await checkParent(db, unit.parentId, year, fieldOf(index, 'parentId'));
    } catch (err) {
      const data = (err as PortalError).data as {
        key: RuleViolation['key'];
        params?: RuleViolation['params'];
      };
      violations.push({ field: fieldOf(index, 'parentId'), key: data.key, params: data.params });
    }
  }
  return violations;
}

function interrupted(code: string): PortalError {
  return new PortalError('E_CONFLICT', {
    key: 'unit.restructure.interrupted',
    params: { code },
    fields: [{ field: 'version', key: 'unit.restructure.interrupted' }],
  });
}

/**
 * Ends each unit after `year - 1` with a link to its successors, each at the version it was
 * read; if one was changed meanwhile, the ones already ended are put back and it throws.
 */
async function endUnits(
  db: Connection,
  units: readonly UnitDocument[],
  successors: (unit: UnitDocument) => UnitLinkEntry[],
  year: number,
): Promise<UnitDocument[]> {
  const ended: UnitDocument[] = [];
  for (const unit of units) {
    try {
      ended.push(
        await versionedUnits.write(db, unit._id, unit.version, {
          $set: {
            activeTo: year - 1,
            successors: [...(unit.successors ?? []), ...successors(unit)],
          },
        }),
      );
    } catch (err) {
      await Promise.all(
        ended.map((done, i) =>
          unitModel(db).updateOne(
            { _id: done._id, version: done.version },
            {
              $set: {
                activeTo: units[i]!.activeTo ?? null,
                successors: units[i]!.successors ?? [],
              },
              $inc: { version: 1 },
            },
          ),
        ),
      );
      throw Object.assign(interrupted(unit.code), { cause: err });
    }
  }
  return ended;
}

/**
 * A restructure is several writes; once they all stand, its audit entry and its
 * `accounts.units.restructured` event go into the outbox of the unit it centres on, in one
 * update. (A node dying before that point leaves a half-made restructure without them, as it
 * would leave it without its compensation.)
 */
async function recordRestructure(
  db: Connection,
  unitId: Types.ObjectId,
  action: 'merged' | 'split',
  by: AuthUser,
  audit: Omit<AuditRecord, 'action'>,
  result: UnitRestructure,
): Promise<void> {
  const outbox = [
    ...auditItems(by, { ...audit, action: action === 'merged' ? 'units.merged' : 'unit.split' }),
    outboxEvent(accountsEvents.unitsRestructured.name, { action, result, by: by.id }),
  ];
  await unitModel(db).updateOne({ _id: unitId }, withOutbox<UnitDocument>({}, outbox));
  await wakeOutboxRelay(db, unitModel(db), unitId);
}

export async function mergeUnits(
  db: Connection,
  params: ParsedMerge,
  by: AuthUser,
  locale: Locale = 'vi',
): Promise<UnitRestructure> {
  const { year } = params;
  const sources: UnitDocument[] = [];
  for (const source of params.sources)
    sources.push(await versionedUnits.findAt(db, source.id, source.version));
  const target =
    params.into.mode === 'existing'
      ? await versionedUnits.findAt(db, params.into.id, params.into.version)
      : null;

  const violations = mergeViolations(sources.map(inChange), target && inChange(target), year);
  const sourceIds = new Set(sources.map((s) => s._id.toHexString()));
  for (const [index, source] of sources.entries()) {
    // Children moving along with the merge are fine; children left behind would be orphans.
    const children = (await activeChildren(db, source._id, year)).filter(
      (child) => !sourceIds.has(child._id.toHexString()),
    );
    const refusal = childrenViolation(source, children, `sources.${index}.id`);
    if (refusal) violations.push(refusal);
  }
  if (params.into.mode === 'new') {
    violations.push(
      ...(await newUnitViolations(
        db,
        [params.into.unit],
        year,
        new Map(sources.map((s) => [s._id.toHexString(), s.code])),
        (_i, field) => `into.unit.${field}`,
      )),
    );
  }
  throwViolations(violations, locale);

  const Units = unitModel(db);
  const predecessors = sources.map((s) => linkTo(s, 'merged', year));
  let merged: UnitDocument;
  if (params.into.mode === 'new') {
    const id = new Types.ObjectId();
    try {
      merged = (
        await Units.create({
          _id: id,
          ...newUnitFields({ ...params.into.unit, activeFrom: year }),
          predecessors,
        })
      ).toObject() as UnitDocument;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) throw interrupted(params.into.unit.code);
      throw err;
    }
  } else {
    merged = await versionedUnits.write(db, target!._id, target!.version, {
      $set: { predecessors: [...(target!.predecessors ?? []), ...predecessors] },
    });
  }
  let ended: UnitDocument[];
  try {
    ended = await endUnits(db, sources, () => [linkTo(merged, 'merged', year)], year);
  } catch (err) {
    if (target) {
      await Units.updateOne(
        { _id: merged._id, version: merged.version },
        { $set: { predecessors: target.predecessors ?? [] }, $inc: { version: 1 } },
      );
    } else await Units.deleteOne({ _id: merged._id });
    throw err;
  }

  const result: UnitRestructure = {
    year,
    ended: ended.map((doc) => toUnit(doc)),
    started: target ? [] : [toUnit(merged)],
    target: target ? toUnit(merged) : null,
  };
  await recordRestructure(
    db,
    merged._id,
    'merged',
    by,
    {
      target: `unit:${merged._id.toHexString()}`,
      before: { year, sources: sources.map((s) => toUnit(s)), target: target && toUnit(target) },
      after: result,
      units: [...sources.map((s) => s.code), merged.code],
    },
    result,
  );
  return result;
}

export async function splitUnit(
  db: Connection,
  params: ParsedSplit,
  by: AuthUser,
  locale: Locale = 'vi',
): Promise<UnitRestructure> {
  const { year } = params;
  const source = await versionedUnits.findAt(db, params.id, params.version);
  const violations: RuleViolation[] = [];
  const ending = endingViolation(inChange(source), year, 'year');
  if (ending) violations.push(ending);
  const children = childrenViolation(source, await activeChildren(db, source._id, year), 'id');
  if (children) violations.push(children);
  violations.push(
    ...(await newUnitViolations(
      db,
      params.into,
      year,
      new Map([[params.id, source.code]]),
      (i, field) => `into.${i}.${field}`,
    )),
  );
  throwViolations(violations, locale);

  const Units = unitModel(db);
  const docs = params.into.map((unit) => ({
    _id: new Types.ObjectId(),
    ...newUnitFields({ ...unit, activeFrom: year }),
    predecessors: [linkTo(source, 'split', year)],
  }));
  try {
    await Units.insertMany(docs, { ordered: true });
  } catch (err) {
    // Compensation in place of a transaction: remove exactly the ids this split chose.
    await Units.deleteMany({ _id: { $in: docs.map((d) => d._id) } });
    const index = (err as { writeErrors?: Array<{ index?: number }>; index?: number })
      .writeErrors?.[0]?.index;
    throw Object.assign(interrupted(docs[index ?? 0]?.code ?? source.code), { cause: err });
  }
  let ended: UnitDocument[];
  try {
    ended = await endUnits(db, [source], () => docs.map((d) => linkTo(d, 'split', year)), year);
  } catch (err) {
    await Units.deleteMany({ _id: { $in: docs.map((d) => d._id) } });
    throw err;
  }
  const started = await Units.find({ _id: { $in: docs.map((d) => d._id) } })
    .sort({ code: 1 })
    .lean<UnitDocument[]>();
  const result: UnitRestructure = {
    year,
    ended: ended.map((doc) => toUnit(doc)),
    started: started.map((doc) => toUnit(doc)),
    target: null,
  };
  await recordRestructure(
    db,
    source._id,
    'split',
    by,
    {
      target: `unit:${params.id}`,
      before: { year, source: toUnit(source) },
      after: result,
      units: [source.code, ...docs.map((d) => d.code)],
    },
    result,
  );
  return result;
}
