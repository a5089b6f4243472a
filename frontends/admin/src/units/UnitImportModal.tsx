/**
 * The units import: a CSV or XLSX sheet of units, its columns mapped to ours (guessed from its
 * header, confirmed or changed by the admin: the criteria import's mapping step), checked row by
 * row by the server, created all at once only when no row has an error (the steps are the shared
 * import dialog's).
 */
import { useRef, useState } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { accountsActions, formatMessage, unitImportFields, unitKinds } from '@par/contracts';
import type {
  UnitImportField,
  UnitImportPreview,
  UnitImportResult,
  UnitImportRow,
} from '@par/contracts';
import { useApiClient } from '@par/client';
import { currentLanguage } from '@par/ui';
import { ns } from '../i18n';
import { ImportDialog } from '../shared/ImportDialog';
import { SheetMappingStep } from '../shared/SheetMappingStep';
import { recallMapping, rememberMapping } from '../shared/remembered-mapping';

type Mapping = { roles: Array<UnitImportField | null> };

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
  // The mapping the admin set (null: the server's guess), read by `check` when it runs.
  const [mapping, setMappingState] = useState<Mapping | null>(null);
  const mappingRef = useRef<Mapping | null>(null);
  const setMapping = (next: Mapping | null) => {
    mappingRef.current = next;
    setMappingState(next);
  };
  const withMapping = <T extends object>(file: T) =>
    mappingRef.current ? { ...file, mapping: mappingRef.current } : file;

  const mappingStep = (preview: UnitImportPreview) => {
    const sheet = preview.sheet;
    if (!sheet) return null;
    const roles = mapping?.roles ?? sheet.mapping.roles;
    return (
      <SheetMappingStep
        testId="unit-import"
        header={sheet.header}
        rows={sheet.rows}
        roles={roles}
        guessed={sheet.guessed}
        options={unitImportFields}
        roleLabel={(role) => formatMessage(`unitSheetRole.${role}`, {}, currentLanguage())}
        problems={sheet.problems}
        onChange={(column, role) => {
          const next = { roles: roles.map((r, i) => (i === column ? role : r)) };
          setMapping(next);
          rememberMapping('unitImport', sheet.header, next);
        }}
      />
    );
  };

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
        api.callAction(accountsActions.previewUnitImport, withMapping(file), { onUploadProgress })
      }
      send={(file) => api.callAction(accountsActions.commitUnitImport, withMapping(file))}
      onPicked={() => setMapping(null)}
      onReset={() => setMapping(null)}
      onChecked={(checked) => {
        // The same header as a sheet mapped before: the mapping made then, not a new guess.
        if (mappingRef.current || !checked.sheet) return;
        const kept = recallMapping<Mapping>('unitImport', checked.sheet.header, unitImportFields);
        if (kept && JSON.stringify(kept.roles) !== JSON.stringify(checked.sheet.mapping.roles)) {
          setMapping(kept);
        }
      }}
      renderMapping={mappingStep}
      recheckKey={mapping ? JSON.stringify(mapping) : ''}
      blocked={(preview) => (preview.sheet?.problems.length ?? 0) > 0}
      onCommitted={onImported}
    />
  );
}
