/**
 * What the admin sets before (re)consolidating a period: the survey results per unit (imported
 * from a sheet), the index's band table and the areas that break ties. Each applies at the next
 * consolidation, which this card does not start on its own (except the tie-break's button).
 */
import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ns } from '../../i18n';
import { SurveyImportModal } from './SurveyImportModal';

export interface ResultsSettingsCardProps {
  periodId: string;
}

export function ResultsSettingsCard({ periodId }: ResultsSettingsCardProps) {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const [importing, setImporting] = useState(false);

  return (
    <Card title={t('resultsSettings.title')} data-testid="results-settings">
      <Typography.Paragraph type="secondary">{t('resultsSettings.help')}</Typography.Paragraph>
      <Flex gap={12} align="center" wrap>
        <Button onClick={() => setImporting(true)} data-testid="survey-import-open">
          {t('resultsSettings.survey.open')}
        </Button>
      </Flex>
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
    </Card>
  );
}
