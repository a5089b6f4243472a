/** The input a leaf's rule needs: a number with its step, options, a ratio's two figures, yes/no, a deduction. */
import { Flex, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LinkedSource, UnitCriterionNode } from '@par/contracts';
import { formatHundredths, formatPercent } from '@par/scoring';
import type { LeafScore, LeafScoreReason } from '@par/scoring';
import { currentLanguage } from '@par/ui';
import { ns } from '../i18n';
import type { HeldScore, InvalidField, RuleDraft } from './rule-draft';

/** A typed value the rule refuses: which field, and why. */
export interface InvalidInput {
  field: InvalidField | null;
  reason: LeafScoreReason;
}

export interface RuleInputProps {
  node: UnitCriterionNode;
  draft: RuleDraft;
  score: LeafScore;
  invalid: InvalidInput | null;
  /** What the server holds, for leaves filled elsewhere (survey, linked). */
  saved: HeldScore | null;
  /** A linked leaf's source (its `linked` rule); absent for other rules. */
  linked?: LinkedSource;
  disabled: boolean;
  /** Marks the page's first input (the benchmark waits for it). */
  first: boolean;
  /** The `manual` input's label (default: the self-score's); `{{max}}` is the maximum. */
  manualLabel?: (max: string) => string;
  /** Prefixes the inputs' ids, so that two inputs of one criterion on a page stay apart. */
  idPrefix?: string;
  onChange: (change: Partial<RuleDraft>) => void;
}

const firstMark = (first: boolean) => (first ? { 'data-first-input': '' } : {});

