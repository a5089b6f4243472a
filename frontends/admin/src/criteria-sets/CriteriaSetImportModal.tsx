/**
 * The criteria-set import: a CSV, XLSX or JSON file checked row by row by the server (with the
 * total row it skipped), the columns of a province's own sheet mapped to the portal's (guessed,
 * confirmed or changed by the admin, the preview re-read at once), the set it becomes, and all
 * rows imported at once only when no row has an error (the steps are the shared import dialog's).
 */
import { useMemo, useRef, useState } from 'react';
import { Alert, Flex, Input, Typography } from 'antd';
import Select from 'antd/es/select';
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
import { currentLanguage } from '@par/ui';
import { PortalForm, SelectField, TextField } from '@par/ui/form';
import { ns } from '../i18n';
import { ImportDialog } from '../shared/ImportDialog';
import { SheetMappingStep } from '../shared/SheetMappingStep';
import {
  mappingRoleOptions,
  recallCriteriaMapping,
  remapPreview,
  rememberCriteriaMapping,
  roleLabel,
  sameMapping,
  type CriteriaMapping,
  type SheetInfo,
} from './import-mapping';
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
  // The mapping the admin set (null: the server's guess), read by `check` when it runs.
  const [mapping, setMappingState] = useState<CriteriaMapping | null>(null);
  const [recalled, setRecalled] = useState(false);
  const mappingRef = useRef<CriteriaMapping | null>(null);
  const setMapping = (next: CriteriaMapping | null) => {
    mappingRef.current = next;
    setMappingState(next);
  };
  const locale = currentLanguage();

  const changeMapping = (sheet: SheetInfo, change: (m: CriteriaMapping) => CriteriaMapping) => {
    const next = change(mapping ?? sheet.mapping);
    setMapping(next);
    rememberCriteriaMapping(sheet.header, next);
  };

  const mappingStep = (preview: CriteriaImportPreview) => {
    const sheet = preview.sheet;
    if (!sheet) return null;
    const current = mapping ?? sheet.mapping;
    return (
      <>
        <SheetMappingStep
          testId="criteria-import"
          header={sheet.header}
          rows={sheet.rows}
          roles={current.roles}
          guessed={sheet.guessed}
          options={mappingRoleOptions}
          roleLabel={(role) => roleLabel(role, locale)}
          problems={sheet.problems}
          note={
            recalled ? (
              <Alert
                type="info"
                showIcon
                title={t('criteriaSets.import.mapping.recalled')}
                style={{ marginBottom: 8 }}
                data-testid="criteria-import-mapping-recalled"
              />
            ) : null
          }
          onChange={(column, role) =>
            changeMapping(sheet, (m) => ({
              ...m,
              roles: m.roles.map((r, i) => (i === column ? role : r)),
            }))
          }
        />
        <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
          <label htmlFor="criteria-import-default-rule">
            {t('criteriaSets.import.mapping.defaultRule')}
          </label>
          <Select<string>
            id="criteria-import-default-rule"
            style={{ minWidth: 360 }}
            value={current.defaultRule}
            onChange={(value) =>
              changeMapping(sheet, (m) => ({
                ...m,
                defaultRule: value as CriteriaMapping['defaultRule'],
              }))
            }
            options={(['manual', 'boolean', 'none'] as const).map((rule) => ({
              value: rule,
              label: t(`criteriaSets.import.mapping.rule.${rule}`),
            }))}
          />
        </Flex>
        {sheet.areas.length > 0 ? (
          <div data-testid="criteria-import-areas" style={{ marginBottom: 12 }}>
            <Typography.Text strong>{t('criteriaSets.import.mapping.areas')}</Typography.Text>
            {sheet.areas.map((area, i) => (
              <Flex key={area.name} gap={8} align="center" style={{ marginTop: 4 }}>
                <Input
                  id={`criteria-import-area-code-${i}`}
                  data-testid={`criteria-import-area-code-${i}`}
                  aria-label={t('criteriaSets.import.mapping.areaCode', { name: area.name })}
                  style={{ width: 90 }}
                  maxLength={32}
                  value={current.areaCodes[area.name] ?? area.code}
                  onChange={(event) => {
                    const code = event.target.value;
                    changeMapping(sheet, (m) => ({
                      ...m,
                      areaCodes: { ...m.areaCodes, [area.name]: code },
                    }));
                  }}
                />
                <span>{area.name}</span>
              </Flex>
            ))}
          </div>
        ) : null}
        {sheet.keptAside.length > 0 ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="criteria-import-kept-aside"
            title={t('criteriaSets.import.mapping.keptAside', {
              columns: sheet.keptAside.map((k) => `«${k.header}»`).join(', '),
            })}
          />
        ) : null}
      </>
    );
  };

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
        api.callAction(
          criteriaSetActions.previewCriteriaImport,
          { ...file, ...(mappingRef.current ? { mapping: mappingRef.current } : {}) },
          { onUploadProgress },
        )
      }
      onPicked={() => {
        setMapping(null);
        setRecalled(false);
      }}
      renderMapping={mappingStep}
      display={(preview) => remapPreview(preview, mapping, locale)}
      recheckKey={mapping ? JSON.stringify(mapping) : ''}
      blocked={(preview) => (preview.sheet?.problems.length ?? 0) > 0}
      rowId={(row) => (row.created ? `new-${row.values.code ?? ''}` : String(row.row))}
      onChecked={(checked) => {
        // The same header as a sheet mapped before: the mapping made then, not a new guess.
        if (!mappingRef.current && checked.sheet) {
          const kept = recallCriteriaMapping(checked.sheet.header);
          if (kept && !sameMapping(kept, checked.sheet.mapping)) {
            setMapping(kept);
            setRecalled(true);
          }
        }
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
      onReset={() => {
        form.reset(blank);
        setMapping(null);
        setRecalled(false);
      }}
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
                  ...(mappingRef.current ? { mapping: mappingRef.current } : {}),
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
