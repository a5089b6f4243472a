/**
 * What makes an assignment valid in its period: enabled appraiser accounts, criterion codes of
 * the period's sets, units that take part. Pure: the period and the appraisers come in as data.
 */
import type { AppraisalScope, AssignmentInput, AssignmentUnits, MessageKey } from '@par/contracts';
import type { z } from 'zod';
import type { AssignmentInput as AssignmentInputSchema } from '@par/contracts';
import { unitsOf } from './coverage';

export type CheckedInput = z.output<typeof AssignmentInputSchema>;
export type { AssignmentInput };

export interface RuleIssue {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

export interface AppraiserAccount {
  id: string;
  username: string;
  unit: string | null;
}

/** Phases in which assignments may still change: before appraisal round 1 starts. */
export const assignablePhases = ['setup', 'trial', 'selfAssessment'] as const;

export function checkAssignment(
  input: CheckedInput,
  scope: AppraisalScope,
  appraisers: readonly AppraiserAccount[],
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const byId = new Map(appraisers.map((a) => [a.id, a]));
  for (const id of input.appraiserIds)
    if (!byId.has(id))
      issues.push({
        field: 'appraiserIds',
        key: 'assignment.appraiser.unknown',
        params: { appraiser: id },
      });
  const codes = new Set(scope.criteriaSets.flatMap((set) => set.nodes.map((n) => n.code)));
  for (const code of input.criterionCodes)
    if (!codes.has(code))
      issues.push({
        field: 'criterionCodes',
        key: 'assignment.criterion.unknown',
        params: { code },
      });
  issues.push(...checkUnits(input.units, scope));
  return issues;
}

function checkUnits(choice: AssignmentUnits, scope: AppraisalScope): RuleIssue[] {
  switch (choice.kind) {
    case 'units': {
      const taking = new Set(scope.units.map((u) => u.code));
      return choice.unitCodes
        .filter((code) => !taking.has(code))
        .map((code) => ({
          field: 'units',
          key: 'assignment.unit.unknown' as const,
          params: { code },
        }));
    }
    case 'group':
      return unitsOf(choice, scope.units).length === 0
        ? [{ field: 'units', key: 'assignment.group.unknown', params: { group: choice.unitGroup } }]
        : [];
    case 'subtree':
      return unitsOf(choice, scope.units).length === 0
        ? [{ field: 'units', key: 'assignment.subtree.empty', params: { code: choice.rootCode } }]
        : [];
  }
}

/**
 * Defaults from each criterion's appraising unit. A leaf is appraised by the unit its nearest
 * node (itself or a parent) names; each unit gets the highest nodes all of whose appraised
 * leaves are its own (so a child naming another unit never makes an overlap), over every
 * participating unit of each group whose set has them.
 */
export function suggestFromAppraisingUnits(
  scope: AppraisalScope,
  appraisers: readonly AppraiserAccount[],
): {
  items: Array<{
    appraiserUnitCode: string;
    criterionCodes: string[];
    unitGroups: string[];
    appraisers: AppraiserAccount[];
  }>;
  unitsWithoutAppraisers: string[];
} {
  const byUnit = new Map<string, { codes: string[]; groups: Set<string> }>();
  for (const set of scope.criteriaSets) {
    const nodeOf = new Map(set.nodes.map((n) => [n.code, n]));
    const chain = (code: string | null) => {
      const codes: string[] = [];
      for (let c = code; c && !codes.includes(c); c = nodeOf.get(c)?.parentCode ?? null)
        codes.push(c);
      return codes;
    };
    // Each node: the appraising units of the appraised leaves below it (null: none named).
    const unitsBelow = new Map<string, Set<string | null>>();
    for (const leaf of set.nodes.filter((n) => n.leaf && n.appraised)) {
      const path = chain(leaf.code);
      const named = path.map((c) => nodeOf.get(c)?.appraiserUnitCode).find(Boolean) ?? null;
      for (const code of path) {
        const found = unitsBelow.get(code) ?? new Set<string | null>();
        found.add(named);
        unitsBelow.set(code, found);
      }
    }
    const soleUnit = (code: string | null) => {
      const found = code ? unitsBelow.get(code) : undefined;
      return found?.size === 1 ? [...found][0]! : null;
    };
    for (const node of set.nodes) {
      const unit = soleUnit(node.code);
      if (!unit || soleUnit(node.parentCode) === unit) continue;
      const entry = byUnit.get(unit) ?? { codes: [], groups: new Set<string>() };
      byUnit.set(unit, entry);
      if (!entry.codes.includes(node.code)) entry.codes.push(node.code);
      entry.groups.add(set.unitGroup);
    }
  }
  const items = [];
  const unitsWithoutAppraisers: string[] = [];
  for (const [unit, { codes, groups }] of [...byUnit].sort(([a], [b]) => a.localeCompare(b))) {
    const people = appraisers.filter((a) => a.unit === unit);
    if (people.length === 0) unitsWithoutAppraisers.push(unit);
    else
      items.push({
        appraiserUnitCode: unit,
        criterionCodes: codes,
        unitGroups: [...groups].sort(),
        appraisers: people,
      });
  }
  return { items, unitsWithoutAppraisers };
}
