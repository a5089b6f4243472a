/**
 * One leaf criterion: its input, explanation, missing-evidence explanation, guidance, evidence
 * and save state. It subscribes to its own entry only, so typing re-renders this leaf alone.
 */
import { memo, useCallback } from 'react';
import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LinkedSource, UnitCriterionNode } from '@par/contracts';
import {
  LeafFrame,
  LeafGuidance,
  LeafSaveError,
  LongTextField,
  RuleInput,
  SaveStateTag,
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
  const code = node.code;
  const onChange = useCallback(
    (change: Partial<EntryDraft>) => store.edit(code, change),
    [store, code],
  );
  const onFocusChange = useCallback((at: string | null) => store.focus(at), [store]);
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
    <LeafFrame
      code={code}
      title={node.title}
      score={leaf.score.ok ? leaf.score.score : null}
      max={max}
      alert={state === 'error'}
      depth={depth}
      tag={<SaveStateTag state={state} testId={`save-${code}`} detail={leaf.error ?? undefined} />}
      onFocusChange={onFocusChange}
    >
      {node.guidanceForUnits ? (
        <LeafGuidance label={t('leaf.guidance')} text={node.guidanceForUnits} />
      ) : null}

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

        <LeafSaveError
          code={code}
          status={leaf.status}
          error={leaf.conflict ? null : leaf.error}
          readOnly={readOnly}
          onRetry={() => void store.retry(code)}
          retrying={(message) => t('save.retrying', { message })}
          retryNow={t('save.retryNow')}
        />

        {leaf.conflict ? (
          <ConflictPanel
            node={node}
            mine={leaf.draft}
            theirs={leaf.conflict}
            onChoose={(choice) => store.resolve(code, choice)}
          />
        ) : null}
      </Flex>
    </LeafFrame>
  );
});
