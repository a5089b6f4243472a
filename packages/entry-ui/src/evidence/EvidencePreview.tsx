/** A PDF or an image previewed in the page through its short-lived presigned URL. */
import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvidenceFile } from '@par/contracts';
import { ns } from '../i18n';

export interface PreviewTarget {
  /** The file's name and the kind its bytes showed (an `EvidenceFile` fits). */
  file: Pick<EvidenceFile, 'name'> & { kind: string | null };
  url: string;
}

export function EvidencePreview({
  target,
  onClose,
}: {
  target: PreviewTarget | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation(ns);
  const name = target?.file.name ?? '';
  return (
    <Modal
      open={target !== undefined}
      title={t('evidence.previewTitle', { name })}
      onCancel={onClose}
      footer={null}
      width="min(960px, 95vw)"
      destroyOnHidden
      data-testid="evidence-preview"
    >
      {target?.file.kind === 'pdf' ? (
        <iframe
          src={target.url}
          title={name}
          style={{ width: '100%', height: '75vh', border: 0 }}
          data-testid="evidence-preview-pdf"
        />
      ) : target ? (
        <img
          src={target.url}
          alt={name}
          style={{ maxWidth: '100%', maxHeight: '75vh', display: 'block', margin: '0 auto' }}
          data-testid="evidence-preview-image"
        />
      ) : null}
    </Modal>
  );
}
