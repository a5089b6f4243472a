/**
 * The past results import: a past period's sheet of unit × criterion self and appraised scores,
 * its columns mapped to ours (guessed from its header, confirmed or changed by the admin: the
 * criteria import's mapping step), checked row by row by the server against the criteria set's
 * rules, and written all at once only when no row has an error (the shared import dialog's steps).
 */
import { useRef, useState } from 'react';
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
import { ImportDialog } from '../../shared/ImportDialog';
import { SheetMappingStep } from '../../shared/SheetMappingStep';
import { recallMapping, rememberMapping } from '../../shared/remembered-mapping';

type Mapping = { roles: Array<PastResultsSheetField | null> };
type Row = PastResultsImportPreview['rows'][number] & { cleaned: [] };
/** The server's preview as the shared dialog shows it (this import cleans no cell). */
type Preview = Omit<PastResultsImportPreview, 'rows' | 'totals'> & {
  rows: Row[];
  totals: PastResultsImportPreview['totals'] & { cleaned: number };
};

const asDialogPreview = (preview: PastResultsImportPreview): Preview => ({
  ...preview,
  rows: preview.rows.map((row) => ({ ...row, cleaned: [] })),
  totals: { ...preview.totals, cleaned: 0 },
});

export interface PastResultsImportModalProps {
  open: boolean;
  /** The past period the sheet's results belong to. */
  periodId: string;
  onClose: () => void;
  onImported: (result: PastResultsImportResult) => void;
}

export function PastResultsImportModal({
  open,
  periodId,
  onClose,
  onImported,
}: PastResultsImportModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const [mapping, setMappingState] = useState<Mapping | null>(null);
  const mappingRef = useRef<Mapping | null>(null);
  const setMapping = (next: Mapping | null) => {
    mappingRef.current = next;
    setMappingState(next);
  };
  const params = <T extends object>(file: T) => ({
    ...file,
    periodId,
    ...(mappingRef.current ? { mapping: mappingRef.current } : {}),
  });

  const mappingStep = (preview: Preview) => {
    const { sheet } = preview;
    const roles = mapping?.roles ?? sheet.mapping.roles;
    return (
      <SheetMappingStep
        testId="past-import"
        header={sheet.header}
        rows={sheet.rows}
        roles={roles}
        guessed={sheet.guessed}
        options={pastResultsSheetFields}
        roleLabel={(role) => formatMessage(`pastResultsSheetRole.${role}`, {}, currentLanguage())}
        problems={sheet.problems}
        onChange={(column, role) => {
          const next = { roles: roles.map((r, i) => (i === column ? role : r)) };
          setMapping(next);
          rememberMapping('pastResultsImport', sheet.header, next);
        }}
      />
    );
  };

  return (
    <ImportDialog<PastResultsSheetField, Row, Preview, PastResultsImportResult>
      open={open}
      onClose={onClose}
      testId="past-import"
      textKey="pastResults.import"
      cancelText={t('results.cancel')}
      accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      width={1100}
      fields={pastResultsSheetFields}
      cleanedTitle={() => null}
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
      check={async (file, onUploadProgress) =>
        asDialogPreview(
          await api.callAction(rankingPastResultsActions.previewPastResultsImport, params(file), {
            onUploadProgress,
          }),
        )
      }
      send={(file) =>
        api.callAction(rankingPastResultsActions.commitPastResultsImport, params(file))
      }
      onPicked={() => setMapping(null)}
      onReset={() => setMapping(null)}
      onChecked={(checked) => {
        // The same header as a sheet mapped before: the mapping made then, not a new guess.
        if (mappingRef.current) return;
        const kept = recallMapping<Mapping>(
          'pastResultsImport',
          checked.sheet.header,
          pastResultsSheetFields,
        );
        if (kept && JSON.stringify(kept.roles) !== JSON.stringify(checked.sheet.mapping.roles))
          setMapping(kept);
      }}
      renderMapping={mappingStep}
      recheckKey={mapping ? JSON.stringify(mapping) : ''}
      blocked={(preview) => preview.sheet.problems.length > 0}
      onCommitted={onImported}
    />
  );
}
