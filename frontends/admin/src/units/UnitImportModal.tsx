/**
 * The units import: a CSV or XLSX sheet of units, checked row by row by the server, created all
 * at once only when no row has an error (the steps are the shared import dialog's).
 */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { accountsActions, unitKinds } from '@par/contracts';
import type { UnitImportPreview, UnitImportResult, UnitImportRow } from '@par/contracts';
import { useApiClient } from '@par/client';
import { ns } from '../i18n';
import { ImportDialog } from '../shared/ImportDialog';

export interface UnitImportModalProps {
  open: boolean;
  onClose: () => void;
  onImported: (result: UnitImportResult) => void;
}

type Field = keyof UnitImportRow['values'];
const fields: Field[] = ['code', 'name', 'kind', 'parentCode', 'unitGroup', 'shortName'];

/** What a kind code in the sheet means, so the admin sees "ward" was read as "Phường". */
function KindLabel({ value }: { value: string | null }) {
  const { t } = useTranslation(ns);
  const kind = unitKinds.find((k) => k === value?.toLowerCase());
  return kind ? (
    <Typography.Text type="secondary"> ({t(`unitKind.${kind}`)})</Typography.Text>
  ) : null;
}

export function UnitImportModal({ open, onClose, onImported }: UnitImportModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  return (
    <ImportDialog<Field, UnitImportRow, UnitImportPreview, UnitImportResult>
      open={open}
      onClose={onClose}
      testId="unit-import"
      textKey="units.import"
      cancelText={t('units.form.cancel')}
      accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      width={1100}
      intro={
        // The sheet takes kind codes, not the labels the rest of the page shows: list them.
        <Typography.Paragraph data-testid="unit-import-kinds">
          {t('units.import.kinds', {
            kinds: unitKinds.map((kind) => `${kind} (${t(`unitKind.${kind}`)})`).join('; '),
          })}
        </Typography.Paragraph>
      }
      fields={fields}
      emptyCell={t('units.none')}
      cellExtra={(field, row) => (field === 'kind' ? <KindLabel value={row.values.kind} /> : null)}
      cleanedTitle={(cleaned) => t('units.import.cleanedFrom', { original: cleaned.original })}
      check={(file, onUploadProgress) =>
        api.callAction(accountsActions.previewUnitImport, file, { onUploadProgress })
      }
      send={(file) => api.callAction(accountsActions.commitUnitImport, file)}
      onCommitted={onImported}
    />
  );
}
