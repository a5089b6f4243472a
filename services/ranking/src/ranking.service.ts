/**
 * The ranking service: each index's band table, a period's draft consolidations (every version
 * kept, with the inputs they came from and what blocks them) and the survey results import
 * (issue 12, first part); publication, exports and public results come with the rest of it.
 */
import { randomUUID } from 'node:crypto';
import type { Context, ServiceSchema } from 'moleculer';
import type { Connection } from 'mongoose';
import {
  accountsActions,
  criteriaSetActions,
  periodActions,
  rankingActions as r,
  type AppraisalScope,
  type AuthUser,
  type BandTableResult,
  type Consolidation,
  type CriteriaSet,
  type Locale,
  type SurveyImportParams,
  type ListUnitsParams,
  type UnitList,
} from '@par/contracts';
import { consolidate, defaultBandTable, validateBandTable, type BandTable } from '@par/scoring';
import { contractAction, PortalError } from '@par/service-kit';
import {
  blockersOf,
  consolidationInput,
  currentSurveyResults,
  inputDigest,
  type AppraisedLeaf,
  type PeriodScope,
} from './consolidation/consolidation-inputs';
import { bandTableModel } from './models/band-table.model';
import {
  consolidationModel,
  consolidationRowModel,
  type ConsolidationDocument,
  type ConsolidationRowDocument,
} from './models/consolidation.model';
import { surveyImportModel } from './models/survey-import.model';
import { readSurveySheet, surveyImportRefusal } from './survey/survey-sheet';

/** A refusal of the other service (404, 422, 403…) passes as it is; anything else is 503. */
function passRefusal(err: unknown): never {
  const type = (err as { type?: string }).type;
  if (type && ['E_NOT_FOUND', 'E_VALIDATION', 'E_FORBIDDEN', 'E_UNAUTHENTICATED'].includes(type))
    throw err;
  throw new PortalError('E_UNAVAILABLE', { key: 'ranking.period.unavailable', cause: String(err) });
}

const ROW_BATCH = 100;
const UNIT_PAGE = 1000;

const localeOf = (ctx: Context): Locale => (ctx.meta as { locale?: Locale }).locale ?? 'vi';
const actor = (user: AuthUser) => ({ id: user.id, username: user.username ?? null });

