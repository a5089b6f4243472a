/**
 * One assigned criterion: the unit's self-assessment and evidence on one side, the appraiser's
 * input for the round (the unit's own rule input), the reason, the question and the save state
 * on the other. It subscribes to its own entry only, so typing re-renders this leaf alone.
 */
import { memo, useCallback } from 'react';
import { Button, Col, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPRAISAL_TEXT_MAX_LENGTH } from '@par/contracts';
import type { CriterionNode } from '@par/contracts';
import {
  LeafFrame,
  LeafGuidance,
  LeafSaveError,
  LongTextField,
  RuleInput,
  SaveStateTag,
  entrySaveState,
  inputsToRuleDraft,
} from '@par/entry-ui';
import { formatHundredths } from '@par/scoring';
import { currentLanguage } from '@par/ui';
import { ns } from '../i18n';
import type { AppraisalStore } from './appraisal-store';
import { AppraisalConflictPanel } from './AppraisalConflictPanel';
import { mustSettle, reasonRequired } from './form-state';
import type { AppraisalDraft } from './form-state';
import { QuestionBox } from './QuestionBox';
import { SelfAssessmentColumn } from './SelfAssessmentColumn';
import { useAppraisalLeaf } from './store-hooks';

export interface AppraisalLeafProps {
  store: AppraisalStore;
  node: CriterionNode;
  readOnly: boolean;
  first: boolean;
}

export const AppraisalLeaf = memo(function AppraisalLeaf({
  store,
  node,
  readOnly,
  first,
}: AppraisalLeafProps) {
  const { t } = useTranslation(ns);
  const leaf = useAppraisalLeaf(store, node.code);
  const locale = currentLanguage();
  const code = node.code;
  const round = store.round;
  const entry = leaf.saved;
  const onChange = useCallback(
    (change: Partial<AppraisalDraft>) => store.edit(code, change),
    [store, code],
  );
  const onAsk = useCallback((text: string) => store.askQuestion(code, text), [store, code]);
  const onFocusChange = useCallback((at: string | null) => store.focus(at), [store]);
  const disabled = readOnly || leaf.conflict !== null;
  const state = entrySaveState(leaf.status, leaf.conflict !== null);
  const score = leaf.score.ok ? leaf.score.score : null;
  const needed = reasonRequired(score, entry, round);
  const max = node.rule?.type === 'deduction' ? null : node.maxScore;
  const round1 = entry.round1;

  return (
    <LeafFrame
      code={code}
      title={node.title}
      score={score}
      max={max}
      alert={state === 'error' || leaf.needsReason}
      tag={
        leaf.needsReason ? (
          <Tag color="warning" data-testid={`save-${code}`} data-state="needsReason">
            {t('leaf.needsReason')}
          </Tag>
        ) : (
          <SaveStateTag state={state} testId={`save-${code}`} detail={leaf.error ?? undefined} />
        )
      }
      onFocusChange={onFocusChange}
    >
      {node.guidanceForAppraisers ? (
        <LeafGuidance label={t('leaf.guidance')} text={node.guidanceForAppraisers} />
      ) : null}

      <Row gutter={[24, 12]} style={{ marginTop: 8 }}>
        <Col xs={24} lg={12}>
          <SelfAssessmentColumn code={code} entry={entry} />
        </Col>
        <Col xs={24} lg={12}>
          <Flex vertical gap={12}>
            <Typography.Text strong>{t('leaf.appraisal', { round })}</Typography.Text>
            {round === 2 && round1 ? (
              <Typography.Text type="secondary" data-testid={`round1-${code}`}>
                {t('leaf.round1', {
                  score: round1.score === null ? '—' : formatHundredths(round1.score, locale),
                })}
                {round1.reason ? ` · ${t('leaf.round1Reason', { reason: round1.reason })}` : ''}
              </Typography.Text>
            ) : null}
            {round === 2 ? (
              <Typography.Text type={mustSettle(entry) ? 'warning' : 'secondary'}>
                {mustSettle(entry) ? t('leaf.settle') : t('leaf.carried')}
              </Typography.Text>
            ) : null}
            <RuleInput
              node={node}
              draft={leaf.draft}
              score={leaf.score}
              invalid={leaf.invalid}
              saved={null}
              disabled={disabled}
              first={first}
              idPrefix="appraisal"
              manualLabel={(points) => t('leaf.scoreLabel', { max: points })}
              onChange={onChange}
            />
            {round === 2 && mustSettle(entry) && round1 && !readOnly && score === null ? (
              <div>
                <Button
                  size="small"
                  onClick={() => onChange(inputsToRuleDraft(round1.inputs, locale))}
                  data-testid={`use-round1-${code}`}
                >
                  {t('leaf.useRound1')}
                </Button>
              </div>
            ) : null}
            <LongTextField
              id={`appraisal-${code}-reason`}
              label={
                needed
                  ? t(round === 2 ? 'leaf.reasonRound2' : 'leaf.reason')
                  : t('leaf.reasonOptional')
              }
              field="reason"
              value={leaf.draft.reason}
              disabled={disabled}
              minRows={1}
              maxLength={APPRAISAL_TEXT_MAX_LENGTH}
              required={needed}
              status={leaf.needsReason ? 'error' : undefined}
              onChange={onChange}
            />
            {leaf.needsReason ? (
              <Typography.Text type="danger" role="alert" data-testid={`reason-${code}-required`}>
                {t(round === 2 ? 'leaf.reasonRequiredRound2' : 'leaf.reasonRequired')}
              </Typography.Text>
            ) : null}
            <LeafSaveError
              code={code}
              status={leaf.status}
              error={leaf.conflict ? null : leaf.error}
              readOnly={readOnly}
              onRetry={() => void store.retry(code)}
              retrying={(message) => t('leaf.retrying', { message })}
              retryNow={t('leaf.retryNow')}
            />
            {leaf.conflict ? (
              <AppraisalConflictPanel
                node={node}
                round={round}
                mine={leaf.draft}
                theirs={leaf.conflict}
                onChoose={(choice) => store.resolve(code, choice)}
              />
            ) : null}
            <QuestionBox
              code={code}
              entry={entry}
              canAsk={round === 1 && !readOnly}
              onAsk={onAsk}
            />
          </Flex>
        </Col>
      </Row>
    </LeafFrame>
  );
});
