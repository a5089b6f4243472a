/**
 * The unit's clarification (giải trình, issue 10): the appraisers' round-1 questions on the
 * unit's entries, each answered in writing, with the self-score of that entry revised if the
 * unit wishes (the same rule input and kernel as the self-assessment page), until the unit's
 * clarification deadline, and new evidence files for that entry (the self-assessment page's
 * evidence panel; the submitted files stay as they were). Appraisers read the answers and see the
 * new files in round 2.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  APPRAISAL_TEXT_MAX_LENGTH,
  appraisalRoundActions,
  formatVietnamDateTime,
  selfAssessmentActions,
} from '@par/contracts';
import type { UnitCriterionNode, UnitQuestion, UnitQuestionList } from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import {
  LongTextField,
  RuleInput,
  draftToInputs,
  inputsToRuleDraft,
  liveScore,
  type RuleDraft,
} from '@par/entry-ui';
import { formatHundredths } from '@par/scoring';
import { EmptyState, ErrorState, Loading, PageHeader, currentLanguage } from '@par/ui';
import { useBasePath } from '../base-path';
import { ns } from './clarification-i18n';
import { selfAssessmentRoutes } from '../routes';
import { DeadlineLine } from '../shared/DeadlineLine';
import { EvidencePanel } from '../evidence';

export default function ClarificationPage() {
  const { t } = useTranslation(ns);
  const basePath = useBasePath();
  const { periodId = '' } = useParams();
  const questions = useActionQuery(appraisalRoundActions.listUnitQuestions, { periodId });
  // The criteria as the unit sees them: each questioned leaf's rule, for a revised self-score.
  const assessment = useActionQuery(selfAssessmentActions.getSelfAssessment, { periodId });
  const nodes = useMemo(
    () => new Map((assessment.data?.criteriaSet.nodes ?? []).map((node) => [node.code, node])),
    [assessment.data],
  );

  const back = (
    <Link to={selfAssessmentRoutes.period.to(basePath, periodId)}>
      <Button>{t('clarification.back')}</Button>
    </Link>
  );
  const error = questions.error ?? assessment.error;
  return (
    <>
      <PageHeader
        title={t('clarification.title')}
        description={assessment.data?.period.name ?? t('clarification.description')}
        extra={back}
      />
      {(questions.loading && !questions.data) || (assessment.loading && !assessment.data) ? (
        <Loading />
      ) : error ? (
        <ErrorState
          testId="clarification-error"
          title={t('clarification.loadFailed')}
          description={error.message}
          onRetry={() => {
            questions.reload();
            assessment.reload();
          }}
        />
      ) : questions.data ? (
        <Questions list={questions.data} nodes={nodes} onAnswered={questions.reload} />
      ) : null}
    </>
  );
}

function Questions({
  list,
  nodes,
  onAnswered,
}: {
  list: UnitQuestionList;
  nodes: ReadonlyMap<string, UnitCriterionNode>;
  onAnswered: () => void;
}) {
  const { t } = useTranslation(ns);
  const answered = list.items.filter((item) => item.question.answer).length;
  return (
    <Flex vertical gap={16}>
      {list.readOnly ? (
        <Alert
          type="info"
          showIcon
          data-testid="clarification-read-only"
          message={t(`clarification.readOnly.${list.readOnly}`)}
        />
      ) : list.deadline ? (
        <Typography.Text>
          <DeadlineLine deadline={list.deadline} testId="clarification-deadline" />
        </Typography.Text>
      ) : null}
      {list.items.length === 0 ? (
        <Card>
          <EmptyState
            testId="no-questions"
            title={t('clarification.empty.title')}
            description={t('clarification.empty.description')}
          />
        </Card>
      ) : (
        <>
          <Typography.Text data-testid="clarification-progress">
            {t('clarification.progress', { answered, total: list.items.length })}
          </Typography.Text>
          {list.items.map((item) => (
            <QuestionCard
              key={`${item.criterionCode}:${item.version}`}
              item={item}
              node={nodes.get(item.criterionCode)}
              periodId={list.periodId}
              readOnly={list.readOnly !== null}
              onAnswered={onAnswered}
            />
          ))}
        </>
      )}
    </Flex>
  );
}

interface QuestionCardProps {
  item: UnitQuestion;
  node: UnitCriterionNode | undefined;
  periodId: string;
  readOnly: boolean;
  onAnswered: () => void;
}

/** One question: what was asked, the answer, and an optional revised self-score; sent by a button. */
function QuestionCard({ item, node, periodId, readOnly, onAnswered }: QuestionCardProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const locale = currentLanguage();
  const points = (hundredths: number | null) =>
    hundredths === null ? t('clarification.noScore') : formatHundredths(hundredths, locale);
  const { question } = item;
  const [text, setText] = useState(question.answer?.text ?? '');
  const [revise, setRevise] = useState(question.answer?.revisedInputs != null);
  const [draft, setDraft] = useState<RuleDraft>(() =>
    inputsToRuleDraft(question.answer?.revisedInputs, locale),
  );
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const score = node ? liveScore(node, draft, null) : null;
  const typed = node ? draftToInputs(node, draft) : null;
  const invalid =
    score && !score.ok && score.reason !== 'missingInput'
      ? { field: score.field ?? null, reason: score.reason }
      : null;
  const canRevise = node !== undefined && !readOnly;
  const send = async () => {
    setSending(true);
    setFailure(null);
    try {
      await api.callAction(appraisalRoundActions.answerQuestion, {
        periodId,
        criterionCode: item.criterionCode,
        version: item.version,
        text,
        revisedInputs: revise && typed ? typed.inputs : null,
      });
      onAnswered();
    } catch (error) {
      setFailure(isApiError(error) ? error.message : t('clarification.sendFailed'));
      // A stale version means someone else answered meanwhile: show their answer.
      if (isApiError(error) && error.status === 409) onAnswered();
    } finally {
      setSending(false);
    }
  };

  const id = `question-${item.criterionCode}`;
  return (
    <Card
      data-testid={id}
      title={
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>
            {item.criterionCode}. {item.title}
          </Typography.Text>
          <Tag color={question.answer ? 'green' : 'orange'}>
            {t(question.answer ? 'clarification.answered' : 'clarification.unanswered')}
          </Tag>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          {t('clarification.selfScore', { points: points(item.selfScore) })}
        </Typography.Text>
        <div>
          <Typography.Text strong>
            {t('clarification.asked', {
              name: question.askedBy.username,
              at: formatVietnamDateTime(question.askedAt),
            })}
          </Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {question.text}
          </Typography.Paragraph>
        </div>
        <LongTextField
          id={`${id}-answer`}
          label={t('clarification.answer')}
          field="text"
          value={text}
          disabled={readOnly || sending}
          minRows={3}
          maxLength={APPRAISAL_TEXT_MAX_LENGTH}
          required
          onChange={(change) => setText(change.text ?? '')}
        />
        {canRevise || question.answer?.revisedScore != null ? (
          <Checkbox
            checked={revise}
            disabled={!canRevise || sending}
            onChange={(event) => setRevise(event.target.checked)}
            data-testid={`${id}-revise`}
          >
            {t('clarification.revise')}
          </Checkbox>
        ) : null}
        {revise && node && score ? (
          <RuleInput
            node={node}
            draft={draft}
            score={score}
            invalid={invalid}
            saved={null}
            disabled={!canRevise || sending}
            first={false}
            idPrefix={`${id}-revised`}
            onChange={(change) => setDraft((before) => ({ ...before, ...change }))}
          />
        ) : null}
        <EvidencePanel
          periodId={periodId}
          criterionCode={item.criterionCode}
          readOnly={readOnly}
          // New evidence answers a question: the set's file limits were for the submission.
          minFiles={0}
          maxFiles={0}
          clarification
        />
        {question.answer ? (
          <Typography.Text type="secondary" data-testid={`${id}-sent`}>
            {t('clarification.sentAt', {
              name: question.answer.by.username,
              at: formatVietnamDateTime(question.answer.at),
            })}
            {question.answer.revisedScore !== null
              ? ` ${t('clarification.revisedTo', { points: points(question.answer.revisedScore) })}`
              : ''}
          </Typography.Text>
        ) : null}
        {failure ? (
          <Alert type="error" showIcon message={failure} data-testid={`${id}-failure`} />
        ) : null}
        {readOnly ? null : (
          <Flex>
            <Button
              type="primary"
              loading={sending}
              disabled={text.trim().length === 0 || (revise && (invalid !== null || !score?.ok))}
              onClick={() => void send()}
              data-testid={`${id}-send`}
            >
              {t(question.answer ? 'clarification.resend' : 'clarification.send')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
