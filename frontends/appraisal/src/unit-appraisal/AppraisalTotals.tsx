/** Totals so far over the assigned criteria: the unit's self-scores, the round's scores, progress. */
import { memo } from 'react';
import { Alert, Card, Col, Progress, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatHundredths } from '@par/scoring';
import { currentLanguage } from '@par/ui';
import { ns } from '../i18n';
import type { AppraisalStore } from './appraisal-store';
import { useAppraisalSummary } from './store-hooks';
import { progressPercent } from '../worklist/worklist-query';

export const AppraisalTotals = memo(function AppraisalTotals({ store }: { store: AppraisalStore }) {
  const { t } = useTranslation(ns);
  const summary = useAppraisalSummary(store);
  const locale = currentLanguage();
  const ofMax = (score: number) =>
    t('totals.ofMax', {
      score: formatHundredths(score, locale),
      max: formatHundredths(summary.max, locale),
    });
  return (
    <Card size="small" title={t('totals.title')} data-testid="appraisal-totals">
      <Row gutter={[16, 12]}>
        <Col xs={24} sm={8}>
          <Statistic
            title={t('totals.self')}
            formatter={() => <span data-testid="total-self">{ofMax(summary.self)}</span>}
          />
        </Col>
        <Col xs={24} sm={8}>
          <Statistic
            title={t('totals.appraisal', { round: store.round })}
            formatter={() => <span data-testid="total-appraisal">{ofMax(summary.appraisal)}</span>}
          />
        </Col>
        <Col xs={24} sm={8}>
          <Statistic
            title={t('totals.progress')}
            formatter={() => (
              <span data-testid="total-progress">
                {t('totals.progressValue', {
                  appraised: summary.appraised,
                  assigned: summary.assigned,
                })}
              </span>
            )}
          />
          <Progress
            percent={progressPercent(summary.appraised, summary.assigned)}
            size="small"
            aria-hidden
          />
        </Col>
      </Row>
      {summary.needReason > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="totals-need-reason"
          message={t('totals.needReason', { count: summary.needReason })}
        />
      ) : null}
    </Card>
  );
});
