/**
 * What the admin sets before (re)consolidating a period: the survey results per unit (imported
 * from a sheet), the index's band table and the areas that break ties, in order. The first two
 * apply at the next consolidation; the tie-break has its own button that consolidates again.
 */
import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Typography } from 'antd';
import Select from 'antd/es/select';
import { useTranslation } from 'react-i18next';
import type { Consolidation } from '@par/contracts';
import { ns } from '../../i18n';
import { BandTableModal } from './BandTableModal';
import { SurveyImportModal } from './SurveyImportModal';
import { areaCodesOf } from './tie-break';

export interface ResultsSettingsCardProps {
  periodId: string;
  /** The period's index, whose band table is edited; unknown while the periods load. */
  indexCode: string | undefined;
  /** The latest draft (its areas are the tie-break's choices), or null before the first. */
  draft: Consolidation | null;
  consolidating: boolean;
  consolidate: (
    previousPeriodId?: string | null,
    tieBreakAreaCodes?: string[],
  ) => Promise<string | null>;
}

export function ResultsSettingsCard({
  periodId,
  indexCode,
  draft,
  consolidating,
  consolidate,
}: ResultsSettingsCardProps) {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const [importing, setImporting] = useState(false);
  const [editingBands, setEditingBands] = useState(false);
  const [tieBreak, setTieBreak] = useState<string[]>(draft?.tieBreakAreaCodes ?? []);
  const areas = draft ? areaCodesOf(draft) : [];
  const current = draft?.tieBreakAreaCodes ?? [];

  const applyTieBreak = async () => {
    const failure = await consolidate(undefined, tieBreak);
    if (failure) void message.error(failure);
    else void message.success(t('results.consolidate.done'));
  };

  return (
    <Card title={t('resultsSettings.title')} data-testid="results-settings">
      <Typography.Paragraph type="secondary">{t('resultsSettings.help')}</Typography.Paragraph>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <Button onClick={() => setImporting(true)} data-testid="survey-import-open">
          {t('resultsSettings.survey.open')}
        </Button>
        <Button
          onClick={() => setEditingBands(true)}
          disabled={!indexCode}
          data-testid="band-table-open"
        >
          {t('resultsSettings.bands.open')}
        </Button>
      </Flex>
      <Typography.Title level={5} id="results-tie-break-label">
        {t('resultsSettings.tieBreak.label')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('resultsSettings.tieBreak.help')}
      </Typography.Paragraph>
      {draft ? (
        <Typography.Paragraph data-testid="results-tie-break-current">
          {current.length > 0
            ? t('resultsSettings.tieBreak.current', { areas: current.join(' → ') })
            : t('resultsSettings.tieBreak.none')}
        </Typography.Paragraph>
      ) : null}
      {areas.length === 0 ? (
        <Typography.Paragraph type="secondary" data-testid="results-tie-break-empty">
          {t('resultsSettings.tieBreak.noAreas')}
        </Typography.Paragraph>
      ) : (
        <Flex gap={12} align="center" wrap>
          <Select
            mode="multiple"
            id="results-tie-break"
            data-testid="results-tie-break"
            aria-labelledby="results-tie-break-label"
            style={{ minWidth: 320 }}
            placeholder={t('resultsSettings.tieBreak.placeholder')}
            value={tieBreak}
            onChange={(value: string[]) => setTieBreak(value)}
            // The order picked is the order applied: each option says its place once picked.
            options={areas.map((code) => {
              const place = tieBreak.indexOf(code);
              return { value: code, label: place >= 0 ? `${place + 1}. ${code}` : code };
            })}
          />
          <Button
            type="primary"
            loading={consolidating}
            disabled={consolidating}
            onClick={() => void applyTieBreak()}
            data-testid="results-tie-break-apply"
          >
            {t('resultsSettings.tieBreak.apply')}
          </Button>
        </Flex>
      )}
      <SurveyImportModal
        open={importing}
        periodId={periodId}
        onClose={() => setImporting(false)}
        onImported={(result) => {
          setImporting(false);
          void message.success(
            t('resultsSettings.survey.done', {
              count: result.written,
              replaced: result.replaced,
              fileName: result.fileName,
            }),
          );
        }}
      />
      {indexCode ? (
        <BandTableModal
          open={editingBands}
          indexCode={indexCode}
          onClose={() => setEditingBands(false)}
          onSaved={() => setEditingBands(false)}
        />
      ) : null}
    </Card>
  );
}
