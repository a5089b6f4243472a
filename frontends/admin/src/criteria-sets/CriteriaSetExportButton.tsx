/** Downloads a set as CSV, XLSX or JSON, the formats the import reads back unchanged. */
import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { criteriaSheetFormats, criteriaSetActions } from '@par/contracts';
import type { CriteriaSetSummary, CriteriaSheetFormat } from '@par/contracts';
import { isApiError, useApiClient } from '@par/client';
import { ns } from '../i18n';
import { downloadBase64 } from '../shared/file-transfer';

export interface CriteriaSetExportButtonProps {
  set: Pick<CriteriaSetSummary, 'id' | 'name'>;
  /** E.g. while the editor holds unsaved changes, which an export would not contain. */
  disabled?: boolean;
  size?: 'small' | 'middle';
}

export function CriteriaSetExportButton({ set, disabled, size }: CriteriaSetExportButtonProps) {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const api = useApiClient();
  const [busy, setBusy] = useState(false);

  const download = async (format: CriteriaSheetFormat) => {
    setBusy(true);
    try {
      const file = await api.callAction(criteriaSetActions.exportCriteriaSet, {
        id: set.id,
        format,
      });
      downloadBase64(file.fileName, file.mimeType, file.contentBase64);
      void message.success(t('criteriaSets.export.done', { fileName: file.fileName }));
    } catch (error) {
      void message.error(isApiError(error) ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dropdown
      disabled={disabled || busy}
      menu={{
        items: criteriaSheetFormats.map((format) => ({
          key: format,
          label: t(`criteriaSets.export.${format}`),
          'data-testid': `criteria-set-export-${format}`,
        })),
        onClick: ({ key }) => void download(key as CriteriaSheetFormat),
      }}
    >
      <Button
        size={size}
        icon={<DownloadOutlined />}
        loading={busy}
        aria-label={t('criteriaSets.export.label', { name: set.name })}
        data-testid={`criteria-set-export-${set.id}`}
      >
        {size === 'small' ? null : t('criteriaSets.export.open')}
      </Button>
    </Dropdown>
  );
}
