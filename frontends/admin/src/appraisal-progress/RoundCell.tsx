/** One appraiser's round in a cell: a bar, appraised / assigned, and whether it is sent. */
import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ns } from '../i18n';
import { formatVietnamTime } from '../periods/form-state';
import { formatCount, type RoundProgress } from './progress-view';

export function RoundCell({ testId, progress }: { testId: string; progress: RoundProgress }) {
  const { t } = useTranslation(ns);
  return (
    <div data-testid={testId} data-sent={progress.sentAt ? 'true' : 'false'}>
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
