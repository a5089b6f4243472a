/** The board's server side: the period's appraisal progress, reloaded live, and its export. */
import { useState } from 'react';
import { App as AntApp } from 'antd';
import { appraisalRoundActions } from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { downloadBase64 } from '../shared/file-transfer';
import { useAutoReload } from '../shared/use-auto-reload';

export function useAppraisalProgress(periodId: string) {
  const { message } = AntApp.useApp();
  const api = useApiClient();
  const progress = useActionQuery(appraisalRoundActions.getAppraisalProgress, { periodId });
  const [exporting, setExporting] = useState(false);
  useAutoReload(progress.reload);

  const exportSheet = async () => {
    setExporting(true);
    try {
      const file = await api.callAction(appraisalRoundActions.exportAppraisalProgress, {
        periodId,
      });
      downloadBase64(file.fileName, file.mimeType, file.contentBase64);
    } catch (error) {
      void message.error(isApiError(error) ? error.message : String(error));
    } finally {
      setExporting(false);
    }
  };

  return { progress, exporting, exportSheet };
}
