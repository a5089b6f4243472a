/** The area's start page; for now it says that no assessment period is open yet. */
import { Card } from 'antd';
import { EmptyState, PageHeader } from '@par/ui';
import { useTranslation } from 'react-i18next';
import { ns } from '../i18n';

export default function LandingPage() {
  const { t } = useTranslation(ns);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
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
