/**
 * The "import from file" dialog: pick a CSV or XLSX sheet, see every row as the server read and
 * cleaned it with its errors, and create all units at once only when no row has an error.
 */
import { useRef, useState } from 'react';
import { Alert, Button, Flex, Modal, Progress, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { accountsActions, unitKinds } from '@par/contracts';
import type { UnitImportPreview, UnitImportResult, UnitImportRow } from '@par/contracts';
import { isApiError, useApiClient } from '@par/client';
import { ns } from '../i18n';
import { errorsByField, readFileAsBase64 } from './unit-import-state';

export interface UnitImportModalProps {
  open: boolean;
  onClose: () => void;
  onImported: (result: UnitImportResult) => void;
}

type Stage = 'idle' | 'reading' | 'uploading' | 'checking' | 'ready' | 'committing';

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
  const input = useRef<HTMLInputElement>(null);
  const [stage, setStage] = useState<Stage>('idle');
  const [percent, setPercent] = useState(0);
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<UnitImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setStage('idle');
    setPercent(0);
    setFile(null);
    setPreview(null);
    setError(null);
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
      const checked = await api.callAction(accountsActions.previewUnitImport, chosen, {
        onUploadProgress: (sent) => {
          setPercent(sent);
          if (sent >= 100) setStage('checking');
        },
      });
      setPreview(checked);
      setStage('ready');
    } catch (err) {
      setError(isApiError(err) ? err.message : t('units.import.readFailed'));
      setStage('idle');
    } finally {
      // The same file name can be picked again after it has been corrected.
      if (input.current) input.current.value = '';
    }
  };

  const commit = async () => {
    if (!file) return;
    setStage('committing');
    setError(null);
    try {
      const result = await api.callAction(accountsActions.commitUnitImport, file);
      reset();
      onImported(result);
    } catch (err) {
      setError(isApiError(err) ? err.message : String(err));
      setStage('ready');
    }
  };

  const invalid = preview?.totals.invalid ?? 0;
  const count = preview?.totals.rows ?? 0;
  const busy = stage !== 'idle' && stage !== 'ready';
  const progressText = {
    reading: t('units.import.reading'),
    uploading: t('units.import.uploading'),
    checking: t('units.import.checking'),
  } as Partial<Record<Stage, string>>;

  const columns: TableColumnsType<UnitImportRow> = [
    {
      key: 'row',
      dataIndex: 'row',
      title: t('units.import.column.row'),
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
    ...fields.map((field) => ({
      key: field,
      title: t(`units.import.column.${field}`),
      render: (_: unknown, record: UnitImportRow) => {
        const messages = errorsByField(record.errors).get(field);
        const cleaned = record.cleaned.find((c) => c.field === field);
        return (
          <div
            className={messages ? 'unit-import-cell-error' : undefined}
            data-testid={`unit-import-cell-${record.row}-${field}`}
          >
            {record.values[field] ?? (
              <Typography.Text type="secondary">{t('units.none')}</Typography.Text>
            )}
            {field === 'kind' ? <KindLabel value={record.values.kind} /> : null}
            {cleaned ? (
              <Tooltip title={t('units.import.cleanedFrom', { original: cleaned.original })}>
                <Tag color="blue" style={{ marginInlineStart: 6 }} tabIndex={0}>
                  {t('units.import.cleaned')}
                </Tag>
              </Tooltip>
            ) : null}
            {messages?.map((message) => (
              <Typography.Text
                key={message}
                type="danger"
                style={{ display: 'block' }}
                role="alert"
              >
                {message}
              </Typography.Text>
            ))}
          </div>
        );
      },
    })),
  ];

  return (
    <Modal
      open={open}
      title={t('units.import.title')}
      onCancel={close}
      width={1100}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          {t('units.form.cancel')}
        </Button>,
        <Button
          key="commit"
          type="primary"
          disabled={!preview || invalid > 0 || stage !== 'ready'}
          loading={stage === 'committing'}
          onClick={() => void commit()}
          data-testid="unit-import-commit"
        >
          {t('units.import.commit', { count })}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('units.import.help')}</Typography.Paragraph>
      {/* The sheet takes kind codes, not the labels the rest of the page shows: list them. */}
      <Typography.Paragraph data-testid="unit-import-kinds">
        {t('units.import.kinds', {
          kinds: unitKinds.map((kind) => `${kind} (${t(`unitKind.${kind}`)})`).join('; '),
        })}
      </Typography.Paragraph>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <label htmlFor="unit-import-file">
          <Typography.Text strong>{t('units.import.pick')}</Typography.Text>
        </label>
        <input
          ref={input}
          id="unit-import-file"
          data-testid="unit-import-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={(event) => void pick(event.target.files?.[0])}
        />
      </Flex>
      {progressText[stage] ? (
        <div data-testid="unit-import-progress" aria-live="polite">
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
          data-testid="unit-import-error"
        />
      ) : null}
      {preview ? (
        <>
          <Alert
            type={invalid > 0 ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="unit-import-summary"
            title={
              invalid > 0
                ? t('units.import.summaryInvalid', {
                    fileName: preview.fileName,
                    rows: preview.totals.rows,
                    invalid,
                  })
                : t('units.import.summaryValid', {
                    fileName: preview.fileName,
                    rows: preview.totals.rows,
                  })
            }
            description={
              preview.totals.cleaned > 0
                ? t('units.import.summaryCleaned', { count: preview.totals.cleaned })
                : undefined
            }
          />
          <div data-testid="unit-import-preview">
            <Table<UnitImportRow>
              rowKey="row"
              size="small"
              columns={columns}
              dataSource={preview.rows}
              rowClassName={(record) => (record.errors.length > 0 ? 'unit-import-row-error' : '')}
              onRow={(record) => ({
                'data-testid': `unit-import-row-${record.row}`,
                style: record.errors.length > 0 ? { background: '#fff1f0' } : undefined,
              })}
              pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
              scroll={{ x: true }}
            />
          </div>
        </>
      ) : null}
    </Modal>
  );
}
