/**
 * The unit's periods (open, upcoming, closed): deadline, status and progress, each opening its
 * page; a published period also shows the unit's own result.
 */
import { useEffect } from 'react';
import { Button, Card, Flex, Progress, Tag, Typography } from 'antd';
import List from 'antd/es/list';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '@par/auth';
import {
  formatVietnamDateTime,
  rankingPublicActions,
  selfAssessmentActions,
  unitApproverRole,
} from '@par/contracts';
import type { UnitPeriod } from '@par/contracts';
import { useActionQuery } from '@par/client';
import { EmptyState, ErrorState, Loading, PageHeader } from '@par/ui';
import { useBasePath } from '../base-path';
import { ns } from '../i18n';
import { selfAssessmentRoutes } from '../routes';
import { DeadlineLine } from '../shared/DeadlineLine';
import { groupPeriods, periodGroups, selfAssessmentStart } from './period-groups';
import { PublishedStanding } from './PublishedStanding';
import type { PeriodGroup } from './period-groups';

export default function UnitPeriodsPage() {
  const { t } = useTranslation(ns);
  const { hasRole, user } = useAuth();
  const basePath = useBasePath();
  const listing = useActionQuery(selfAssessmentActions.listUnitPeriods, {});
  // Which periods the province has published: their lines show the unit's own result.
  const published = useActionQuery(rankingPublicActions.listPublishedResults, {});
  const publishedIds = new Set((published.data?.items ?? []).map((p) => p.periodId));
  const groups = groupPeriods(listing.data?.items ?? []);
  // A service starting or restarting answers "unavailable" for a moment: ask again by itself.
  const retryable = listing.error?.retryable ?? false;
  const { reload } = listing;
  useEffect(() => {
    if (!retryable) return;
    const timer = window.setTimeout(reload, 3000);
    return () => window.clearTimeout(timer);
  }, [retryable, reload, listing.error]);

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        extra={
          <Flex gap={8} wrap>
            <Link
              to={selfAssessmentRoutes.consultations.to(basePath)}
              data-testid="consultations-link"
            >
              <Button>{t('consultations.link')}</Button>
            </Link>
            <Link to={selfAssessmentRoutes.questions.to(basePath)} data-testid="questions-link">
              <Button>{t('questions.link')}</Button>
            </Link>
            {hasRole(unitApproverRole) ? (
              <Link to="account-requests" data-testid="account-requests-link">
                <Button>{t('accountRequests.link')}</Button>
              </Link>
            ) : null}
          </Flex>
        }
      />
      {listing.loading && !listing.data ? (
        <Loading />
      ) : listing.error ? (
        <ErrorState
          testId="periods-error"
          title={t('periods.loadFailed')}
          description={listing.error.message}
          onRetry={listing.reload}
        />
      ) : (
        <Flex vertical gap={16}>
          {groups.open.length === 0 ? (
            <Card>
              <EmptyState
                testId="no-open-period"
                title={t('empty.title')}
                description={t('empty.description')}
              />
            </Card>
          ) : null}
          {periodGroups.map((group) =>
            groups[group].length ? (
              <PeriodGroupCard
                key={group}
                group={group}
                periods={groups[group]}
                publishedIds={publishedIds}
                unitCode={user.unit}
              />
            ) : null,
          )}
        </Flex>
      )}
    </>
  );
}

function PeriodGroupCard({
  group,
  periods,
  publishedIds,
  unitCode,
}: {
  group: PeriodGroup;
  periods: UnitPeriod[];
  publishedIds: ReadonlySet<string>;
  unitCode: string | null;
}) {
  const { t } = useTranslation(ns);
  const basePath = useBasePath();
  return (
    <Card title={t(`periods.group.${group}`)} data-testid={`periods-${group}`}>
      <List
        dataSource={periods}
        renderItem={(period) => {
          const start = selfAssessmentStart(period);
          const percent = period.leafCount
            ? Math.floor((period.completedCount * 100) / period.leafCount)
            : 0;
          return (
            <List.Item
              data-testid={`period-${period.periodId}`}
              actions={[
                <Link
                  key="open"
                  to={selfAssessmentRoutes.period.to(basePath, period.periodId)}
                  data-testid={`period-open-${period.periodId}`}
                >
                  <Button type={group === 'open' ? 'primary' : 'default'}>
                    {t(
                      group === 'open' && period.status === 'draft'
                        ? 'periods.fill'
                        : 'periods.view',
                    )}
                  </Button>
                </Link>,
                ...(period.currentPhase === 'clarification'
                  ? [
                      <Link
                        key="clarification"
                        to={selfAssessmentRoutes.clarification.to(basePath, period.periodId)}
                        data-testid={`period-clarification-${period.periodId}`}
                      >
                        <Button type="primary">{t('periods.clarify')}</Button>
                      </Link>,
                    ]
                  : []),
              ]}
            >
              <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                <Flex gap={8} wrap align="center">
                  <Typography.Text strong>{period.name}</Typography.Text>
                  <Tag>{t(`phase.${period.currentPhase}`)}</Tag>
                  <Tag
                    color={period.status === 'submitted' ? 'green' : 'default'}
                    data-testid="period-status"
                  >
                    {t(`status.${period.status}`)}
                  </Tag>
                </Flex>
                <Typography.Text type="secondary">
                  {period.deadline ? (
                    <DeadlineLine deadline={period.deadline} testId="period-deadline" />
                  ) : group === 'upcoming' && start ? (
                    t('periods.opensAt', { at: formatVietnamDateTime(start) })
                  ) : (
                    t('periods.noDeadline')
                  )}
                </Typography.Text>
                <Flex gap={8} align="center" style={{ maxWidth: 420 }}>
                  <Progress
                    percent={percent}
                    size="small"
                    showInfo={false}
                    style={{ flex: 1, margin: 0 }}
                  />
                  <Typography.Text type="secondary" data-testid="period-progress">
                    {t('periods.progress', {
                      done: period.completedCount,
                      total: period.leafCount,
                    })}
                  </Typography.Text>
                </Flex>
                {unitCode && publishedIds.has(period.periodId) ? (
                  <PublishedStanding periodId={period.periodId} unitCode={unitCode} />
                ) : null}
              </Flex>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
