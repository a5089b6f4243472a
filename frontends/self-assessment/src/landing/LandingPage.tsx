/** The area's start page; for now it says that no assessment period is open yet. */
import { Button, Card } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '@par/auth';
import { unitApproverRole } from '@par/contracts';
import { EmptyState, PageHeader } from '@par/ui';
import { useTranslation } from 'react-i18next';
import { ns } from '../i18n';

export default function LandingPage() {
  const { t } = useTranslation(ns);
  const { hasRole } = useAuth();
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        extra={
          hasRole(unitApproverRole) ? (
            <Link to="account-requests" data-testid="account-requests-link">
              <Button>{t('accountRequests.link')}</Button>
            </Link>
          ) : null
        }
      />
      <Card>
        <EmptyState
          testId="no-open-period"
          title={t('empty.title')}
          description={t('empty.description')}
        />
      </Card>
    </>
  );
}
