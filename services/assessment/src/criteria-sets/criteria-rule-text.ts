/**
 * The "rule details" cell of a criteria sheet: a scoring rule written so that a person can type
 * it in Excel (`min=0 | max=2 | step=0.25`, `A: Đúng hạn = 1 | B: Chậm = 0`, `90%=2 | 0%=0`),
 * and back. Items are separated by `|` or a line break; numbers take a decimal point or comma.
 * Pure. The grammar is documented in the service README.
 */
import type { MessageKey, ScoringRule, ScoringRuleType } from '@par/contracts';
import { hundredthsToInput, parseHundredths } from '@par/scoring';

/** Why a details cell could not be read, as a catalogue key. */
export class RuleTextError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

/**
 * A number in a criteria sheet, "14,5" or "14.5" → 1450, read by the scoring kernel; null when it
 * is not a score. A dot before three digits is refused, not read as vi-VN thousands: in a sheet
 * `1.234` may well be an English decimal.
 */
export function readSheetHundredths(text: string): number | null {
  const value = parseHundredths(text, { thousandsDots: false });
  return typeof value === 'number' ? value : null;
}

/** Canonical form of a number in a sheet: decimal point, no grouping (1450 → "14.5"). */
export function writeSheetHundredths(hundredths: number): string {
  return hundredthsToInput(hundredths, 'en');
}

const n = writeSheetHundredths;

export function writeRuleDetails(rule: ScoringRule | null): string {
  if (rule === null) return '';
  switch (rule.type) {
    case 'manual':
      return `min=${n(rule.min)} | max=${n(rule.max)} | step=${n(rule.step)}`;
    case 'options':
      return rule.options.map((o) => `${o.key}: ${o.label} = ${n(o.score)}`).join(' | ');
    case 'ratio': {
      const scale =
        rule.scale.kind === 'bands'
          ? rule.scale.bands.map((b) => `${n(b.minPercent)}%=${n(b.score)}`)
          : [`linear=${n(rule.scale.fromPercent)}%-${n(rule.scale.toPercent)}%`];
      return [
        `numerator=${rule.numeratorLabel}`,
        `denominator=${rule.denominatorLabel}`,
        ...scale,
      ].join(' | ');
    }
    case 'boolean':
      return `yes=${n(rule.yesScore)} | no=${n(rule.noScore)}`;
    case 'deduction':
      return `step=${n(rule.step)} | max=${n(rule.maxDeduction)}`;
    case 'survey':
      return rule.source ? `source=${rule.source}` : '';
    case 'linked':
      return `index=${rule.indexCode} | code=${rule.criterionCode}`;
  }
}

const keyAliases: Record<string, string[]> = {
  min: ['min', 'tối thiểu', 'thấp nhất', 'từ'],
  max: ['max', 'tối đa', 'cao nhất', 'đến'],
  step: ['step', 'bước'],
  numerator: ['numerator', 'tử số', 'tu so'],
  denominator: ['denominator', 'mẫu số', 'mau so'],
  linear: ['linear', 'tuyến tính', 'tuyen tinh'],
  yes: ['yes', 'có', 'co', 'đạt'],
  no: ['no', 'không', 'khong', 'không đạt'],
  source: ['source', 'nguồn', 'nguon'],
  index: ['index', 'chỉ số', 'chi so'],
  code: ['code', 'mã', 'ma', 'mã tiêu chí'],
};

function canonicalKey(raw: string): string | null {
  const key = raw.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  for (const [canonical, aliases] of Object.entries(keyAliases)) {
    if (aliases.includes(key)) return canonical;
  }
  return null;
}

