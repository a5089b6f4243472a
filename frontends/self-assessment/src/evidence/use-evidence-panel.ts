/**
 * The evidence panel's state and server calls: the unit's files in the period (those serving the
 * criterion and the others it could reuse), uploads in flight with their progress, and the
 * writes (upload = slot → POST to MinIO → confirm; attach; detach; delete; download URL).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evidenceActions, type DownloadUrl, type EvidenceFile } from '@par/contracts';
import { isApiError, postToSlot, useApiClient } from '@par/client';
import { ns } from './evidence-i18n';
import { usePeriodFiles } from './period-files-store';

/** One file being uploaded, or refused (kept on screen with the reason until dismissed). */
export interface UploadItem {
  key: string;
  name: string;
  percent: number;
  stage: 'uploading' | 'checking' | 'refused';
  reason?: string;
}

export interface EvidencePanelState {
  loading: boolean;
  loadError: string | undefined;
  reload: () => void;
  frozen: boolean;
  files: EvidenceFile[];
  /** The unit's other attached files of the period, which this criterion could also use. */
  reusable: EvidenceFile[];
  uploads: UploadItem[];
  upload: (files: readonly File[]) => Promise<void>;
  dismiss: (key: string) => void;
  attach: (file: EvidenceFile) => Promise<void>;
  detach: (file: EvidenceFile) => Promise<void>;
  remove: (file: EvidenceFile) => Promise<void>;
  downloadUrl: (file: EvidenceFile) => Promise<DownloadUrl>;
}

/** The server's message (Vietnamese or English as the page is), or the fallback. */
function reasonOf(error: unknown, fallback: string): string {
  return isApiError(error) ? error.message : fallback;
}

export function useEvidencePanel(
  periodId: string,
  criterionCode: string,
  notify: { success: (text: string) => void; error: (text: string) => void },
): EvidencePanelState {
  const { t } = useTranslation(ns);
  const client = useApiClient();
  const listing = usePeriodFiles(periodId);
  const [uploads, setUploads] = useState<UploadItem[]>([]);
  const aborts = useRef(new Set<AbortController>());
  useEffect(() => {
    const pending = aborts.current;
    return () => pending.forEach((controller) => controller.abort());
  }, []);

  const all = useMemo(() => listing.data?.items ?? [], [listing.data]);
  const files = useMemo(
    () => all.filter((f) => f.criterionCodes.includes(criterionCode)),
    [all, criterionCode],
  );
  const reusable = useMemo(
    () => all.filter((f) => !f.criterionCodes.includes(criterionCode)),
    [all, criterionCode],
  );

  const patch = (key: string, change: Partial<UploadItem>) =>
    setUploads((items) => items.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const uploadOne = useCallback(
    async (file: File, key: string, signal: AbortSignal) => {
      try {
        const slot = await client.callAction(
          evidenceActions.requestUpload,
          {
            periodId,
            name: file.name,
            size: file.size,
            contentType: file.type,
            criterionCodes: [criterionCode],
          },
          { signal },
        );
        try {
          await postToSlot(slot.upload, file, (percent) => patch(key, { percent }), signal);
        } catch (error) {
          if (signal.aborted) return;
          patch(key, {
            stage: 'refused',
            reason: t('evidence.storageFailed', { name: file.name }),
          });
          console.warn('evidence upload to storage failed', error);
          return;
        }
        patch(key, { stage: 'checking', percent: 100 });
        await client.callAction(evidenceActions.confirmUpload, { id: slot.file.id }, { signal });
        setUploads((items) => items.filter((u) => u.key !== key));
        notify.success(t('evidence.uploaded', { name: file.name }));
        listing.reload();
      } catch (error) {
        if (signal.aborted) return;
        patch(key, { stage: 'refused', reason: reasonOf(error, String(error)) });
      }
    },
    [client, periodId, criterionCode, t, listing.reload],
  );

  const upload = useCallback(
    async (chosen: readonly File[]) => {
      const started = chosen.map((file) => ({
        file,
        key: `${Date.now()}-${Math.random().toString(36).slice(2)}`,
        controller: new AbortController(),
      }));
      setUploads((items) => [
        ...items,
        ...started.map(({ file, key }) => ({
          key,
          name: file.name,
          percent: 0,
          stage: 'uploading' as const,
        })),
      ]);
      // Several files at once: each goes its own way, one refused file stops no other.
      await Promise.all(
        started.map(async ({ file, key, controller }) => {
          aborts.current.add(controller);
          try {
            await uploadOne(file, key, controller.signal);
          } finally {
            aborts.current.delete(controller);
          }
        }),
      );
    },
    [uploadOne],
  );

  const dismiss = useCallback(
    (key: string) => setUploads((items) => items.filter((u) => u.key !== key)),
    [],
  );

  /** Runs a write, then reloads the listing; a refusal is told with the server's reason. */
  const write = useCallback(
    async (run: () => Promise<unknown>, done: string) => {
      try {
        await run();
        notify.success(done);
      } catch (error) {
        notify.error(reasonOf(error, String(error)));
      } finally {
        listing.reload();
      }
    },
    [listing.reload],
  );

  return {
    loading: listing.loading,
    loadError: listing.error?.message,
    reload: listing.reload,
    frozen: listing.data?.frozen ?? false,
    files,
    reusable,
    uploads,
    upload,
    dismiss,
    attach: (file) =>
      write(
        () =>
          client.callAction(evidenceActions.attach, {
            id: file.id,
            criterionCodes: [criterionCode],
          }),
        t('evidence.attached', { name: file.name }),
      ),
    detach: (file) =>
      write(
        () =>
          client.callAction(evidenceActions.detach, {
            id: file.id,
            criterionCodes: [criterionCode],
          }),
        t('evidence.detached', { name: file.name }),
      ),
    remove: (file) =>
      write(
        () => client.callAction(evidenceActions.deleteFile, { id: file.id }),
        t('evidence.deleted', { name: file.name }),
      ),
    downloadUrl: (file) => client.callAction(evidenceActions.getDownloadUrl, { id: file.id }),
  };
}
