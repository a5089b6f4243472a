/**
 * The steps every "import from file" dialog shares: pick a file, read it as base64, have the
 * server check it (with progress), show each row as the server read and cleaned it with its
 * errors, and send it only when no row has an error. Each import brings its calls, its columns
 * and its texts (catalogue keys under one prefix).
 */
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, Button, Flex, Modal, Progress, Tag, Tooltip, Typography } from 'antd';
import Table from 'antd/es/table';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@par/client';
import { ns } from '../i18n';
import { errorsByField, readFileAsBase64 } from './file-transfer';

export interface ImportFile {
  fileName: string;
  contentBase64: string;
}

export interface ImportRowBase<F extends string> {
  row: number;
  values: Partial<Record<F, string | null>>;
  cleaned: ReadonlyArray<{ field: string; original: string; changes: readonly string[] }>;
  errors: ReadonlyArray<{ field: string; message: string }>;
  /** A row the sheet lacks, made by the import (a missing parent); it shares its child's number. */
  created?: boolean;
}

export interface ImportPreviewBase<Row> {
  fileName: string;
  rows: Row[];
  totals: { rows: number; invalid: number; cleaned: number };
}

/** Sends the checked file; resolves with what the dialog hands to `onCommitted`. */
export type ImportSend<R> = (file: ImportFile) => Promise<R>;

export interface ImportDialogProps<
  F extends string,
  Row extends ImportRowBase<F>,
  P extends ImportPreviewBase<Row>,
  R,
> {
  open: boolean;
  onClose: () => void;
  /** Prefix of the data-testids and of the file input's id, e.g. `unit-import`. */
  testId: string;
  /** Catalogue prefix of the texts: title, help, pick, reading, uploading, checking, readFailed, commit, cleaned, summary*, column.*. */
  textKey: string;
  cancelText: ReactNode;
  accept: string;
  width: number;
  /** Shown under the help paragraph, before the file picker. */
  intro?: ReactNode;
  /** The columns of the preview, in order, after the row number. */
  fields: readonly F[];
  emptyCell?: ReactNode;
  /** More to show in a cell after its value (e.g. what a code means). */
  cellExtra?: (field: F, row: Row) => ReactNode;
  cleanedTitle: (cleaned: Row['cleaned'][number]) => ReactNode;
  /** Columns after the fields. */
  extraColumns?: TableColumnsType<Row>;
  /** More lines under the summary; without it the summary says only how many cells were cleaned. */
  summaryExtra?: (preview: P) => ReactNode;
  check: (file: ImportFile, onUploadProgress: (percent: number) => void) => Promise<P>;
  onChecked?: (preview: P) => void;
  onCommitted: (result: R) => void;
  /** Called whenever the dialog starts over (closed, or imported), to clear what the caller keeps. */
  onReset?: () => void;
  /** The send on the commit button; or, with `commitForm`, the form (given `commit`) submits. */
  send?: ImportSend<R>;
  commitForm?: string;
  /** Shown under the preview table; `commit` runs a send with the dialog's progress and errors. */
  children?: (commit: (send: ImportSend<R>) => Promise<void>) => ReactNode;
  /** The column-mapping step, shown above the summary once a file is read. */
  renderMapping?: (preview: P) => ReactNode;
  /**
   * The preview as shown: the caller may re-read the server's rows at once under a mapping the
   * server has not checked yet (the check runs again meanwhile, see `recheckKey`).
   */
  display?: (preview: P) => P;
  /** Changes whenever what `check` sends changes (e.g. the mapping): the file is checked again. */
  recheckKey?: string;
  /** True when the preview cannot be imported as it stands, whatever its rows say. */
  blocked?: (preview: P) => boolean;
  /** Called when a new file is picked, before it is checked. */
  onPicked?: () => void;
  /** A row's id in test ids and keys; its number by default. */
  rowId?: (row: Row) => string;
}

type Stage = 'idle' | 'reading' | 'uploading' | 'checking' | 'ready' | 'committing';

