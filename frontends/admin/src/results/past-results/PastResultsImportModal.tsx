/**
 * The past results import: a past period's sheet of unit × criterion self and appraised scores,
 * through the ranking sheet import with a column mapping (shared with the survey results
 * import); a new import replaces the period's earlier one whole, which the preview says.
 */
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  formatMessage,
  formatVietnamDateTime,
  pastResultsSheetFields,
  rankingPastResultsActions,
} from '@par/contracts';
import type {
  PastResultsImportPreview,
  PastResultsImportResult,
  PastResultsSheetField,
} from '@par/contracts';
import { useApiClient } from '@par/client';
import { currentLanguage } from '@par/ui';
import { ns } from '../../i18n';
import { MappedSheetImportModal } from '../MappedSheetImportModal';

export interface PastResultsImportModalProps {
  open: boolean;
  /** The past period the sheet's results belong to. */
  periodId: string;
  onClose: () => void;
  onImported: (result: PastResultsImportResult) => void;
}

export function PastResultsImportModal(props: PastResultsImportModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  return (
    <MappedSheetImportModal<
      PastResultsSheetField,
      PastResultsImportPreview,
      PastResultsImportResult
    >
      {...props}
      testId="past-import"
      textKey="pastResults.import"
      memoryKind="pastResultsImport"
      fields={pastResultsSheetFields}
      roleLabel={(role) => formatMessage(`pastResultsSheetRole.${role}`, {}, currentLanguage())}
      preview={(params, onUploadProgress) =>
        api.callAction(rankingPastResultsActions.previewPastResultsImport, params, {
          onUploadProgress,
        })
      }
      commit={(params) => api.callAction(rankingPastResultsActions.commitPastResultsImport, params)}
      summaryExtra={(preview) =>
        preview.replaces ? (
          <Alert
            type="info"
            data-testid="past-import-replaces"
            title={t('pastResults.import.replaces', {
              fileName: preview.replaces.fileName,
              at: formatVietnamDateTime(preview.replaces.at),
              rows: preview.replaces.rows,
            })}
          />
        ) : null
      }
    />
  );
}
