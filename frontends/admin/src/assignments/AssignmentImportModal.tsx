/** Importing assignments from a sheet: the server checks it first, and only a file without errors is sent. */
import { useState } from 'react';
import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { appraisalAssignmentActions as actions } from '@par/contracts';
import type { AssignmentImportPreview } from '@par/contracts';
import { isApiError, useApiClient } from '@par/client';
import { ns } from '../i18n';
import { readFileAsBase64 } from '../shared/file-transfer';

export function AssignmentImportModal(props: {
  periodId: string;
  onClose: () => void;
  onImported: (count: number) => void;
}) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<AssignmentImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);

  const pick = async (picked: File | undefined) => {
    setPreview(null);
    setError(null);
    if (!picked) return;
    const read = {
      fileName: picked.name,
      contentBase64: await readFileAsBase64(picked, () => undefined),
    };
    setFile(read);
    try {
      setPreview(
        await api.callAction(actions.previewAssignmentImport, {
          periodId: props.periodId,
          ...read,
        }),
      );
    } catch (err) {
      setError(isApiError(err) ? err.message : String(err));
    }
  };
  const commit = async () => {
    if (!file) return;
    try {
      const result = await api.callAction(actions.commitAssignmentImport, {
        periodId: props.periodId,
        ...file,
      });
      props.onImported(result.created);
    } catch (err) {
      setError(isApiError(err) ? err.message : String(err));
    }
  };
  const errors = preview?.rows.flatMap((r) => r.errors) ?? [];
  return (
    <Modal
      open
      title={t('assignments.importTitle')}
      onCancel={props.onClose}
      cancelText={t('assignments.cancel')}
      okText={t('assignments.importCommit', { count: preview?.totals.valid ?? 0 })}
      okButtonProps={{
        disabled: !preview || errors.length > 0,
        'data-testid': 'assignment-import-commit',
      }}
      onOk={() => void commit()}
      width={720}
    >
      <Typography.Paragraph>{t('assignments.importHelp')}</Typography.Paragraph>
      <input
        type="file"
        id="assignment-import-file"
        data-testid="assignment-import-file"
        accept=".csv,.xlsx"
        onChange={(e) => void pick(e.target.files?.[0])}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
      {preview &&
        (errors.length > 0 ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            message={t('assignments.importErrors', { count: errors.length })}
            description={
              <ul data-testid="assignment-import-errors">
                {errors.map((e, i) => (
                  <li key={i}>{e.message}</li>
                ))}
              </ul>
            }
          />
        ) : (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 12 }}
            message={t('assignments.importOk', { count: preview.totals.valid })}
          />
        ))}
    </Modal>
  );
}
