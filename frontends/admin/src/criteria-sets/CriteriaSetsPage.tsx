/** The "Bộ tiêu chí" page: the indices and their criteria sets. */
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState, PageHeader } from '@par/ui';
import { ns } from '../i18n';

export default function CriteriaSetsPage() {
  const { t } = useTranslation(ns);
  return (
    <>
      <PageHeader title={t('criteriaSets.title')} description={t('criteriaSets.description')} />
      <Card>
        <EmptyState title={t('criteriaSets.empty')} />
      </Card>
    </>
  );
}
