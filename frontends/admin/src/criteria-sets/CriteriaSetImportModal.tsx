/**
 * The criteria-set import: a CSV, XLSX or JSON file checked row by row by the server (with the
 * total row it skipped), the set it becomes, and all rows imported at once only when no row has
 * an error (the steps are the shared import dialog's).
 */
import { useMemo } from 'react';
import { Flex, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { criteriaSetActions } from '@par/contracts';
import type {
  CriteriaImportField,
  CriteriaImportPreview,
  CriteriaImportRow,
  CriteriaSet,
  Index,
} from '@par/contracts';
import { useApiClient } from '@par/client';
import { PortalForm, SelectField, TextField, currentLanguage } from '@par/ui';
import { ns } from '../i18n';
import { ImportDialog } from '../shared/ImportDialog';
import { formatPoints } from './format-points';
import { emptySetForm, setFormResolver, toSetParams } from './create-form-state';
import type { SetFormValues } from './create-form-state';

export interface CriteriaSetImportModalProps {
  open: boolean;
  indices: readonly Index[];
  onClose: () => void;
  onImported: (set: CriteriaSet) => void;
}

/** The columns worth a glance in the preview; the rest travel unchanged. */
const shown: CriteriaImportField[] = [
  'code',
  'parentCode',
  'title',
  'maxScore',
  'ruleType',
  'ruleDetails',
];
const formId = 'criteria-import-target';

export function CriteriaSetImportModal({
  open,
  indices,
  onClose,
  onImported,
}: CriteriaSetImportModalProps) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const resolver = useMemo(
    () => setFormResolver(currentLanguage, () => t('form.invalid', { ns: 'ui' })),
    [t],
  );
  const blank = emptySetForm(new Date().getFullYear());
  const form = useForm<SetFormValues>({ defaultValues: blank, resolver });

  // Errors on columns the preview does not show still need a place on their row.
  const otherColumn: TableColumnsType<CriteriaImportRow> = [
    {
      key: 'other',
      title: t('criteriaSets.import.column.other'),
      render: (_: unknown, record: CriteriaImportRow) =>
        record.errors
          .filter((e) => !(shown as string[]).includes(e.field))
          .map((e) => (
            <Typography.Text
              key={`${e.field}-${e.message}`}
              type="danger"
              style={{ display: 'block' }}
              role="alert"
            >
              {e.message}
            </Typography.Text>
          )),
    },
  ];

  return (
    <ImportDialog<CriteriaImportField, CriteriaImportRow, CriteriaImportPreview, CriteriaSet>
      open={open}
      onClose={onClose}
      testId="criteria-import"
      textKey="criteriaSets.import"
      cancelText={t('criteriaSets.editor.cancel')}
      accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      width={1200}
      fields={shown}
      cleanedTitle={(cleaned) =>
        t('criteriaSets.import.cleanedFrom', {
          original: cleaned.original,
          changes: cleaned.changes.map((c) => t(`criteriaSets.import.change.${c}`)).join(', '),
        })
      }
      extraColumns={otherColumn}
      summaryExtra={(preview) => (
        <>
          {preview.totalRow ? (
            <div data-testid="criteria-import-total-row">
              {t(
                preview.totalRow.matches
                  ? 'criteriaSets.import.totalRowMatches'
                  : 'criteriaSets.import.totalRowDiffers',
                {
                  row: preview.totalRow.row,
                  value:
                    preview.totalRow.value === null ? '—' : formatPoints(preview.totalRow.value),
                  computed: formatPoints(preview.totalRow.computed),
                },
              )}
            </div>
          ) : null}
          {preview.totalRow?.errors.length ? (
            <div role="alert" data-testid="criteria-import-total-row-errors">
              {t('criteriaSets.import.totalRowErrors', { row: preview.totalRow.row })}{' '}
              {preview.totalRow.errors.map((e) => e.message).join(' ')}
            </div>
          ) : null}
          {preview.view ? (
            <div>
              {t('criteriaSets.import.treeSummary', {
                total: formatPoints(preview.view.totalMax),
                leaves: preview.view.leafCount,
                issues: preview.view.issues.length,
              })}
            </div>
          ) : null}
        </>
      )}
      check={(file, onUploadProgress) =>
        api.callAction(criteriaSetActions.previewCriteriaImport, file, { onUploadProgress })
      }
      onChecked={(checked) => {
        // A JSON export names its set: offer the same index, group and name.
        if (checked.meta) {
          form.reset({
            indexCode: checked.meta.indexCode,
            year: String(checked.meta.year),
            unitGroup: checked.meta.unitGroup,
            name: checked.meta.name,
            description: checked.meta.description ?? '',
          });
        }
      }}
      onReset={() => form.reset(blank)}
      onCommitted={onImported}
      commitForm={formId}
    >
      {(commit) => (
        <>
          <Typography.Title level={5}>{t('criteriaSets.import.target')}</Typography.Title>
          <PortalForm
            id={formId}
            form={form}
            onSubmit={(values: SetFormValues) =>
              commit((file) =>
                api.callAction(criteriaSetActions.commitCriteriaImport, {
                  ...file,
                  target: { kind: 'new', ...toSetParams(values) },
                }),
              )
            }
          >
            <Flex gap={12} wrap>
              <div style={{ minWidth: 220 }}>
                <SelectField<SetFormValues>
                  name="indexCode"
                  id="criteria-import-index"
                  label={t('criteriaSets.column.index')}
                  options={indices.map((index) => ({
                    value: index.code,
                    label: `${index.code} — ${index.name}`,
                  }))}
                  required
                  searchable
                />
              </div>
              <div style={{ width: 100 }}>
                <TextField<SetFormValues>
                  name="year"
                  id="criteria-import-year"
                  label={t('criteriaSets.column.year')}
                  required
                  maxLength={4}
                />
              </div>
              <div style={{ width: 180 }}>
                <TextField<SetFormValues>
                  name="unitGroup"
                  id="criteria-import-unit-group"
                  label={t('criteriaSets.column.unitGroup')}
                  required
                  maxLength={64}
                />
              </div>
              <div style={{ flex: '1 1 260px' }}>
                <TextField<SetFormValues>
                  name="name"
                  id="criteria-import-name"
                  label={t('criteriaSets.column.name')}
                  required
                  maxLength={200}
                />
              </div>
            </Flex>
          </PortalForm>
        </>
      )}
    </ImportDialog>
  );
}
