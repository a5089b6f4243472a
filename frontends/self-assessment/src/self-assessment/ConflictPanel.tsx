/** Another officer saved this entry differently: both versions side by side, and the choice. */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatVietnamDateTime } from '@par/contracts';
import type { Entry, UnitCriterionNode } from '@par/contracts';
import { formatHundredths } from '@par/scoring';
import { currentLanguage } from '@par/ui';
import { ConflictChoicePanel } from '@par/entry-ui';
import type { ConflictChoice } from '@par/entry-ui';
import { ns } from '../i18n';
import { liveScore } from './form-state';
import type { EntryDraft } from './form-state';

export interface ConflictPanelProps {
  node: UnitCriterionNode;
  mine: EntryDraft;
  theirs: Entry;
  onChoose: (choice: ConflictChoice) => void;
}

export function ConflictPanel({ node, mine, theirs, onChoose }: ConflictPanelProps) {
  const { t } = useTranslation(ns);
  const locale = currentLanguage();
  const myScore = liveScore(node, mine, theirs);
  const id = `conflict-${node.code}`;
  const name = theirs.updatedBy?.username ?? t('conflict.someone');
  const scoreLine = (score: number | null) =>
    t('conflict.score', {
      score: score === null ? t('conflict.noScore') : formatHundredths(score, locale),
    });
  const texts = (testId: string, explanation: string, missing: string) => (
    <>
      <Typography.Paragraph
        style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
        data-testid={`${testId}-explanation`}
      >
        {explanation || t('conflict.noExplanation')}
      </Typography.Paragraph>
      {missing ? (
        <Typography.Paragraph
          type="secondary"
          style={{ whiteSpace: 'pre-wrap', marginTop: 4, marginBottom: 0 }}
        >
          {t('conflict.missingEvidence', { text: missing })}
        </Typography.Paragraph>
      ) : null}
    </>
  );
  return (
    <ConflictChoicePanel
      code={node.code}
      message={t('conflict.title', {
        name,
        at: theirs.updatedAt ? formatVietnamDateTime(theirs.updatedAt) : '—',
      })}
      mine={{
        title: t('conflict.mine'),
        score: scoreLine(myScore.ok ? myScore.score : null),
        body: texts(`${id}-mine`, mine.explanation, mine.missingEvidenceExplanation),
      }}
      theirs={{
        title: t('conflict.theirs', { name }),
        score: scoreLine(theirs.score),
        body: texts(`${id}-theirs`, theirs.explanation, theirs.missingEvidenceExplanation),
      }}
      keepMine={t('conflict.keepMine')}
      takeTheirs={t('conflict.takeTheirs')}
      onChoose={onChoose}
    />
  );
}
