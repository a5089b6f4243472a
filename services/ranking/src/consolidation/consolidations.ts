/**
 * Making and reading a period's draft consolidations: the inputs asked of the other services
 * (with the admin's token, or the ranking principal's when round 2 was sent), the survey
 * imports and the admin's blocker decisions, `consolidate` of `@par/scoring`, and the draft
 * written as rows first, then its header.
 */
import type { Connection } from 'mongoose';
import {
  accountsActions,
  appraisalRoundActions,
  criteriaSetActions,
  periodActions,
  type AppraisalScope,
  type BandTableResult,
  type Consolidation,
  type ConsolidationBlocker,
  type CriteriaSet,
  type FinalScores,
  type ListUnitsParams,
  type UnitList,
} from '@par/contracts';
import { consolidate, defaultBandTable, type BandTable } from '@par/scoring';
import { PortalError } from '@par/service-kit';
import { bandTableModel } from '../models/band-table.model';
import {
  blockerDecisionsModel,
  type BlockerDecisionsDocument,
} from '../models/blocker-decision.model';
import {
  consolidationModel,
  consolidationRowModel,
  type ConsolidationDocument,
  type ConsolidationRowDocument,
} from '../models/consolidation.model';
import { latestPastResults } from '../models/past-results-import.model';
import { surveyImportModel } from '../models/survey-import.model';
import { pastTotals } from '../past-results/past-consolidation';
import {
  blockersOf,
  consolidationInput,
  currentSurveyResults,
  inputDigest,
  type AppraisedLeaf,
  type PeriodScope,
} from './consolidation-inputs';

/** A call over the bus as someone: the admin (`ctx.call`) or the ranking principal. */
export type Ask = <T>(action: string, params: object) => Promise<T>;

export interface ConsolidationDeps {
  db: Connection;
  ask: Ask;
}

export interface Actor {
  id: string;
  username: string | null;
}

/** A refusal of the other service (404, 422, 403…) passes as it is; anything else is 503. */
export function passRefusal(
  key: 'ranking.period.unavailable' | 'ranking.appraisal.unavailable' | 'ranking.export.selfScores',
) {
  return (err: unknown): never => {
    const type = (err as { type?: string }).type;
    if (type && ['E_NOT_FOUND', 'E_VALIDATION', 'E_FORBIDDEN', 'E_UNAUTHENTICATED'].includes(type))
      throw err;
    throw new PortalError('E_UNAVAILABLE', { key, cause: String(err) });
  };
}
const periodRefusal = passRefusal('ranking.period.unavailable');

const ROW_BATCH = 100;
const UNIT_PAGE = 1000;

/** The period's units and each group's set with its nodes. */
export async function loadScope(ask: Ask, periodId: string): Promise<PeriodScope> {
  const scope = await ask<AppraisalScope>(periodActions.getAppraisalScope.name, {
    id: periodId,
  }).catch(periodRefusal);
  const sets = await Promise.all(
    scope.criteriaSets.map((s) =>
      ask<CriteriaSet>(criteriaSetActions.getCriteriaSet.name, { id: s.criteriaSetId }).catch(
        periodRefusal,
      ),
    ),
  );
  return {
    period: scope.period,
    units: scope.units.map((u) => ({ ...u })),
    criteriaSets: scope.criteriaSets.map((s, i) => ({
      unitGroup: s.unitGroup,
      id: s.criteriaSetId,
      version: sets[i]!.version,
      nodes: sets[i]!.nodes,
    })),
  };
}

/** The settled round-2 scores and whether every appraiser has sent round 2. */
export function finalScores(ask: Ask, periodId: string): Promise<FinalScores> {
  return ask<FinalScores>(appraisalRoundActions.listFinalScores.name, { periodId }).catch(
    passRefusal('ranking.appraisal.unavailable'),
  );
}

/**
 * Each unit's codes in an earlier year: a unit's predecessors linked after `sinceYear` (a
 * merge names every unit it absorbed; a rename keeps the unit, and its code, or names the old).
 */
async function lineageOf(ask: Ask, year: number, sinceYear: number) {
  const lineage: Record<string, string[]> = {};
  for (let offset = 0; ; offset += UNIT_PAGE) {
    const page = await ask<UnitList>(accountsActions.listUnits.name, {
      year,
      limit: UNIT_PAGE,
      offset,
    } satisfies ListUnitsParams).catch(periodRefusal);
    for (const unit of page.items) {
      const before = unit.predecessors
        .filter((link) => link.year > sinceYear && link.year <= year)
        .map((link) => link.code);
      if (before.length > 0) lineage[unit.code] = [...new Set(before)];
    }
    if (page.items.length < UNIT_PAGE || offset + UNIT_PAGE >= page.total) break;
  }
  return lineage;
}

