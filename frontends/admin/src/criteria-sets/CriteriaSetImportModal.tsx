/**
 * The "import from file" dialog: pick a CSV, XLSX or JSON file, see every row as the server read
 * and cleaned it with its errors (and the total row it skipped), say which set it becomes, and
 * import all rows at once only when no row has an error.
 */
import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Flex, Modal, Progress, Table, Tag, Tooltip, Typography } from 'antd';
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
import { isApiError, useApiClient } from '@par/client';
import { PortalForm, SelectField, TextField, currentLanguage } from '@par/ui';
import { ns } from '../i18n';
import { formatPoints } from './format-points';
import { errorsByField, readFileAsBase64 } from '../units/unit-import-state';
import { emptySetForm, setFormResolver, toSetParams } from './create-form-state';
import type { SetFormValues } from './create-form-state';

export interface CriteriaSetImportModalProps {
  open: boolean;
  indices: readonly Index[];
  onClose: () => void;
  onImported: (set: CriteriaSet) => void;
}

type Stage = 'idle' | 'reading' | 'uploading' | 'checking' | 'ready' | 'committing';

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
  const input = useRef<HTMLInputElement>(null);
  const [stage, setStage] = useState<Stage>('idle');
  const [percent, setPercent] = useState(0);
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<CriteriaImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const resolver = useMemo(
    () => setFormResolver(currentLanguage, () => t('form.invalid', { ns: 'ui' })),
    [t],
  );
  const blank = emptySetForm(new Date().getFullYear());
  const form = useForm<SetFormValues>({ defaultValues: blank, resolver });

  const reset = () => {
    setStage('idle');
    setPercent(0);
    setFile(null);
    setPreview(null);
    setError(null);
    form.reset(blank);
    if (input.current) input.current.value = '';
  };
  const close = () => {
    reset();
    onClose();
  };

  const pick = async (picked: File | undefined) => {
    if (!picked) return;
    setError(null);
    setPreview(null);
    setStage('reading');
    setPercent(0);
    try {
      const contentBase64 = await readFileAsBase64(picked, setPercent);
      const chosen = { fileName: picked.name, contentBase64 };
      setFile(chosen);
      setStage('uploading');
      setPercent(0);
      const checked = await api.callAction(criteriaSetActions.previewCriteriaImport, chosen, {
        onUploadProgress: (sent) => {
          setPercent(sent);
          if (sent >= 100) setStage('checking');
        },
      });
      setPreview(checked);
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
      setStage('ready');
    } catch (err) {
      setError(isApiError(err) ? err.message : t('criteriaSets.import.readFailed'));
      setStage('idle');
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const commit = async (values: SetFormValues) => {
    if (!file) return;
    setStage('committing');
    setError(null);
    try {
      const set = await api.callAction(criteriaSetActions.commitCriteriaImport, {
        ...file,
        target: { kind: 'new', ...toSetParams(values) },
      });
      reset();
      onImported(set);
    } catch (err) {
      setError(isApiError(err) ? err.message : String(err));
      setStage('ready');
    }
  };

  const invalid = preview?.totals.invalid ?? 0;
  const busy = stage !== 'idle' && stage !== 'ready';
  const progressText: Partial<Record<Stage, string>> = {
    reading: t('criteriaSets.import.reading'),
    uploading: t('criteriaSets.import.uploading'),
    checking: t('criteriaSets.import.checking'),
  };

  const columns: TableColumnsType<CriteriaImportRow> = [
    {
      key: 'row',
      dataIndex: 'row',
      title: t('criteriaSets.import.column.row'),
      width: 70,
      render: (row: number, record) =>
        record.errors.length > 0 ? (
          <Typography.Text type="danger" strong>
            {row}
          </Typography.Text>
        ) : (
          row
        ),
    },
    ...shown.map((field) => ({
      key: field,
      title: t(`criteriaSets.import.column.${field}`),
      render: (_: unknown, record: CriteriaImportRow) => {
        const messages = errorsByField(record.errors).get(field);
        const cleaned = record.cleaned.find((c) => c.field === field);
        return (
          <div data-testid={`criteria-import-cell-${record.row}-${field}`}>
            {record.values[field] ?? <Typography.Text type="secondary">—</Typography.Text>}
            {cleaned ? (
              <Tooltip
                title={t('criteriaSets.import.cleanedFrom', {
                  original: cleaned.original,
                  changes: cleaned.changes
                    .map((c) => t(`criteriaSets.import.change.${c}`))
                    .join(', '),
                })}
              >
                <Tag color="blue" style={{ marginInlineStart: 6 }} tabIndex={0}>
                  {t('criteriaSets.import.cleaned')}
                </Tag>
              </Tooltip>
            ) : null}
            {messages?.map((text) => (
              <Typography.Text key={text} type="danger" style={{ display: 'block' }} role="alert">
                {text}
              </Typography.Text>
            ))}
          </div>
        );
      },
    })),
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
    <Modal
      open={open}
      title={t('criteriaSets.import.title')}
      onCancel={close}
      width={1200}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          {t('criteriaSets.editor.cancel')}
        </Button>,
        <Button
          key="commit"
          type="primary"
          htmlType="submit"
          form={formId}
          disabled={!preview || invalid > 0 || stage !== 'ready'}
          loading={stage === 'committing'}
          data-testid="criteria-import-commit"
        >
          {t('criteriaSets.import.commit', { count: preview?.totals.rows ?? 0 })}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('criteriaSets.import.help')}</Typography.Paragraph>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <label htmlFor="criteria-import-file">
          <Typography.Text strong>{t('criteriaSets.import.pick')}</Typography.Text>
        </label>
        <input
          ref={input}
          id="criteria-import-file"
          data-testid="criteria-import-file"
          type="file"
          accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={(event) => void pick(event.target.files?.[0])}
        />
      </Flex>
      {progressText[stage] ? (
        <div data-testid="criteria-import-progress" aria-live="polite">
          <Progress percent={stage === 'checking' ? 100 : percent} status="active" />
          <Typography.Text type="secondary">{progressText[stage]}</Typography.Text>
        </div>
      ) : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="criteria-import-error"
        />
      ) : null}
      {preview ? (
        <>
          <Alert
            type={invalid > 0 ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="criteria-import-summary"
            title={
              invalid > 0
                ? t('criteriaSets.import.summaryInvalid', {
                    fileName: preview.fileName,
                    rows: preview.totals.rows,
                    invalid,
                  })
                : t('criteriaSets.import.summaryValid', {
                    fileName: preview.fileName,
                    rows: preview.totals.rows,
                  })
            }
            description={
              <>
                {preview.totals.cleaned > 0 ? (
                  <div>
                    {t('criteriaSets.import.summaryCleaned', { count: preview.totals.cleaned })}
                  </div>
                ) : null}
                {preview.totalRow ? (
                  <div data-testid="criteria-import-total-row">
                    {t(
                      preview.totalRow.matches
                        ? 'criteriaSets.import.totalRowMatches'
                        : 'criteriaSets.import.totalRowDiffers',
                      {
                        row: preview.totalRow.row,
                        value:
                          preview.totalRow.value === null
                            ? '—'
                            : formatPoints(preview.totalRow.value),
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
            }
          />
          <div data-testid="criteria-import-preview">
            <Table<CriteriaImportRow>
              rowKey="row"
              size="small"
              columns={columns}
              dataSource={preview.rows}
              onRow={(record) => ({
                'data-testid': `criteria-import-row-${record.row}`,
                style: record.errors.length > 0 ? { background: '#fff1f0' } : undefined,
              })}
              pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
              scroll={{ x: true }}
            />
          </div>
          <Typography.Title level={5}>{t('criteriaSets.import.target')}</Typography.Title>
          <PortalForm id={formId} form={form} onSubmit={commit}>
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
      ) : null}
    </Modal>
  );
}
