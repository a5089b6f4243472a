/**
 * The evidence files of one criterion on the self-assessment page: the files serving it, uploads
 * of several files at once straight to MinIO with a progress bar each, a refused file with the
 * service's reason, reuse of a file the unit already uploaded, detach, delete, and a preview of
 * PDFs and images (other kinds download).
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  DeleteOutlined,
  DownloadOutlined,
  EyeOutlined,
  PaperClipOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Alert, App as AntApp, Button, Flex, Progress, Space, Tag, Typography } from 'antd';
import Select from 'antd/es/select';
import List from 'antd/es/list';
import Popconfirm from 'antd/es/popconfirm';
import { useTranslation } from 'react-i18next';
import { evidenceKinds, formatBytes, type EvidenceFile } from '@par/contracts';
import { EvidencePreview, type PreviewTarget } from '@par/entry-ui';
import { ns } from './evidence-i18n';
import { useEvidencePanel, type UploadItem } from './use-evidence-panel';

export interface EvidencePanelProps {
  periodId: string;
  criterionCode: string;
  /** Only list, preview and download (the self-assessment is submitted, or the window closed). */
  readOnly: boolean;
  /** How many files the criterion asks for (from the criteria set). */
  minFiles: number;
  maxFiles: number;
  /** Told the number of files serving the criterion whenever it changes. */
  onCountChange?: (count: number) => void;
  /**
   * The clarification page's questioned criterion: the submitted set stays frozen, but new files
   * may be added; only files added in clarification can be detached, deleted or reused.
   */
  clarification?: boolean;
}

/** What the file picker offers: every kind the portal recognises; the service has the last word. */
const accept = Object.values(evidenceKinds)
  .flatMap((k) => [...k.extensions.map((e) => `.${e}`), ...k.mimeTypes])
  .join(',');

