/**
 * A clarification question on one entry: asked (and changed while unanswered) in round 1 only;
 * the unit's answer, revised self-score and the time are shown in every round after.
 */
import { useState } from 'react';
import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPRAISAL_TEXT_MAX_LENGTH, formatVietnamDateTime } from '@par/contracts';
import type { AppraisalEntry } from '@par/contracts';
import { LongTextField } from '@par/entry-ui';
import { formatHundredths } from '@par/scoring';
import { currentLanguage } from '@par/ui';
import { ns } from '../i18n';

export interface QuestionBoxProps {
  code: string;
  entry: AppraisalEntry;
  /** Round 1 and writable: the question may be asked or changed while unanswered. */
  canAsk: boolean;
  /** Sends the question; resolves with the server's message when it was refused. */
  onAsk: (text: string) => Promise<string | null>;
}

export function QuestionBox({ code, entry, canAsk, onAsk }: QuestionBoxProps) {
  const { t } = useTranslation(ns);
  const locale = currentLanguage();
  const question = entry.question;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(question?.text ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const answered = question?.answer ?? null;
  const mayAsk = canAsk && answered === null;

  if (!question && !mayAsk) return null;

  const ask = async () => {
    if (text.trim().length < 5) {
      setProblem(t('question.tooShort'));
      return;
    }
    setBusy(true);
    setProblem(null);
    const refused = await onAsk(text.trim());
    setBusy(false);
    if (refused) setProblem(t('question.failed', { message: refused }));
    else setEditing(false);
  };

  return (
    <Flex vertical gap={6} data-testid={`question-${code}`}>
      <Typography.Text strong>{t('question.title')}</Typography.Text>
      {question && !editing ? (
        <>
          <Typography.Text type="secondary">
            {t('question.asked', {
              at: formatVietnamDateTime(question.askedAt),
              name: question.askedBy.username,
            })}
          </Typography.Text>
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
            data-testid={`question-${code}-text`}
          >
            {question.text}
          </Typography.Paragraph>
          {answered ? (
            <Alert
              type="info"
              data-testid={`question-${code}-answer`}
              message={t('question.answer', { at: formatVietnamDateTime(answered.at) })}
              description={
                <>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                    {answered.text}
                  </Typography.Paragraph>
                  <Typography.Text strong data-testid={`question-${code}-revised`}>
                    {answered.revisedScore !== null
                      ? t('question.revised', {
                          score: formatHundredths(answered.revisedScore, locale),
                        })
                      : t('question.notRevised')}
                  </Typography.Text>
                </>
              }
            />
          ) : (
            <Typography.Text type="secondary">{t('question.noAnswer')}</Typography.Text>
          )}
          {mayAsk ? (
            <div>
              <Button size="small" onClick={() => setEditing(true)}>
                {t('question.replace')}
              </Button>
            </div>
          ) : null}
        </>
      ) : (
        <>
          <LongTextField
            id={`question-${code}-input`}
            label={t('question.label')}
            field="text"
            value={text}
            disabled={busy}
            minRows={1}
            maxLength={APPRAISAL_TEXT_MAX_LENGTH}
            onChange={(change) => setText(change.text ?? '')}
          />
          <div>
            <Button
              size="small"
              loading={busy}
              onClick={() => void ask()}
              data-testid={`question-${code}-ask`}
            >
              {t('question.ask')}
            </Button>
          </div>
        </>
      )}
      {problem ? (
        <Typography.Text type="danger" role="alert">
          {problem}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
