/** One appraiser's round in a cell: a bar, appraised / assigned, and whether it is sent. */
import { Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ns } from '../i18n';
import { formatVietnamTime } from '../periods/form-state';
import { formatCount, type RoundProgress } from './progress-view';

export interface RoundCellProps {
  testId: string;
  progress: RoundProgress;
  /** False before the round's phase: nothing to show yet. */
  begun: boolean;
}

export function RoundCell({ testId, progress, begun }: RoundCellProps) {
  const { t } = useTranslation(ns);
  if (!begun)
    return (
      <Typography.Text type="secondary" data-testid={`${testId}-not-begun`}>
        {t('appraisalProgress.notBegun')}
      </Typography.Text>
    );
  return (
    <div data-testid={testId}>
      <Progress
        percent={progress.percent}
        size="small"
        showInfo={false}
        status={progress.sentAt ? 'success' : 'normal'}
        aria-hidden
      />
      <span data-testid={`${testId}-count`}>
        {t('appraisalProgress.appraisers.progress', {
          appraised: formatCount(progress.appraised),
          assigned: formatCount(progress.assigned),
        })}
      </span>{' '}
      {progress.sentAt ? (
        <Tag color="green" data-testid={`${testId}-sent`}>
          {t('appraisalProgress.appraisers.sentAt', { time: formatVietnamTime(progress.sentAt) })}
        </Tag>
      ) : (
        <Tag data-testid={`${testId}-not-sent`}>{t('appraisalProgress.appraisers.notSent')}</Tag>
      )}
    </div>
  );
}