export function EvidencePanel({
  periodId,
  criterionCode,
  readOnly,
  minFiles,
  maxFiles,
  onCountChange,
  clarification = false,
}: EvidencePanelProps) {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const panel = useEvidencePanel(periodId, criterionCode, {
    success: (text) => void message.success(text),
    error: (text) => void message.error(text),
  });
  const inputRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const [reuseId, setReuseId] = useState<string>();
  const [preview, setPreview] = useState<PreviewTarget>();

  const count = panel.files.length;
  useEffect(() => {
    if (!panel.loading) onCountChange?.(count);
  }, [count, panel.loading, onCountChange]);

  const locked = readOnly || (panel.frozen && !clarification);
  /** Whether the unit may still change this file (the submitted ones stay in clarification). */
  const changeable = (file: EvidenceFile) =>
    !locked && (!clarification || file.addedInClarification);
  const reusable = clarification
    ? panel.reusable.filter((file) => file.addedInClarification)
    : panel.reusable;
  const full = maxFiles > 0 && count >= maxFiles;
  const need =
    maxFiles > 0
      ? t(minFiles === maxFiles ? 'evidence.requiredExact' : 'evidence.required', {
          min: minFiles,
          max: maxFiles,
          count,
        })
      : t('evidence.optional', { count });

  const open = async (file: EvidenceFile) => {
    try {
      const link = await panel.downloadUrl(file);
      if (link.disposition === 'inline') setPreview({ file, url: link.url });
      else {
        const a = document.createElement('a');
        a.href = link.url;
        a.rel = 'noopener';
        a.click();
      }
    } catch (error) {
      void message.error((error as Error).message);
    }
  };

  const others = (file: EvidenceFile) => file.criterionCodes.filter((c) => c !== criterionCode);

  return (
    <section
      aria-labelledby={headingId}
      data-testid={`evidence-panel-${criterionCode}`}
      className="par-evidence-panel"
    >
      <Flex justify="space-between" align="baseline" wrap gap="small">
        <Typography.Title level={5} id={headingId} style={{ margin: 0 }}>
          {t('evidence.title')}
        </Typography.Title>
        <Typography.Text
          type={count < minFiles ? 'warning' : 'secondary'}
          data-testid="evidence-count"
        >
          {need}
        </Typography.Text>
      </Flex>

      {panel.frozen ? (
        <Alert
          type="info"
          showIcon
          title={t(clarification && !readOnly ? 'evidence.clarification' : 'evidence.frozen')}
          style={{ marginTop: 8 }}
        />
      ) : null}

      {panel.loadError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('evidence.loadFailed')}
          description={panel.loadError}
          action={
            <Button size="small" onClick={panel.reload}>
              {t('evidence.retry')}
            </Button>
          }
          style={{ marginTop: 8 }}
        />
      ) : null}

      <List<EvidenceFile>
        loading={panel.loading && !panel.files.length}
        dataSource={panel.files}
        locale={{ emptyText: t('evidence.empty') }}
        data-testid="evidence-files"
        renderItem={(file) => {
          const shared = others(file);
          return (
            <List.Item
              data-testid="evidence-file"
              data-name={file.name}
              actions={[
                <Button
                  key="open"
                  size="small"
                  icon={
                    file.kind === 'pdf' || file.kind === 'png' || file.kind === 'jpeg' ? (
                      <EyeOutlined />
                    ) : (
                      <DownloadOutlined />
                    )
                  }
                  onClick={() => void open(file)}
                  data-testid="evidence-open"
                >
                  {file.kind === 'pdf' || file.kind === 'png' || file.kind === 'jpeg'
                    ? t('evidence.preview')
                    : t('evidence.download')}
                </Button>,
                ...(!changeable(file)
                  ? []
                  : [
                      ...(shared.length
                        ? [
                            <Button
                              key="detach"
                              size="small"
                              onClick={() => void panel.detach(file)}
                              data-testid="evidence-detach"
                            >
                              {t('evidence.detach')}
                            </Button>,
                          ]
                        : []),
                      <Popconfirm
                        key="delete"
                        title={
                          shared.length
                            ? t('evidence.deleteConfirmShared', {
                                name: file.name,
                                codes: shared.join(', '),
                              })
                            : t('evidence.deleteConfirm', { name: file.name })
                        }
                        okText={t('evidence.deleteOk')}
                        cancelText={t('evidence.cancel')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => panel.remove(file)}
                      >
                        <Button
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          data-testid="evidence-delete"
                        >
                          {t('evidence.delete')}
                        </Button>
                      </Popconfirm>,
                    ]),
              ]}
            >
              <List.Item.Meta
                avatar={<PaperClipOutlined aria-hidden />}
                title={
                  <>
                    <span data-testid="evidence-file-name">{file.name}</span>
                    {clarification && file.addedInClarification ? (
                      <Tag
                        color="blue"
                        style={{ marginInlineStart: 8 }}
                        data-testid="evidence-added"
                      >
                        {t('evidence.addedInClarification')}
                      </Tag>
                    ) : null}
                  </>
                }
                description={
                  <>
                    {formatBytes(file.size)}
                    {shared.length
                      ? ` · ${t('evidence.alsoServes', { codes: shared.join(', ') })}`
                      : ''}
                  </>
                }
              />
            </List.Item>
          );
        }}
      />

      {panel.uploads.length ? (
        <Flex vertical gap="small" data-testid="evidence-uploads" aria-live="polite">
          {panel.uploads.map((u) => (
            <UploadRow key={u.key} item={u} onDismiss={() => panel.dismiss(u.key)} />
          ))}
        </Flex>
      ) : null}

      {locked ? null : (
        <Flex vertical gap="small" style={{ marginTop: 8 }}>
          <Space wrap>
            <input
              ref={inputRef}
              type="file"
              multiple
              accept={accept}
              hidden
              data-testid="evidence-upload-input"
              onChange={(event) => {
                const chosen = [...(event.target.files ?? [])];
                event.target.value = '';
                if (chosen.length) void panel.upload(chosen);
              }}
            />
            <Button
              icon={<UploadOutlined />}
              disabled={full}
              onClick={() => inputRef.current?.click()}
              data-testid="evidence-upload"
            >
              {t('evidence.upload')}
            </Button>
            <Typography.Text type="secondary">
              {full ? t('evidence.full') : t('evidence.uploadHint')}
            </Typography.Text>
          </Space>
          {reusable.length && !full ? (
            <Space.Compact style={{ maxWidth: 560, width: '100%' }}>
              <Select
                aria-label={t('evidence.attach')}
                placeholder={t('evidence.attachPlaceholder')}
                value={reuseId}
                onChange={setReuseId}
                style={{ width: '100%' }}
                showSearch={{ optionFilterProp: 'label' }}
                options={reusable.map((f) => ({ value: f.id, label: f.name }))}
                data-testid="evidence-reuse"
              />
              <Button
                disabled={!reuseId}
                onClick={() => {
                  const file = reusable.find((f) => f.id === reuseId);
                  setReuseId(undefined);
                  if (file) void panel.attach(file);
                }}
                data-testid="evidence-reuse-attach"
              >
                {t('evidence.attachButton')}
              </Button>
            </Space.Compact>
          ) : null}
        </Flex>
      )}

      <EvidencePreview target={preview} onClose={() => setPreview(undefined)} />
    </section>
  );
}

function UploadRow({ item, onDismiss }: { item: UploadItem; onDismiss: () => void }) {
  const { t } = useTranslation(ns);
  if (item.stage === 'refused')
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        closable={{ 'aria-label': t('evidence.dismiss') }}
        onClose={onDismiss}
        title={t('evidence.refused', { name: item.name })}
        description={<span data-testid="evidence-refused-reason">{item.reason}</span>}
        data-testid="evidence-refused"
        data-name={item.name}
      />
    );
  return (
    <div data-testid="evidence-upload-row" data-name={item.name} data-stage={item.stage}>
      <Typography.Text>{item.name}</Typography.Text>
      <Progress
        percent={item.percent}
        status={item.stage === 'checking' ? 'active' : 'normal'}
        aria-label={item.name}
        data-testid="evidence-progress"
        data-percent={item.percent}
      />
      <Typography.Text type="secondary">
        {item.stage === 'checking'
          ? t('evidence.checking')
          : t('evidence.uploading', { percent: item.percent })}
      </Typography.Text>
    </div>
  );
}
