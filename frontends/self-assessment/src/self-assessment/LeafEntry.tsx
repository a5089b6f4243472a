/**
 * One leaf criterion: its input, explanation, missing-evidence explanation, guidance, evidence
 * and save state. It subscribes to its own entry only, so typing re-renders this leaf alone.
 */
import { memo, useCallback } from 'react';
import { Button, Collapse, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LinkedSource, UnitCriterionNode } from '@par/contracts';
import { formatHundredths } from '@par/scoring';
import { currentLanguage } from '@par/ui';
import {
  LongTextField,
  RuleInput,
  SaveStateTag,
  criterionAnchor,
  entrySaveState,
} from '@par/entry-ui';
import { ns } from '../i18n';
import { ConflictPanel } from './ConflictPanel';
import { EvidenceSlot } from './EvidenceSlot';
import type { EntryStore } from './entry-store';
import type { EntryDraft } from './form-state';
import { useLeaf } from './store-hooks';

export interface LeafEntryProps {
  store: EntryStore;
  node: UnitCriterionNode;
  periodId: string;
  readOnly: boolean;
  first: boolean;
  depth: number;
  /** A linked leaf's source, as the server read it. */
  linked?: LinkedSource;
}

export const LeafEntry = memo(function LeafEntry({
  store,
  node,
  periodId,
  readOnly,
  first,
  depth,
  linked,
}: LeafEntryProps) {
  const { t } = useTranslation(ns);
  const leaf = useLeaf(store, node.code);
  const locale = currentLanguage();
  const code = node.code;
  const onChange = useCallback(
    (change: Partial<EntryDraft>) => store.edit(code, change),
    [store, code],
  );
  const onCount = useCallback(
    (count: number) => store.setEvidenceCount(code, count),
    [store, code],
  );
  const filledElsewhere = node.rule?.type === 'survey' || node.rule?.type === 'linked';
  const disabled = readOnly || leaf.conflict !== null;
  const missingFiles = leaf.evidenceCount < node.evidence.min;
  const state = entrySaveState(leaf.status, leaf.conflict !== null);
  const max = node.rule?.type === 'deduction' ? null : node.maxScore;

  return (
    <section
      id={criterionAnchor(code)}
      data-criterion={code}
      data-testid={`leaf-${code}`}
      tabIndex={-1}
      aria-labelledby={`${criterionAnchor(code)}-title`}
      onFocus={() => store.focus(code)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) store.focus(null);
      }}
      style={{
        padding: '12px 16px',
        marginInlineStart: depth * 16,
        borderInlineStart: `3px solid ${state === 'error' ? '#ff4d4f' : '#f0f0f0'}`,
        scrollMarginTop: 80,
      }}
    >
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Typography.Title
          level={4}
          style={{ fontSize: 15, margin: 0, flex: 1, minWidth: 240 }}
          id={`${criterionAnchor(code)}-title`}
        >
          {code}. {node.title}
        </Typography.Title>
        <Flex gap={8} align="center">
          <Typography.Text strong data-testid={`leaf-${code}-score`}>
            {leaf.score.ok ? formatHundredths(leaf.score.score, locale) : '—'}
            {max !== null ? ` / ${formatHundredths(max, locale)}` : ''}
          </Typography.Text>
          <SaveStateTag state={state} testId={`save-${code}`} detail={leaf.error ?? undefined} />
        </Flex>
      </Flex>

      {node.guidanceForUnits ? <Guidance text={node.guidanceForUnits} /> : null}

      <Flex vertical gap={12} style={{ marginTop: 8 }}>
        <RuleInput
          node={node}
          draft={leaf.draft}
          score={leaf.score}
          invalid={leaf.invalid}
          saved={leaf.saved}
          linked={linked}
          disabled={disabled}
          first={first && !filledElsewhere}
          onChange={onChange}
        />

        <LongTextField
          id={`entry-${code}-explanation`}
          label={t(node.explanationRequired ? 'leaf.explanationRequired' : 'leaf.explanation')}
          field="explanation"
          value={leaf.draft.explanation}
          disabled={disabled}
          minRows={2}
          leafInput={filledElsewhere}
          first={first && filledElsewhere}
          onChange={onChange}
        />

        <EvidenceSlot
          periodId={periodId}
          criterionCode={code}
          readOnly={readOnly}
          minFiles={node.evidence.min}
          maxFiles={node.evidence.max}
          count={leaf.evidenceCount}
          onCountChange={onCount}
        />

        {missingFiles ? (
          <LongTextField
            id={`entry-${code}-missing-evidence`}
            label={t('leaf.missingEvidence', { min: node.evidence.min })}
            field="missingEvidenceExplanation"
            value={leaf.draft.missingEvidenceExplanation}
            disabled={disabled}
            minRows={1}
            onChange={onChange}
          />
        ) : null}

        {leaf.error && !leaf.conflict ? (
          <Flex gap={8} align="center" wrap>
            <Typography.Text type="danger" role="alert" data-testid={`save-${code}-error`}>
              {leaf.status === 'retrying'
                ? t('save.retrying', { message: leaf.error })
                : leaf.error}
            </Typography.Text>
            {!readOnly ? (
              <Button
                size="small"
                onClick={() => void store.retry(code)}
                data-testid={`save-${code}-retry`}
              >
                {t('save.retryNow')}
              </Button>
            ) : null}
          </Flex>
        ) : null}

        {leaf.conflict ? (
          <ConflictPanel
            node={node}
            mine={leaf.draft}
            theirs={leaf.conflict}
            onChoose={(choice) => store.resolve(code, choice)}
          />
        ) : null}
      </Flex>
    </section>
  );
});

/** The set's guidance for the unit, folded until asked for; redrawn only if the text changes. */
const Guidance = memo(function Guidance({ text }: { text: string }) {
  const { t } = useTranslation(ns);
  return (
    <Collapse
      ghost
      size="small"
      items={[
        {
          key: 'guidance',
          label: t('leaf.guidance'),
          children: (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {text}
            </Typography.Paragraph>
          ),
        },
      ]}
    />
  );
});