export async function bandsOf(db: Connection, indexCode: string): Promise<BandTableResult> {
  const doc = await bandTableModel(db).findById(indexCode).lean();
  return doc
    ? { indexCode, bands: doc.bands, configured: true }
    : { indexCode, bands: [...defaultBandTable], configured: false };
}

export async function latestHeader(db: Connection, periodId: string, version?: number) {
  const filter = version === undefined ? { periodId } : { periodId, version };
  return consolidationModel(db)
    .findOne(filter)
    .sort({ version: -1 })
    .lean<ConsolidationDocument | null>();
}

export async function rowsOf(db: Connection, periodId: string, version: number) {
  return consolidationRowModel(db)
    .find({ periodId, version })
    .sort({ order: 1 })
    .lean<ConsolidationRowDocument[]>();
}

export async function surveyResults(db: Connection, periodId: string) {
  const imports = await surveyImportModel(db)
    .find({ periodId }, { _id: 1, at: 1, results: 1 })
    .lean();
  return currentSurveyResults(imports);
}

export async function decisionsOf(
  db: Connection,
  periodId: string,
): Promise<BlockerDecisionsDocument> {
  return (
    (await blockerDecisionsModel(db)
      .findById(periodId, { outbox: 0 })
      .lean<BlockerDecisionsDocument>()) ?? { _id: periodId, items: [], version: 0 }
  );
}

/** The contract's shape: rows without their leaves, but for the unit asked for. */
export function toConsolidation(
  header: ConsolidationDocument,
  rows: readonly ConsolidationRowDocument[],
  unitCode?: string,
): Consolidation {
  const { _id, createdAt, ...rest } = header;
  void _id;
  // Drafts made before blocker decisions existed have none of their fields.
  const blockers = rest.blockers.map((b) => ({ ...b, decision: b.decision ?? null }));
  return {
    ...rest,
    blockers,
    excludedUnits: rest.excludedUnits ?? [],
    decisionsVersion: rest.decisionsVersion ?? 0,
    undecided: blockers.filter((b) => b.decision === null).length,
    createdAt: createdAt.toISOString(),
    rows: rows.map(({ row }) => {
      const { leaves, ...summary } = row;
      return row.unitCode === unitCode ? { ...summary, leaves } : summary;
    }),
  };
}

/** Each blocker with the decision that settles it: its own, or an exclusion of its unit. */
export function withDecisions(
  blockers: readonly Omit<ConsolidationBlocker, 'decision'>[],
  decisions: BlockerDecisionsDocument,
): ConsolidationBlocker[] {
  const view = (d: BlockerDecisionsDocument['items'][number]) => ({
    ...d,
    at: d.at.toISOString(),
  });
  return blockers.map((b) => {
    const own = decisions.items.find((d) => d.unitCode === b.unitCode && d.kind === b.kind);
    const exclusion = decisions.items.find(
      (d) => d.unitCode === b.unitCode && d.decision === 'exclude',
    );
    const decision = exclusion ?? own;
    return { ...b, decision: decision ? view(decision) : null };
  });
}

export interface ConsolidateOptions {
  periodId: string;
  tieBreakAreaCodes: readonly string[];
  previousPeriodId: string | null;
  /** Already read (the round-sent consumer asked first whether round 2 is complete). */
  final?: FinalScores;
  /** Write nothing when the latest draft has the same inputs and decisions (automatic runs). */
  onlyIfChanged?: boolean;
}

/**
 * A new draft version of the period; null when `onlyIfChanged` and the latest draft already
 * holds the same table. Units excluded by the admin's decisions are left out before ranking;
 * their blockers stay listed (from a run over every unit), each with its decision.
 */
