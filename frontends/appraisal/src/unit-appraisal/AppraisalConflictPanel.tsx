/** Another council member saved this entry differently: both versions side by side, and the choice. */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatVietnamDateTime } from '@par/contracts';
import type { AppraisalEntry, AppraisalRound, CriterionNode } from '@par/contracts';
import { ConflictChoicePanel, liveScore } from '@par/entry-ui';
import type { ConflictChoice } from '@par/entry-ui';
import { formatHundredths } from '@par/scoring';
import { currentLanguage } from '@par/ui';
import { ns } from '../i18n';
import { roundValue } from './form-state';
import type { AppraisalDraft } from './form-state';

export interface AppraisalConflictPanelProps {
  node: CriterionNode;
  round: AppraisalRound;
  mine: AppraisalDraft;
  theirs: AppraisalEntry;
  onChoose: (choice: ConflictChoice) => void;
}

export function AppraisalConflictPanel({
  node,
  round,
  mine,
  theirs,
  onChoose,
}: AppraisalConflictPanelProps) {
  const { t } = useTranslation(ns);
  const locale = currentLanguage();
  const myScore = liveScore(node, mine, null);
  const value = roundValue(theirs, round);
  const name = value?.by.username ?? t('conflict.someone');
  const scoreLine = (score: number | null) =>
    t('conflict.score', {
      score: score === null ? t('conflict.noScore') : formatHundredths(score, locale),
    });
  const reasonLine = (reason: string) =>
    reason ? (
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
        {t('conflict.reason', { reason })}
      </Typography.Paragraph>
    ) : null;
  return (
    <ConflictChoicePanel
      code={node.code}
      message={t('conflict.title', {
        name,
        at: value ? formatVietnamDateTime(value.at) : '—',
      })}
      mine={{
        title: t('conflict.mine'),
        score: scoreLine(myScore.ok ? myScore.score : null),
        body: reasonLine(mine.reason),
      }}
      theirs={{
        title: t('conflict.theirs', { name }),
        score: scoreLine(value?.score ?? null),
        body: reasonLine(value?.reason ?? ''),
      }}
      keepMine={t('conflict.keepMine')}
      takeTheirs={t('conflict.takeTheirs')}
      onChoose={onChoose}
    />
  );
}
