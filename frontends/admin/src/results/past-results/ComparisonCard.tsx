/**
 * The comparison with last year: the admin picks the previous period of the same index, imports
 * its results from a sheet when it was never run here (a province's first year), and
 * consolidates again with the comparison.
 */
import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Typography } from 'antd';
import Select from 'antd/es/select';
import { useTranslation } from 'react-i18next';
import { periodActions } from '@par/contracts';
import type { Consolidation } from '@par/contracts';
import { useActionQuery } from '@par/client';
import { ns } from '../../i18n';
import { PastResultsImportModal } from './PastResultsImportModal';

export interface ComparisonCardProps {
  draft: Consolidation;
  consolidating: boolean;
  consolidate: (previousPeriodId: string | null) => Promise<string | null>;
}

export function ComparisonCard({ draft, consolidating, consolidate }: ComparisonCardProps) {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  // This index's periods only: every index's together can pass the list's limit.
  const periods = useActionQuery(periodActions.listPeriods, {
    indexCode: draft.indexCode,
    limit: 100,
  });
  const [previousId, setPreviousId] = useState<string | null>(
    draft.provenance.previousPeriodId ?? null,
  );
  const [importing, setImporting] = useState(false);
  const earlier = (periods.data?.items ?? []).filter(
    (p) => p.indexCode === draft.indexCode && p.year < draft.year,
  );

  const run = async (id: string | null) => {
    const failure = await consolidate(id);
    if (failure) void message.error(failure);
    else void message.success(t('results.consolidate.done'));
  };

  const source = !draft.provenance.previousPeriodId
    ? t('pastResults.source.none')
    : draft.provenance.pastResultsImportId
      ? t('pastResults.source.imported')
      : t('pastResults.source.consolidated');

  return (
    <Card title={t('pastResults.title')} data-testid="results-comparison">
      <Typography.Paragraph type="secondary">{t('pastResults.help')}</Typography.Paragraph>
      <Typography.Paragraph data-testid="results-comparison-source">{source}</Typography.Paragraph>
      <Flex gap={12} align="center" wrap>
        <Select
          id="results-previous-period"
          data-testid="results-previous-period"
          aria-label={t('pastResults.previous')}
          placeholder={t('pastResults.previous')}
          style={{ minWidth: 320 }}
          allowClear
          loading={periods.loading}
          value={previousId}
          onChange={(value: string | undefined) => setPreviousId(value ?? null)}
          options={earlier.map((p) => ({ value: p.id, label: `${p.name} (${p.year})` }))}
          notFoundContent={t('pastResults.noEarlier')}
        />
        <Button
          disabled={!previousId}
          onClick={() => setImporting(true)}
          data-testid="past-import-open"
        >
          {t('pastResults.import.open')}
        </Button>
        <Button
          type="primary"
          loading={consolidating}
          disabled={consolidating}
          onClick={() => void run(previousId)}
          data-testid="results-compare"
        >
          {previousId ? t('pastResults.compare') : t('pastResults.noCompare')}
        </Button>
      </Flex>
      {previousId ? (
        <PastResultsImportModal
          open={importing}
          periodId={previousId}
          onClose={() => setImporting(false)}
          onImported={(result) => {
            setImporting(false);
            void message.success(
              t('pastResults.import.done', {
                count: result.written,
                units: result.units,
                fileName: result.fileName,
              }),
            );
          }}
        />
      ) : null}
    </Card>
  );
}