export async function consolidatePeriod(
  deps: ConsolidationDeps,
  options: ConsolidateOptions,
  actor: Actor,
): Promise<Consolidation | null> {
  const { db, ask } = deps;
  const scope = await loadScope(ask, options.periodId);
  const areas = new Set(
    scope.criteriaSets.flatMap((s) =>
      s.nodes.filter((n) => n.parentCode === null).map((n) => n.code),
    ),
  );
  for (const code of options.tieBreakAreaCodes)
    if (!areas.has(code))
      throw new PortalError('E_VALIDATION', {
        key: 'ranking.tieBreak.unknownArea',
        params: { code },
        fields: [{ field: 'tieBreakAreaCodes', key: 'ranking.tieBreak.unknownArea' }],
      });
  let previous = null;
  let lineage: Record<string, string[]> = {};
  let pastResultsImportId: string | null = null;
  if (options.previousPeriodId) {
    const header = await latestHeader(db, options.previousPeriodId);
    // Never consolidated here (a province's first year): its imported past results, if any.
    const past = header ? null : await latestPastResults(db, options.previousPeriodId);
    if (header) {
      const rows = await rowsOf(db, header.periodId, header.version);
      previous = {
        periodId: header.periodId,
        units: rows
          .filter(({ row }) => row.index !== null)
          .map(({ row }) => ({ unitCode: row.unitCode, total: row.total, max: row.max })),
      };
      lineage = await lineageOf(ask, scope.period.year, header.year);
    } else if (past) {
      const pastScope = await loadScope(ask, past.periodId);
      previous = { periodId: past.periodId, units: pastTotals(pastScope, past) };
      pastResultsImportId = past._id;
      lineage = await lineageOf(ask, scope.period.year, pastScope.period.year);
    } else
      throw new PortalError('E_VALIDATION', {
        key: 'ranking.previous.notFound',
        fields: [{ field: 'previousPeriodId', key: 'ranking.previous.notFound' }],
      });
  }
  const [bands, final, survey, decisions] = await Promise.all([
    bandsOf(db, scope.period.indexCode),
    options.final ?? finalScores(ask, scope.period.id),
    surveyResults(db, scope.period.id),
    decisionsOf(db, scope.period.id),
  ]);
  const appraised: AppraisedLeaf[] = final.entries;
  const settings = {
    bands: bands.bands as BandTable,
    tieBreakAreaCodes: options.tieBreakAreaCodes,
    previous,
    lineage,
  };
  const excluded = new Map(
    decisions.items
      .filter((d) => d.decision === 'exclude' && scope.units.some((u) => u.code === d.unitCode))
      .map((d) => [d.unitCode, d.reason]),
  );
  const everyUnit = consolidationInput(scope, appraised, survey, settings);
  let input = everyUnit;
  let table = consolidate(everyUnit);
  const blockers = withDecisions(blockersOf(scope, table), decisions);
  if (excluded.size > 0) {
    const kept = { ...scope, units: scope.units.filter((u) => !excluded.has(u.code)) };
    input = consolidationInput(kept, appraised, survey, settings);
    table = consolidate(input);
  }
  const digest = inputDigest(input);

  const last = await latestHeader(db, scope.period.id);
  if (
    options.onlyIfChanged &&
    last &&
    last.provenance.inputDigest === digest &&
    (last.decisionsVersion ?? 0) === decisions.version
  )
    return null;
  const version = (last?.version ?? 0) + 1;
  const rows: ConsolidationRowDocument[] = table.groups
    .flatMap((group) =>
      group.rows.map((row) => {
        const { issues, ...kept } = row;
        void issues;
        return { ...kept, unitGroup: group.unitGroup };
      }),
    )
    .map((row, order) => ({
      _id: `${scope.period.id}:${version}:${row.unitCode}`,
      periodId: scope.period.id,
      version,
      order,
      row,
    }));
  const header: ConsolidationDocument = {
    _id: `${scope.period.id}:${version}`,
    periodId: scope.period.id,
    indexCode: scope.period.indexCode,
    year: scope.period.year,
    version,
    status: 'draft',
    createdAt: new Date(),
    createdBy: actor,
    bands: bands.bands,
    tieBreakAreaCodes: [...options.tieBreakAreaCodes],
    groups: table.groups.map((g) => ({
      unitGroup: g.unitGroup,
      criteriaSet: g.criteriaSet,
      totalMax: g.totalMax,
      areas: g.areas,
    })),
    blockers,
    excludedUnits: scope.units
      .filter((u) => excluded.has(u.code))
      .map((u) => ({ unitCode: u.code, unitName: u.name, reason: excluded.get(u.code)! })),
    decisionsVersion: decisions.version,
    undecided: blockers.filter((b) => b.decision === null).length,
    provenance: { ...table.provenance, pastResultsImportId, inputDigest: digest },
  };
  // Rows first: until its header lands, a version's rows are never read.
  try {
    for (let i = 0; i < rows.length; i += ROW_BATCH)
      await consolidationRowModel(db).insertMany(rows.slice(i, i + ROW_BATCH));
  } catch (err) {
    // Another consolidation is writing this version's rows: it wins, this one writes nothing.
    if ((err as { code?: number }).code === 11000)
      throw new PortalError('E_CONFLICT', { key: 'ranking.consolidation.busy' });
    throw err;
  }
  try {
    await consolidationModel(db).create(header);
  } catch (err) {
    await consolidationRowModel(db).deleteMany({ periodId: scope.period.id, version });
    if ((err as { code?: number }).code === 11000)
      throw new PortalError('E_CONFLICT', { key: 'ranking.consolidation.busy' });
    throw err;
  }
  return toConsolidation(header, rows);
}
