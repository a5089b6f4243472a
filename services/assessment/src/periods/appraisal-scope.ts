/**
 * What the appraisal service needs of a period (bus only): its participating units with their
 * parents in the period's year and whether each submitted, and the nodes of its criteria sets.
 * The appraisal service never reads this service's database; it asks here.
 */
import type { Connection } from 'mongoose';
import {
  accountsActions,
  deadlineFor,
  type AppraisalScope,
  type ListUnitsParams,
  type UnitList,
} from '@par/contracts';
import { getCriteriaSetNodes } from '../criteria-sets/criteria-set-store';
import { selfAssessmentModel } from '../models/self-assessment.model';
import type { PeriodDocument } from '../models/period.model';
import { findPeriod, toPeriod } from './periods';

const PAGE = 1000;

/** Unit id → code and parent id, for every unit of the year (the tree above participants). */
export type UnitTreeSource = (
  year: number,
) => Promise<Map<string, { code: string; parentId: string | null }>>;

/** A call on the bus as someone: the caller's context, or the assessment principal. */
export type BusCall = <R>(action: string, params: object) => Promise<R>;

/**
 * Every unit of `year`, active or not, from the accounts service. Read as the assessment
 * principal: an appraiser may ask for a period's scope (their worklist), and the units' tree
 * is the service's own business, not the appraiser's right on the accounts service.
 */
export function unitTreeFromAccounts(call: BusCall): UnitTreeSource {
  return async (year) => {
    const tree = new Map<string, { code: string; parentId: string | null }>();
    for (let offset = 0; ; offset += PAGE) {
      const page = await call<UnitList>(accountsActions.listUnits.name, {
        year,
        includeInactive: true,
        limit: PAGE,
        offset,
      } satisfies ListUnitsParams);
      for (const unit of page.items)
        tree.set(unit.id, { code: unit.code, parentId: unit.parentId });
      if (page.items.length < PAGE || offset + PAGE >= page.total) break;
    }
    return tree;
  };
}

/** Parents' codes, nearest first; stops at a loop or an unknown id. */
export function ancestorCodes(
  parentId: string | null,
  tree: ReadonlyMap<string, { code: string; parentId: string | null }>,
): string[] {
  const codes: string[] = [];
  const seen = new Set<string>();
  for (let id = parentId; id && !seen.has(id);) {
    seen.add(id);
    const unit = tree.get(id);
    if (!unit) break;
    codes.push(unit.code);
    id = unit.parentId;
  }
  return codes;
}

export async function getAppraisalScope(
  db: Connection,
  periodId: string,
  unitTree: UnitTreeSource,
): Promise<AppraisalScope> {
  const doc: PeriodDocument = await findPeriod(db, periodId);
  const needsTree = doc.units.some((u) => u.parentId);
  const [tree, submitted, nodesBySet] = await Promise.all([
    needsTree ? unitTree(doc.year) : Promise.resolve(new Map()),
    selfAssessmentModel(db)
      .find({ periodId: doc._id, status: 'submitted' }, { unitCode: 1 })
      .lean<Array<{ unitCode: string }>>(),
    getCriteriaSetNodes(
      db,
      doc.criteriaSets.map((c) => c.criteriaSetId),
    ),
  ]);
  const submittedCodes = new Set(submitted.map((s) => s.unitCode));
  const { phases, extensions } = toPeriod(doc);
  return {
    period: {
      id: doc._id.toHexString(),
      name: doc.name,
      year: doc.year,
      indexCode: doc.indexCode,
      currentPhase: doc.currentPhase,
      version: doc.version,
      phases,
      extensions,
    },
    units: doc.units.map((unit) => ({
      code: unit.code,
      name: unit.name,
      unitGroup: unit.unitGroup,
      ancestorCodes: ancestorCodes(unit.parentId ?? null, tree),
      submitted: submittedCodes.has(unit.code),
      selfAssessmentEndsAt: deadlineFor(doc, unit.code, 'selfAssessment')?.endsAt ?? null,
    })),
    criteriaSets: doc.criteriaSets.map((set) => {
      const nodes = nodesBySet.get(set.criteriaSetId) ?? [];
      const parents = new Set(nodes.map((n) => n.parentCode).filter((c): c is string => !!c));
      return {
        unitGroup: set.unitGroup,
        criteriaSetId: set.criteriaSetId,
        nodes: nodes.map((node) => {
          const leaf = !parents.has(node.code);
          return {
            code: node.code,
            parentCode: node.parentCode,
            title: node.title,
            leaf,
            appraised: leaf && node.rule?.type !== 'survey' && node.rule?.type !== 'linked',
            appraiserUnitCode: node.appraiserUnitCode,
          };
        }),
      };
    }),
  };
}
