/**
 * The draft's attached files (PDF, DOCX, XLSX, ODT) for its managers: the list with download
 * links, an upload with a progress bar per file (straight to MinIO through the slot the survey
 * service issues, then checked by it), a refused file with the service's reason, and removal,
 * while the consultation is open. The service decides who may do what.
 */
import { useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Flex, Progress, Typography } from 'antd';
import Popconfirm from 'antd/es/popconfirm';
import { useTranslation } from 'react-i18next';
import {
  consultationAttachmentAccept,
  CONSULTATION_ATTACHMENT_MAX_BYTES,
  formatBytes,
  surveyConsultationActions as k,
  type ConsultationAttachment,
} from '@par/contracts';
import { isApiError, postToSlot, useActionQuery, useApiClient } from '@par/client';
import { ns } from '../i18n';

interface UploadItem {
  key: string;
  name: string;
  percent: number;
  stage: 'uploading' | 'checking' | 'refused';
  reason?: string;
}

export function AttachmentsCard({ consultationId: id }: { consultationId: string }) {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const api = useApiClient();
  const listing = useActionQuery(k.listConsultationAttachments, { id });
  const [uploads, setUploads] = useState<UploadItem[]>([]);
  const [removing, setRemoving] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const reasonOf = (error: unknown) => (isApiError(error) ? error.message : String(error));
  const patch = (key: string, change: Partial<UploadItem>) =>
    setUploads((items) => items.map((u) => (u.key === key ? { ...u, ...change } : u)));

  /** Slot, POST to MinIO with progress, confirmation; a refusal stays shown with its reason. */
  const uploadOne = async (file: File) => {
    const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    setUploads((items) => [...items, { key, name: file.name, percent: 0, stage: 'uploading' }]);
    try {
      const slot = await api.callAction(k.requestConsultationAttachmentUpload, {
        id,
        name: file.name,
        size: file.size,
        contentType: file.type,
      });
      try {
        await postToSlot(slot.upload, file, (percent) => patch(key, { percent }));
      } catch (error) {
        console.warn('attachment upload to storage failed', error);
        patch(key, { stage: 'refused', reason: t('attachments.storageFailed') });
        return;
      }
      patch(key, { stage: 'checking', percent: 100 });
      await api.callAction(k.confirmConsultationAttachment, {
        id,
        attachmentId: slot.attachment.id,
      });
      setUploads((items) => items.filter((u) => u.key !== key));
      void message.success(t('attachments.uploaded', { name: file.name }));
      listing.reload();
    } catch (error) {
      patch(key, { stage: 'refused', reason: reasonOf(error) });
    }
  };

  const remove = async (file: ConsultationAttachment) => {
    setRemoving(file.id);
    try {
      await api.callAction(k.removeConsultationAttachment, { id, attachmentId: file.id });
      void message.success(t('attachments.removed', { name: file.name }));
      listing.reload();
    } catch (error) {
      void message.error(reasonOf(error));
    } finally {
      setRemoving(null);
    }
  };

  const download = async (file: ConsultationAttachment) => {
    try {
      const { url } = await api.callAction(k.getPublicConsultationAttachment, {
        id,
        attachmentId: file.id,
      });
      window.location.assign(url);
    } catch (error) {
      void message.error(reasonOf(error));
    }
  };

  const data = listing.data;
  const editable = data?.editable ?? false;
  return (
    <Card title={t('attachments.title')}>
      {listing.error && !data ? (
        <Typography.Paragraph type="danger" role="alert">
          {listing.error.message} <Button onClick={listing.reload}>{t('retry')}</Button>
        </Typography.Paragraph>
      ) : null}
      {data && data.items.length === 0 ? (
        <Typography.Paragraph type="secondary" data-testid="attachments-empty">
          {t('attachments.empty')}
        </Typography.Paragraph>
      ) : null}
      <Flex vertical gap={8} data-testid="attachments-list">
        {data?.items.map((file) => (
          <Flex
            key={file.id}
            gap={12}
            align="center"
            data-testid="attachment"
            data-name={file.name}
          >
            <Button type="link" style={{ padding: 0 }} onClick={() => void download(file)}>
              {file.name}
            </Button>
            <Typography.Text type="secondary">{formatBytes(file.size)}</Typography.Text>
            {editable ? (
              <Popconfirm
                title={t('attachments.removeConfirm', { name: file.name })}
                okText={t('attachments.remove')}
                cancelText={t('cancel')}
                onConfirm={() => remove(file)}
              >
                <Button danger size="small" loading={removing === file.id}>
                  {t('attachments.remove')}
                </Button>
              </Popconfirm>
            ) : null}
          </Flex>
        ))}
      </Flex>
      {uploads.length ? (
        <Flex vertical gap={8} style={{ marginTop: 12 }} aria-live="polite">
          {uploads.map((u) =>
            u.stage === 'refused' ? (
              <Alert
                key={u.key}
                type="error"
                role="alert"
                closable={{ 'aria-label': t('attachments.dismiss') }}
                onClose={() => setUploads((items) => items.filter((i) => i.key !== u.key))}
                title={t('attachments.refused', { name: u.name })}
                description={<span data-testid="attachment-refused-reason">{u.reason}</span>}
                data-testid="attachment-refused"
              />
            ) : (
              <div key={u.key} data-testid="attachment-upload-row" data-stage={u.stage}>
                <Typography.Text>{u.name}</Typography.Text>
                <Progress
                  percent={u.percent}
                  status={u.stage === 'checking' ? 'active' : 'normal'}
                  aria-label={u.name}
                />
                <Typography.Text type="secondary">
                  {u.stage === 'checking'
                    ? t('attachments.checking')
                    : t('attachments.uploading', { percent: u.percent })}
                </Typography.Text>
              </div>
            ),
          )}
        </Flex>
      ) : null}
      {editable ? (
        <Flex vertical gap={4} style={{ marginTop: 12 }}>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            accept={consultationAttachmentAccept}
            data-testid="attachment-input"
            onChange={(event) => {
              const chosen = [...(event.target.files ?? [])];
              event.target.value = '';
              // Several files at once: each goes its own way, one refused file stops no other.
              for (const file of chosen) void uploadOne(file);
            }}
          />
          <div>
            <Button onClick={() => input.current?.click()} data-testid="attachment-upload">
              {t('attachments.upload')}
            </Button>
          </div>
          <Typography.Text type="secondary">
            {t('attachments.hint', { limit: formatBytes(CONSULTATION_ATTACHMENT_MAX_BYTES) })}
          </Typography.Text>
        </Flex>
      ) : data ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('attachments.closed')}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
