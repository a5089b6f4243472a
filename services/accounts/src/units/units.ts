/** Creating and listing units; the rules a unit must follow live here, not in the service file. */
import { isValidObjectId, type Connection } from 'mongoose';
import type { z } from 'zod';
import type { AuthUser, CreateUnitParams, Unit, UnitList } from '@par/contracts';
import { fieldError } from '@par/service-kit';
import { recordAudit } from '../models/audit-entry.model';
import { unitModel, type UnitDocument } from '../models/unit.model';

type ParsedCreateUnit = z.output<typeof CreateUnitParams>;

export function toUnit(doc: UnitDocument): Unit {
  return {
    id: doc._id.toHexString(),
    code: doc.code,
    name: doc.name,
    shortName: doc.shortName ?? null,
    kind: doc.kind as Unit['kind'],
    parentId: doc.parentId ? doc.parentId.toHexString() : null,
    unitGroup: doc.unitGroup ?? null,
    version: doc.version,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export async function createUnit(
  db: Connection,
  params: ParsedCreateUnit,
  by: AuthUser,
): Promise<Unit> {
  const Units = unitModel(db);
  if (params.parentId) {
    const parentExists =
      isValidObjectId(params.parentId) && (await Units.exists({ _id: params.parentId })) !== null;
    if (!parentExists) throw fieldError('E_VALIDATION', 'parentId', 'unit.parent.notFound');
  }
  let doc: UnitDocument;
  try {
    doc = (await Units.create(params)).toObject() as UnitDocument;
  } catch (err) {
    // The unique index decides, so two admins racing for one code cannot both win.
    if ((err as { code?: number }).code === 11000) {
      throw fieldError('E_CONFLICT', 'code', 'unit.code.taken', { code: params.code });
    }
    throw err;
  }
  const unit = toUnit(doc);
  await recordAudit(db, by, {
    action: 'unit.created',
    target: `unit:${unit.id}`,
    before: null,
    after: unit,
    units: [unit.code],
  });
  return unit;
}

export async function listUnits(
  db: Connection,
  params: { q?: string; limit: number; offset: number },
): Promise<UnitList> {
  const Units = unitModel(db);
  const filter = params.q
    ? { $or: [{ code: containing(params.q) }, { name: containing(params.q) }] }
    : {};
  const [docs, total] = await Promise.all([
    Units.find(filter)
      .sort({ code: 1 })
      .skip(params.offset)
      .limit(params.limit)
      .lean<UnitDocument[]>(),
    Units.countDocuments(filter),
  ]);
  return { items: docs.map(toUnit), total };
}

function containing(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}