function items(text: string): string[] {
  return text
    .split(/\||\r?\n/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function keyValues(text: string, allowed: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (const item of items(text)) {
    const at = item.indexOf('=');
    const key = at < 0 ? null : canonicalKey(item.slice(0, at));
    if (key === null || !allowed.includes(key)) {
      throw new RuleTextError('criteriaImport.ruleReason.unknownKey', {
        key: at < 0 ? item : item.slice(0, at).trim(),
      });
    }
    values.set(key, item.slice(at + 1).trim());
  }
  return values;
}

function numberOf(values: Map<string, string>, key: string, fallback?: number): number {
  const text = values.get(key);
  if (text === undefined || text === '') {
    if (fallback !== undefined) return fallback;
    throw new RuleTextError('criteriaImport.ruleReason.missing', { key });
  }
  const value = readSheetHundredths(text);
  if (value === null) throw new RuleTextError('criteriaImport.ruleReason.number', { key });
  return value;
}

function percentOf(text: string, key: string): number {
  const value = readSheetHundredths(text.replace(/%\s*$/, ''));
  if (value === null) throw new RuleTextError('criteriaImport.ruleReason.number', { key });
  return value;
}

/** The default step of a manual rule when the cell does not give one: a quarter point. */
export const DEFAULT_MANUAL_STEP = 25;

/**
 * Reads a details cell into a rule object (not yet checked against the rule schema, which the
 * caller does); `maxScore` is the leaf's maximum, the default top of a manual range.
 */
export function readRuleDetails(type: ScoringRuleType, text: string, maxScore: number): unknown {
  switch (type) {
    case 'manual': {
      const values = keyValues(text, ['min', 'max', 'step']);
      return {
        type,
        min: numberOf(values, 'min', 0),
        max: numberOf(values, 'max', maxScore),
        step: numberOf(values, 'step', DEFAULT_MANUAL_STEP),
      };
    }
    case 'options': {
      const options = items(text).map((item) => {
        const match = /^([^:]+):(.+)=([^=]+)$/.exec(item);
        const score = match ? readSheetHundredths(match[3]!) : null;
        if (!match || score === null) throw new RuleTextError('criteriaImport.ruleReason.options');
        return { key: match[1]!.trim(), label: match[2]!.trim(), score };
      });
      if (options.length < 2) throw new RuleTextError('criteriaImport.ruleReason.options');
      return { type, options };
    }
    case 'ratio': {
      const bands: Array<{ minPercent: number; score: number }> = [];
      const named = new Map<string, string>();
      for (const item of items(text)) {
        const band = /^(\d+(?:[.,]\d{1,2})?)\s*%\s*=\s*(.+)$/.exec(item);
        if (band) {
          const score = readSheetHundredths(band[2]!);
          if (score === null)
            throw new RuleTextError('criteriaImport.ruleReason.number', { key: item });
          bands.push({ minPercent: percentOf(band[1]!, item), score });
          continue;
        }
        for (const [key, value] of keyValues(item, ['numerator', 'denominator', 'linear'])) {
          named.set(key, value);
        }
      }
      const numeratorLabel = named.get('numerator');
      const denominatorLabel = named.get('denominator');
      if (!numeratorLabel)
        throw new RuleTextError('criteriaImport.ruleReason.missing', { key: 'numerator' });
      if (!denominatorLabel) {
        throw new RuleTextError('criteriaImport.ruleReason.missing', { key: 'denominator' });
      }
      const linear = named.get('linear');
      let scale: unknown;
      if (linear !== undefined && bands.length === 0) {
        const range = /^(.+?)\s*-\s*(.+)$/.exec(linear);
        if (!range) throw new RuleTextError('criteriaImport.ruleReason.scale');
        scale = {
          kind: 'linear',
          fromPercent: percentOf(range[1]!, 'linear'),
          toPercent: percentOf(range[2]!, 'linear'),
        };
      } else if (linear === undefined && bands.length > 0) {
        scale = { kind: 'bands', bands };
      } else {
        throw new RuleTextError('criteriaImport.ruleReason.scale');
      }
      return { type, numeratorLabel, denominatorLabel, scale };
    }
    case 'boolean': {
      const values = keyValues(text, ['yes', 'no']);
      return {
        type,
        yesScore: numberOf(values, 'yes', maxScore),
        noScore: numberOf(values, 'no', 0),
      };
    }
    case 'deduction': {
      const values = keyValues(text, ['step', 'max']);
      return { type, step: numberOf(values, 'step'), maxDeduction: numberOf(values, 'max') };
    }
    case 'survey': {
      const values = keyValues(text, ['source']);
      const source = values.get('source');
      return source ? { type, source } : { type };
    }
    case 'linked': {
      // `PAR:3.2.1` is accepted as a shorthand for `index=PAR | code=3.2.1`.
      const short = /^([A-Za-z][A-Za-z0-9_-]*)\s*:\s*([0-9A-Za-z.]+)$/.exec(text.trim());
      if (short) return { type, indexCode: short[1], criterionCode: short[2] };
      const values = keyValues(text, ['index', 'code']);
      const indexCode = values.get('index');
      const criterionCode = values.get('code');
      if (!indexCode)
        throw new RuleTextError('criteriaImport.ruleReason.missing', { key: 'index' });
      if (!criterionCode)
        throw new RuleTextError('criteriaImport.ruleReason.missing', { key: 'code' });
      return { type, indexCode, criterionCode };
    }
  }
}

/** Rule type names as typed in a sheet (the canonical English name or a Vietnamese one). */
const typeAliases: Record<ScoringRuleType, string[]> = {
  manual: ['manual', 'tự chấm', 'nhập điểm', 'chấm điểm'],
  options: ['options', 'lựa chọn', 'phương án', 'chọn'],
  ratio: ['ratio', 'tỷ lệ', 'tỉ lệ'],
  boolean: ['boolean', 'có/không', 'có không', 'đạt/không đạt'],
  deduction: ['deduction', 'điểm trừ', 'trừ điểm'],
  survey: ['survey', 'điều tra', 'khảo sát', 'điều tra xã hội học'],
  linked: ['linked', 'liên kết'],
};

export function readRuleType(text: string): ScoringRuleType | null {
  const value = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  for (const [type, aliases] of Object.entries(typeAliases)) {
    if (aliases.includes(value)) return type as ScoringRuleType;
  }
  return null;
}