export function RuleInput({
  node,
  draft,
  score,
  invalid,
  saved,
  linked,
  disabled,
  first,
  manualLabel,
  idPrefix = 'entry',
  onChange,
}: RuleInputProps) {
  const { t } = useTranslation(ns);
  const locale = currentLanguage();
  const points = (hundredths: number) => formatHundredths(hundredths, locale);
  const id = `${idPrefix}-${node.code}`;
  const rule = node.rule;
  const problem = invalid ? (
    <Typography.Text type="danger" role="alert" data-testid={`${id}-invalid`}>
      {t(`invalid.${invalid.reason}`)}
    </Typography.Text>
  ) : null;

  switch (rule?.type) {
    case 'manual':
      return (
        <Flex vertical gap={4}>
          <label htmlFor={`${id}-value`}>
            {manualLabel
              ? manualLabel(points(rule.max))
              : t('rule.manual.label', { max: points(rule.max) })}
          </label>
          <Input
            id={`${id}-value`}
            data-leaf-input=""
            {...firstMark(first)}
            inputMode="decimal"
            autoComplete="off"
            value={draft.value}
            disabled={disabled}
            status={invalid ? 'error' : undefined}
            style={{ maxWidth: 160 }}
            suffix={`/ ${points(rule.max)}`}
            onChange={(event) => onChange({ value: event.target.value })}
          />
          <Typography.Text type="secondary">
            {t('rule.manual.help', {
              min: points(rule.min),
              max: points(rule.max),
              step: points(rule.step),
            })}
          </Typography.Text>
          {problem}
        </Flex>
      );
    case 'options':
      return (
        <Flex vertical gap={4}>
          <Radio.Group
            value={draft.optionKey}
            disabled={disabled}
            onChange={(event) => onChange({ optionKey: event.target.value as string })}
            aria-label={t('rule.options.label')}
          >
            <Flex vertical gap={4}>
              {rule.options.map((option, i) => (
                <Radio
                  key={option.key}
                  value={option.key}
                  data-leaf-input={i === 0 ? '' : undefined}
                  {...firstMark(first && i === 0)}
                  data-testid={`${id}-option-${option.key}`}
                >
                  {option.label} — {t('points', { points: points(option.score) })}
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
          {problem}
        </Flex>
      );
    case 'ratio':
      return (
        <Flex vertical gap={4}>
          <Flex gap={12} wrap>
            <Flex vertical gap={2}>
              <label htmlFor={`${id}-numerator`}>{rule.numeratorLabel}</label>
              <Input
                id={`${id}-numerator`}
                data-leaf-input=""
                {...firstMark(first)}
                inputMode="numeric"
                autoComplete="off"
                value={draft.numerator}
                disabled={disabled}
                status={invalid?.field === 'numerator' ? 'error' : undefined}
                style={{ width: 160 }}
                onChange={(event) => onChange({ numerator: event.target.value })}
              />
            </Flex>
            <Flex vertical gap={2}>
              <label htmlFor={`${id}-denominator`}>{rule.denominatorLabel}</label>
              <Input
                id={`${id}-denominator`}
                inputMode="numeric"
                autoComplete="off"
                value={draft.denominator}
                disabled={disabled}
                status={invalid?.field === 'denominator' ? 'error' : undefined}
                style={{ width: 160 }}
                onChange={(event) => onChange({ denominator: event.target.value })}
              />
            </Flex>
          </Flex>
          <Typography.Text data-testid={`${id}-ratio`} aria-live="polite">
            {score.ok && score.percent !== undefined
              ? t('rule.ratio.result', {
                  percent: formatPercent(score.percent, locale),
                  points: points(score.score),
                })
              : t('rule.ratio.pending')}
          </Typography.Text>
          {problem}
        </Flex>
      );
    case 'boolean':
      return (
        <Flex vertical gap={4}>
          <Radio.Group
            value={draft.yes}
            disabled={disabled}
            onChange={(event) => onChange({ yes: event.target.value as boolean })}
            aria-label={t('rule.boolean.label')}
          >
            <Radio value={true} data-leaf-input="" {...firstMark(first)} data-testid={`${id}-yes`}>
              {t('rule.boolean.yes', { points: points(rule.yesScore) })}
            </Radio>
            <Radio value={false} data-testid={`${id}-no`}>
              {t('rule.boolean.no', { points: points(rule.noScore) })}
            </Radio>
          </Radio.Group>
          {problem}
        </Flex>
      );
    case 'deduction':
      return (
        <Flex vertical gap={4}>
          <label htmlFor={`${id}-penalty`}>{t('rule.deduction.label')}</label>
          <Input
            id={`${id}-penalty`}
            data-leaf-input=""
            {...firstMark(first)}
            inputMode="decimal"
            autoComplete="off"
            value={draft.penalty}
            disabled={disabled}
            status={invalid ? 'error' : undefined}
            style={{ maxWidth: 160 }}
            onChange={(event) => onChange({ penalty: event.target.value })}
          />
          <Typography.Text type="secondary">
            {t('rule.deduction.help', { max: points(rule.maxDeduction), step: points(rule.step) })}
          </Typography.Text>
          {problem}
        </Flex>
      );
    case 'survey':
      return (
        <Typography.Text data-testid={`${id}-source`}>
          {t('rule.survey.source', { source: rule.source || t('rule.survey.defaultSource') })}{' '}
          {saved?.score !== null && saved?.score !== undefined
            ? t('rule.fromElsewhere.score', { points: points(saved.score) })
            : t('rule.fromElsewhere.none')}
        </Typography.Text>
      );
    case 'linked':
      return (
        <Typography.Text data-testid={`${id}-source`}>
          {t('rule.linked.source', { index: rule.indexCode, code: rule.criterionCode })}{' '}
          {linkedResult(linked)}
        </Typography.Text>
      );
    default:
      return <Typography.Text type="danger">{t('invalid.noRule')}</Typography.Text>;
  }

  /** Where the linked source stands: no period of that index, not scored there, or its score. */
  function linkedResult(source: LinkedSource | undefined): string {
    if (!source?.period) return t('rule.linked.noPeriod');
    const period = source.period.name;
    if (source.sourceScore === null || source.sourceMax === null || source.score === null)
      return t('rule.linked.notScored', { period });
    const shown = {
      period,
      source: points(source.sourceScore),
      sourceMax: points(source.sourceMax),
    };
    return source.sourceMax === node.maxScore
      ? t('rule.linked.score', shown)
      : t('rule.linked.scaled', {
          ...shown,
          points: points(source.score),
          max: points(node.maxScore),
        });
  }
}