export function ImportDialog<
  F extends string,
  Row extends ImportRowBase<F>,
  P extends ImportPreviewBase<Row>,
  R,
>({
  open,
  onClose,
  testId,
  textKey,
  cancelText,
  accept,
  width,
  intro,
  fields,
  emptyCell = '—',
  cellExtra,
  cleanedTitle,
  extraColumns = [],
  summaryExtra,
  check,
  onChecked,
  onCommitted,
  onReset,
  send,
  commitForm,
  children,
  renderMapping,
  display,
  recheckKey = '',
  blocked,
  onPicked,
  rowId = (row) => String(row.row),
}: ImportDialogProps<F, Row, P, R>) {
  const { t } = useTranslation(ns);
  const input = useRef<HTMLInputElement>(null);
  const [stage, setStage] = useState<Stage>('idle');
  const [percent, setPercent] = useState(0);
  const [file, setFile] = useState<ImportFile | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const [error, setError] = useState<string | null>(null);
  // What the preview shown was checked with, and the latest key, so a stale answer is dropped.
  const checkedKey = useRef(recheckKey);
  const latestKey = useRef(recheckKey);
  latestKey.current = recheckKey;
  const sequence = useRef(0);

  const reset = () => {
    sequence.current++;
    setStage('idle');
    setPercent(0);
    setFile(null);
    setPreview(null);
    setError(null);
    onReset?.();
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
    onPicked?.();
    const mine = ++sequence.current;
    try {
      const contentBase64 = await readFileAsBase64(picked, setPercent);
      const chosen = { fileName: picked.name, contentBase64 };
      checkedKey.current = latestKey.current;
      setFile(chosen);
      setStage('uploading');
      setPercent(0);
      const checked = await check(chosen, (sent) => {
        setPercent(sent);
        if (sent >= 100) setStage('checking');
      });
      if (mine !== sequence.current) return;
      setPreview(checked);
      onChecked?.(checked);
      setStage('ready');
    } catch (err) {
      setError(isApiError(err) ? err.message : t(`${textKey}.readFailed`));
      setStage('idle');
    } finally {
      // The same file name can be picked again after it has been corrected.
      if (input.current) input.current.value = '';
    }
  };

  // The same file, checked again when what the check sends has changed (e.g. the mapping).
  useEffect(() => {
    if (!file || recheckKey === checkedKey.current) return;
    const timer = setTimeout(() => {
      const mine = ++sequence.current;
      const key = recheckKey;
      setStage('checking');
      check(file, () => undefined)
        .then((checked) => {
          if (mine !== sequence.current) return;
          checkedKey.current = key;
          setError(null);
          setPreview(checked);
          onChecked?.(checked);
          setStage('ready');
        })
        .catch((err: unknown) => {
          if (mine !== sequence.current) return;
          setError(isApiError(err) ? err.message : t(`${textKey}.readFailed`));
          setStage('ready');
        });
    }, 250);
    return () => clearTimeout(timer);
    // `check` and `onChecked` are new on every render; the key says when to run.
  }, [recheckKey, file]);

  const commit = async (sendFile: ImportSend<R>) => {
    if (!file) return;
    setStage('committing');
    setError(null);
    try {
      const result = await sendFile(file);
      reset();
      onCommitted(result);
    } catch (err) {
      setError(isApiError(err) ? err.message : String(err));
      setStage('ready');
    }
  };

  const shown = preview && display ? display(preview) : preview;
  const invalid = shown?.totals.invalid ?? 0;
  const isBlocked = shown ? (blocked?.(shown) ?? false) : false;
  const current = recheckKey === checkedKey.current;
  const busy = stage !== 'idle' && stage !== 'ready';
  const progressText: Partial<Record<Stage, string>> = {
    reading: t(`${textKey}.reading`),
    uploading: t(`${textKey}.uploading`),
    checking: t(`${textKey}.checking`),
  };

  const columns: TableColumnsType<Row> = [
    {
      key: 'row',
      dataIndex: 'row',
      title: t(`${textKey}.column.row`),
      width: 70,
      render: (row: number, record) => (
        <>
          {record.errors.length > 0 ? (
            <Typography.Text type="danger" strong>
              {row}
            </Typography.Text>
          ) : (
            row
          )}
          {record.created ? (
            <Tag color="gold" style={{ marginInlineStart: 6 }}>
              {t(`${textKey}.created`)}
            </Tag>
          ) : null}
        </>
      ),
    },
    ...fields.map((field) => ({
      key: field,
      title: t(`${textKey}.column.${String(field)}`),
      render: (_: unknown, record: Row) => {
        const messages = errorsByField(record.errors).get(field);
        const cleaned = record.cleaned.find((c) => c.field === field);
        return (
          <div
            className={messages ? `${testId}-cell-error` : undefined}
            data-testid={`${testId}-cell-${rowId(record)}-${field}`}
          >
            {record.values[field] ?? (
              <Typography.Text type="secondary">{emptyCell}</Typography.Text>
            )}
            {cellExtra?.(field, record)}
            {cleaned ? (
              <Tooltip title={cleanedTitle(cleaned)}>
                <Tag color="blue" style={{ marginInlineStart: 6 }} tabIndex={0}>
                  {t(`${textKey}.cleaned`)}
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
    ...extraColumns,
  ];

  const cleanedText =
    shown && shown.totals.cleaned > 0
      ? t(`${textKey}.summaryCleaned`, { count: shown.totals.cleaned })
      : null;

  return (
    <Modal
      open={open}
      title={t(`${textKey}.title`)}
      onCancel={close}
      width={width}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          {cancelText}
        </Button>,
        <Button
          key="commit"
          type="primary"
          htmlType={commitForm ? 'submit' : 'button'}
          form={commitForm}
          disabled={!shown || invalid > 0 || isBlocked || !current || stage !== 'ready'}
          loading={stage === 'committing'}
          onClick={send ? () => void commit(send) : undefined}
          data-testid={`${testId}-commit`}
        >
          {t(`${textKey}.commit`, { count: shown?.totals.rows ?? 0 })}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t(`${textKey}.help`)}</Typography.Paragraph>
      {intro}
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <label htmlFor={`${testId}-file`}>
          <Typography.Text strong>{t(`${textKey}.pick`)}</Typography.Text>
        </label>
        <input
          ref={input}
          id={`${testId}-file`}
          data-testid={`${testId}-file`}
          type="file"
          accept={accept}
          disabled={busy}
          onChange={(event) => void pick(event.target.files?.[0])}
        />
      </Flex>
      {progressText[stage] ? (
        <div data-testid={`${testId}-progress`} aria-live="polite">
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
          data-testid={`${testId}-error`}
        />
      ) : null}
      {shown ? (
        <>
          {renderMapping?.(shown)}
          <Alert
            type={invalid > 0 ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid={`${testId}-summary`}
            title={
              invalid > 0
                ? t(`${textKey}.summaryInvalid`, {
                    fileName: shown.fileName,
                    rows: shown.totals.rows,
                    invalid,
                  })
                : t(`${textKey}.summaryValid`, {
                    fileName: shown.fileName,
                    rows: shown.totals.rows,
                  })
            }
            description={
              summaryExtra ? (
                <>
                  {cleanedText ? <div>{cleanedText}</div> : null}
                  {summaryExtra(shown)}
                </>
              ) : (
                (cleanedText ?? undefined)
              )
            }
          />
          <div data-testid={`${testId}-preview`}>
            <Table<Row>
              rowKey={rowId}
              size="small"
              columns={columns}
              dataSource={shown.rows}
              rowClassName={(record) => (record.errors.length > 0 ? `${testId}-row-error` : '')}
              onRow={(record) => ({
                'data-testid': `${testId}-row-${rowId(record)}`,
                style: record.errors.length > 0 ? { background: '#fff1f0' } : undefined,
              })}
              pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
              scroll={{ x: true }}
            />
          </div>
          {children?.(commit)}
        </>
      ) : null}
    </Modal>
  );
}
