/**
 * The evidence panel of one criterion on a page of its own, at
 * `evidence/:periodId?criterion=1.1&min=&max=&readOnly=1`: a deep link to a criterion's files,
 * and how the browser tests mount the panel apart from the self-assessment page around it. The
 * code is a query parameter because a path ending in `1.1` reads as a file to the web servers.
 */
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '@par/ui';
import { ns } from './evidence-i18n';
import { EvidencePanel } from './EvidencePanel';

export default function EvidencePanelPage() {
  const { t } = useTranslation(ns);
  const { periodId = '' } = useParams();
  const [search] = useSearchParams();
  const criterionCode = search.get('criterion') ?? '';
  const count = (name: string) => Math.max(0, Number(search.get(name) ?? 0) || 0);
  return (
    <>
      <PageHeader title={`${t('evidence.title')} · ${criterionCode}`} />
      <Card>
        <EvidencePanel
          periodId={periodId}
          criterionCode={criterionCode}
          readOnly={search.get('readOnly') === '1'}
          minFiles={count('min')}
          maxFiles={count('max')}
        />
      </Card>
    </>
  );
}
