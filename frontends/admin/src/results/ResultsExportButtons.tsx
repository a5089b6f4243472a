/**
 * Downloads a draft or a published version as Excel or as the council's PDF report: one button
 * per format, spinning while its file is made, both disabled meanwhile, the refusal said plainly.
 */
import { useState } from 'react';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { rankingExportActions } from '@par/contracts';
import type { RankingExport } from '@par/contracts';
import { isApiError, useApiClient } from '@par/client';
import { ns } from '../i18n';
import { downloadBase64 } from '../shared/file-transfer';

type Format = 'xlsx' | 'pdf';

export type ResultsExportTarget =
  | { kind: 'draft'; periodId: string; version: number }
  | { kind: 'publication'; periodId: string; number: number };

export function ResultsExportButtons({
  target,
  size,
}: {
  target: ResultsExportTarget;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const api = useApiClient();
  const [busy, setBusy] = useState<Format | null>(null);
  const id = target.kind === 'draft' ? 'draft' : `publication-${target.number}`;

  const download = async (format: Format) => {
    setBusy(format);
    try {
      const file: RankingExport =
        target.kind === 'draft'
          ? await api.callAction(rankingExportActions.exportConsolidation, {
              periodId: target.periodId,
              version: target.version,
              format,
            })
          : await api.callAction(rankingExportActions.exportPublication, {
              periodId: target.periodId,
              number: target.number,
              format,
            });
      downloadBase64(file.fileName, file.mimeType, file.contentBase64);
      void message.success(t('results.export.done', { fileName: file.fileName }));
    } catch (error) {
      void message.error({
        content: t('results.export.failed', {
          reason: isApiError(error) ? error.message : String(error),
        }),
        duration: 8,
      });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space size={4}>
      {(['xlsx', 'pdf'] as const).map((format) => (
        <Button
          key={format}
          size={size}
          icon={format === 'xlsx' ? <FileExcelOutlined /> : <FilePdfOutlined />}
          loading={busy === format}
          disabled={busy !== null && busy !== format}
          onClick={() => void download(format)}
          data-testid={`results-export-${id}-${format}`}
        >
          {busy === format ? t('results.export.preparing') : t(`results.export.${format}`)}
        </Button>
      ))}
    </Space>
  );
}
