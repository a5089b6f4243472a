/** The "Đợt đánh giá" page: assessment periods, their phases and progress. */
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState, PageHeader } from '@par/ui';
import { ns } from '../i18n';

export default function PeriodsPage() {
  const { t } = useTranslation(ns);
  return (
    <>
      <PageHeader title={t('periods.title')} description={t('periods.description')} />
      <Card>
        <EmptyState title={t('periods.empty')} />
      </Card>
    </>
  );
}