export function rankingService(db: Connection): ServiceSchema {
  /** The period's units and each group's set with its nodes, asked with the caller's token. */
  async function loadScope(ctx: Context, periodId: string): Promise<PeriodScope> {
    const scope = await ctx
      .call<AppraisalScope, { id: string }>(periodActions.getAppraisalScope.name, { id: periodId })
      .catch(passRefusal);
    const sets = await Promise.all(
      scope.criteriaSets.map((s) =>
        ctx
          .call<CriteriaSet, { id: string }>(criteriaSetActions.getCriteriaSet.name, {
            id: s.criteriaSetId,
          })
          .catch(passRefusal),
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

  /**
   * Each unit's codes in an earlier year: a unit's predecessors linked after `sinceYear` (a
   * merge names every unit it absorbed; a rename keeps the unit, and its code, or names the old).
   */
  async function lineageOf(ctx: Context, year: number, sinceYear: number) {
    const lineage: Record<string, string[]> = {};
    for (let offset = 0; ; offset += UNIT_PAGE) {
      const page = await ctx
        .call<UnitList, ListUnitsParams>(accountsActions.listUnits.name, {
          year,
          limit: UNIT_PAGE,
          offset,
        })
        .catch(passRefusal);
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

  async function bandsOf(indexCode: string): Promise<BandTableResult> {
    const doc = await bandTableModel(db).findById(indexCode).lean();
    return doc
      ? { indexCode, bands: doc.bands, configured: true }
      : { indexCode, bands: [...defaultBandTable], configured: false };
  }

  async function latestHeader(periodId: string, version?: number) {
    const filter = version === undefined ? { periodId } : { periodId, version };
    return consolidationModel(db)
      .findOne(filter)
      .sort({ version: -1 })
      .lean<ConsolidationDocument | null>();
  }

  async function rowsOf(periodId: string, version: number) {
    return consolidationRowModel(db)
      .find({ periodId, version })
      .sort({ order: 1 })
      .lean<ConsolidationRowDocument[]>();
  }

  /** The contract's shape: rows without their leaves, but for the unit asked for. */
  function toConsolidation(
    header: ConsolidationDocument,
    rows: readonly ConsolidationRowDocument[],
    unitCode?: string,
  ): Consolidation {
    const { _id, createdAt, ...rest } = header;
    void _id;
    return {
      ...rest,
      createdAt: createdAt.toISOString(),
      rows: rows.map(({ row }) => {
        const { leaves, ...summary } = row;
        return row.unitCode === unitCode ? { ...summary, leaves } : summary;
      }),
    };
  }

  /** Appraised leaves come from the appraisal service's settled round 2 (issue 11): none yet. */
  const appraisedLeaves = async (_periodId: string): Promise<AppraisedLeaf[]> => [];

  async function surveyResults(periodId: string) {
    const imports = await surveyImportModel(db)
      .find({ periodId }, { _id: 1, at: 1, results: 1 })
      .lean();
    return currentSurveyResults(imports);
  }

  /** A survey sheet read against the period and its current results. */
  async function readSheet(params: SurveyImportParams, ctx: Context) {
    const scope = await loadScope(ctx, params.periodId);
    const current = new Map(
      [...(await surveyResults(scope.period.id))].map(([key, v]) => [key, v.score]),
    );
    const read = await readSurveySheet(
      params.fileName,
      params.contentBase64,
      params.mapping,
      scope,
      current,
      localeOf(ctx),
    );
    return { scope, read };
  }

  return {
    name: 'ranking',

    actions: {
      getBandTable: contractAction(r.getBandTable, (params) => bandsOf(params.indexCode)),
      setBandTable: contractAction(r.setBandTable, async (params, user) => {
        const issues = validateBandTable(params.bands);
        if (issues.length > 0)
          throw new PortalError('E_VALIDATION', {
            key: 'ranking.bands.invalid',
            params: {
              problem: issues
                .map((i) => (i.position === null ? i.code : `${i.code} (${i.position + 1})`))
                .join(', '),
            },
            fields: issues.map((i) => ({
              field: i.position === null ? 'bands' : `bands.${i.position}`,
              key: 'ranking.bands.invalid' as const,
            })),
          });
        await bandTableModel(db).replaceOne(
          { _id: params.indexCode },
          { bands: params.bands, updatedAt: new Date(), updatedBy: actor(user) },
          { upsert: true },
        );
        return { indexCode: params.indexCode, bands: params.bands, configured: true };
      }),

      consolidatePeriod: contractAction(r.consolidatePeriod, async (params, user, ctx) => {
        const scope = await loadScope(ctx, params.periodId);
        const areas = new Set(
          scope.criteriaSets.flatMap((s) =>
            s.nodes.filter((n) => n.parentCode === null).map((n) => n.code),
          ),
        );
        for (const code of params.tieBreakAreaCodes)
          if (!areas.has(code))
            throw new PortalError('E_VALIDATION', {
              key: 'ranking.tieBreak.unknownArea',
              params: { code },
              fields: [{ field: 'tieBreakAreaCodes', key: 'ranking.tieBreak.unknownArea' }],
            });
        let previous = null;
        let lineage: Record<string, string[]> = {};
        if (params.previousPeriodId) {
          const header = await latestHeader(params.previousPeriodId);
          if (!header)
            throw new PortalError('E_VALIDATION', {
              key: 'ranking.previous.notFound',
              fields: [{ field: 'previousPeriodId', key: 'ranking.previous.notFound' }],
            });
          const rows = await rowsOf(header.periodId, header.version);
          previous = {
            periodId: header.periodId,
            units: rows
              .filter(({ row }) => row.index !== null)
              .map(({ row }) => ({ unitCode: row.unitCode, total: row.total, max: row.max })),
          };
          lineage = await lineageOf(ctx, scope.period.year, header.year);
        }
        const [bands, appraised, survey] = await Promise.all([
          bandsOf(scope.period.indexCode),
          appraisedLeaves(scope.period.id),
          surveyResults(scope.period.id),
        ]);
        const input = consolidationInput(scope, appraised, survey, {
          bands: bands.bands as BandTable,
          tieBreakAreaCodes: params.tieBreakAreaCodes,
          previous,
          lineage,
        });
        const table = consolidate(input);

        const last = await latestHeader(scope.period.id);
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
          createdBy: actor(user),
          bands: bands.bands,
          tieBreakAreaCodes: [...params.tieBreakAreaCodes],
          groups: table.groups.map((g) => ({
            unitGroup: g.unitGroup,
            criteriaSet: g.criteriaSet,
            totalMax: g.totalMax,
            areas: g.areas,
          })),
          blockers: blockersOf(scope, table),
          provenance: { ...table.provenance, inputDigest: inputDigest(input) },
        };
        // Rows first: until its header lands, a version's rows are never read.
        for (let i = 0; i < rows.length; i += ROW_BATCH)
          await consolidationRowModel(db).insertMany(rows.slice(i, i + ROW_BATCH));
        try {
          await consolidationModel(db).create(header);
        } catch (err) {
          await consolidationRowModel(db).deleteMany({ periodId: scope.period.id, version });
          if ((err as { code?: number }).code === 11000)
            throw new PortalError('E_CONFLICT', { key: 'ranking.consolidation.busy' });
          throw err;
        }
        return toConsolidation(header, rows);
      }),

      getConsolidation: contractAction(r.getConsolidation, async (params) => {
        const header = await latestHeader(params.periodId, params.version);
        if (!header)
          throw new PortalError('E_NOT_FOUND', { key: 'ranking.consolidation.notFound' });
        return toConsolidation(
          header,
          await rowsOf(header.periodId, header.version),
          params.unitCode,
        );
      }),

      previewSurveyImport: contractAction(
        r.previewSurveyImport,
        async (params, _user, ctx) => (await readSheet(params, ctx)).read.preview,
      ),

      commitSurveyImport: contractAction(r.commitSurveyImport, async (params, user, ctx) => {
        const { scope, read } = await readSheet(params, ctx);
        if (read.valid.length === 0 || read.valid.length !== read.preview.rows.length)
          throw surveyImportRefusal(read.preview);
        const importId = randomUUID();
        // One insert: the whole import, with who, when and what each result replaced (its audit).
        await surveyImportModel(db).create({
          _id: importId,
          periodId: scope.period.id,
          fileName: params.fileName,
          at: new Date(),
          by: actor(user),
          results: read.valid,
        });
        return {
          importId,
          fileName: params.fileName,
          written: read.valid.length,
          replaced: read.valid.filter((line) => line.replaces !== null).length,
        };
      }),
    },

    async started() {
      await Promise.all([
        bandTableModel(db).init(),
        surveyImportModel(db).init(),
        consolidationModel(db).init(),
        consolidationRowModel(db).init(),
      ]);
    },
  };
}
