/**
 * The survey results import: a sheet of per-unit survey scores (unit, survey criterion, score)
 * into the period's `survey` criteria, through the ranking sheet import with a column mapping
 * (shared with the past results import). Nothing is written while a cell has an error; a
 * result sent again replaces the earlier one, which the preview's last column shows.
 */
import { useTranslation } from 'react-i18next';
import { formatMessage, rankingActions, surveySheetFields } from '@par/contracts';
import type { ResultOf, SurveyImportPreview, SurveySheetField } from '@par/contracts';
import { useApiClient } from '@par/client';
import { formatHundredths } from '@par/scoring';
import { currentLanguage } from '@par/ui';
import { ns } from '../../i18n';
import { MappedSheetImportModal } from '../MappedSheetImportModal';

export type SurveyImportResult = ResultOf<typeof rankingActions.commitSurveyImport>;

export interface SurveyImportModalProps {
  open: boolean;
  periodId: string;
  onClose: () => void;
  onImported: (result: SurveyImportResult) => void;
}

export function SurveyImportModal(props: SurveyImportModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const locale = currentLanguage();
  return (
    <MappedSheetImportModal<SurveySheetField, SurveyImportPreview, SurveyImportResult>
      {...props}
      testId="survey-import"
      textKey="resultsSettings.survey"
      memoryKind="surveyImport"
      fields={surveySheetFields}
      roleLabel={(role) => formatMessage(`surveySheetRole.${role}`, {}, locale)}
      preview={(params, onUploadProgress) =>
        api.callAction(rankingActions.previewSurveyImport, params, { onUploadProgress })
      }
      commit={(params) => api.callAction(rankingActions.commitSurveyImport, params)}
      extraColumns={[
        {
          key: 'replaces',
          title: t('resultsSettings.survey.column.replaces'),
          align: 'right',
          render: (_, row) =>
            row.replaces === null ? (
              <span>—</span>
            ) : (
              <span data-testid={`survey-import-replaces-${row.row}`}>
                {formatHundredths(row.replaces, locale)}
              </span>
            ),
        },
      ]}
    />
  );
}
