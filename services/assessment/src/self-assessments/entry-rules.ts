/**
 * What a unit may save for a leaf: which nodes of its set are leaves it fills, each leaf's area
 * (its entries' collection), and the score its inputs give by the scoring kernel's `leafScore`,
 * or the refusal that names the input at fault in words that say what to type. Pure.
 */
import {
  formatMessage,
  type CriterionNode,
  type EntryInputs,
  type Locale,
  type MessageKey,
} from '@par/contracts';
import { leafRangeText, leafScore, type LeafInputs, type LeafScoreReason } from '@par/scoring';
import { PortalError } from '@par/service-kit';

/** The leaves of a set (nodes no node names as parent), each with its area (top-level node). */
export interface SetLeaves {
  leaves: Map<string, { node: CriterionNode; areaCode: string }>;
  /** Every area code, in display order. */
  areaCodes: string[];
}

export function setLeaves(nodes: readonly CriterionNode[]): SetLeaves {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const parents = new Set(nodes.flatMap((n) => (n.parentCode === null ? [] : [n.parentCode])));
  const areaOf = (node: CriterionNode): string => {
    let current = node;
    // A set is validated before a period uses it; the bound keeps a broken one from hanging.
    for (let depth = 0; current.parentCode !== null && depth < nodes.length; depth++) {
      const parent = byCode.get(current.parentCode);
      if (!parent) break;
      current = parent;
    }
    return current.code;
  };
  const leaves = new Map<string, { node: CriterionNode; areaCode: string }>();
  for (const node of nodes) {
    if (!parents.has(node.code)) leaves.set(node.code, { node, areaCode: areaOf(node) });
  }
  return { leaves, areaCodes: nodes.filter((n) => n.parentCode === null).map((n) => n.code) };
}

/** The input fields each rule reads; the unit gives none for survey and linked leaves. */
const fieldsOf: Record<string, ReadonlyArray<keyof LeafInputs>> = {
  manual: ['value'],
  options: ['optionKey'],
  ratio: ['numerator', 'denominator'],
  boolean: ['yes'],
  deduction: ['penalty'],
  survey: [],
  linked: [],
};

const present = (value: unknown) => value !== null && value !== undefined && value !== '';

export interface CheckedEntry {
  inputs: EntryInputs;
  score: number | null;
  percent: number | null;
}

const scoreError = (
  code: string,
  field: string,
  reasonKey: MessageKey,
  params: Record<string, string | number>,
  locale: Locale,
): PortalError => {
  const reason = formatMessage(reasonKey, params, locale);
  const message = formatMessage('entry.score.invalid', { code, reason }, locale);
  return new PortalError('E_VALIDATION', {
    key: 'entry.score.invalid',
    params: { code, reason },
    fields: [{ field, message }],
  });
};

/**
 * The inputs the leaf's rule reads (others present are refused), and the score they give.
 * Inputs that give no score yet (a field left empty: `missingInput`) save with a null score, so
 * an explanation typed first is kept; every other reason is a 422 naming the input.
 */
export function checkEntry(node: CriterionNode, inputs: EntryInputs, locale: Locale): CheckedEntry {
  const rule = node.rule;
  const reads = rule ? fieldsOf[rule.type]! : [];
  for (const [field, value] of Object.entries(inputs)) {
    if (!present(value) || reads.includes(field as keyof LeafInputs)) continue;
    if (rule && reads.length === 0) {
      const source =
        rule.type === 'survey'
          ? (rule.source ?? 'điều tra xã hội học')
          : rule.type === 'linked'
            ? `${rule.indexCode} ${rule.criterionCode}`
            : rule.type;
      throw new PortalError('E_VALIDATION', {
        key: 'entry.filledElsewhere',
        params: { code: node.code, source },
        fields: [{ field: `inputs.${field}`, key: 'entry.filledElsewhere' }],
      });
    }
    throw new PortalError('E_VALIDATION', {
      key: 'entry.inputs.notExpected',
      params: { code: node.code, field },
      fields: [{ field: `inputs.${field}`, key: 'entry.inputs.notExpected' }],
    });
  }
  const kept: EntryInputs = Object.fromEntries(
    reads.filter((f) => present(inputs[f])).map((f) => [f, inputs[f]]),
  );
  if (rule && reads.length === 0) return { inputs: {}, score: null, percent: null };
  if (rule && reads.every((f) => !present(kept[f])))
    return { inputs: kept, score: null, percent: null };

  const result = leafScore(node, kept);
  if (result.ok) return { inputs: kept, score: result.score, percent: result.percent ?? null };
  if (result.reason === 'missingInput') return { inputs: kept, score: null, percent: null };
  const field = `inputs.${result.field ?? 'value'}`;
  return throwReason(node, result.reason, field, locale);
}

function throwReason(
  node: CriterionNode,
  reason: Exclude<LeafScoreReason, 'missingInput'>,
  field: string,
  locale: Locale,
): never {
  throw scoreError(
    node.code,
    field,
    `entry.score.reason.${reason}`,
    leafRangeText(node, locale),
    locale,
  );
}
