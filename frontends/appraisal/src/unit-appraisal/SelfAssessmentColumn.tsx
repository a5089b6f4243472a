/**
 * What the unit said of one criterion, beside the appraiser's input: its self-score, explanation,
 * the reason for missing evidence and its evidence files (PDFs and images open in the page).
 */
import { memo, useState } from 'react';
import { Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { evidenceActions, formatBytes } from '@par/contracts';
import type { AppraisalEntry, AppraisalEvidenceRef } from '@par/contracts';
import { isApiError, useApiClient } from '@par/client';
import { EvidencePreview } from '@par/entry-ui';
import type { PreviewTarget } from '@par/entry-ui';
import { formatHundredths } from '@par/scoring';
import { currentLanguage } from '@par/ui';
import { ns } from '../i18n';

export const SelfAssessmentColumn = memo(function SelfAssessmentColumn({
  code,
  entry,
}: {
  code: string;
  entry: AppraisalEntry;
}) {
  const { t } = useTranslation(ns);
  const locale = currentLanguage();
  const { self } = entry;
  return (
    <Flex vertical gap={8} data-testid={`self-${code}`}>
      <Typography.Text strong>{t('leaf.self')}</Typography.Text>
      <Typography.Text data-testid={`self-${code}-score`}>
        {self.score === null
          ? t('leaf.noSelfScore')
          : t('leaf.selfScore', { score: formatHundredths(self.score, locale) })}
      </Typography.Text>
      <div>
        <Typography.Text type="secondary">{t('leaf.explanation')}</Typography.Text>
        <Typography.Paragraph
          style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
          data-testid={`self-${code}-explanation`}
        >
          {self.explanation || t('leaf.noExplanation')}
        </Typography.Paragraph>
      </div>
      {self.missingEvidenceExplanation ? (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {t('leaf.missingEvidence', { text: self.missingEvidenceExplanation })}
        </Typography.Paragraph>
      ) : null}
      <EvidenceList code={code} files={entry.evidence} />
    </Flex>
  );
});

function EvidenceList({ code, files }: { code: string; files: readonly AppraisalEvidenceRef[] }) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const [preview, setPreview] = useState<PreviewTarget>();
  const [failure, setFailure] = useState<string | null>(null);
  const [opening, setOpening] = useState<string | null>(null);

  const open = async (file: AppraisalEvidenceRef) => {
    setFailure(null);
    setOpening(file.id);
    try {
      const link = await api.callAction(evidenceActions.getDownloadUrl, { id: file.id });
      if (link.disposition === 'inline') setPreview({ file, url: link.url });
      else window.location.assign(link.url);
    } catch (error) {
      setFailure(
        t('leaf.previewFailed', {
          name: file.name,
          message: isApiError(error) ? error.message : String(error),
        }),
      );
    } finally {
      setOpening(null);
    }
  };

  return (
    <div>
      <Typography.Text type="secondary">{t('leaf.evidence')}</Typography.Text>
      {files.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('leaf.noEvidence')}
        </Typography.Paragraph>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid={`evidence-${code}`}>
          {files.map((file) => {
            const inline = file.kind === 'pdf' || file.kind === 'png' || file.kind === 'jpeg';
            return (
              <li key={file.id}>
                <Flex gap={8} align="center" wrap>
                  <span>{file.name}</span>
                  {file.addedInClarification ? (
                    <Tag color="blue" data-testid={`evidence-added-${file.id}`}>
                      {t('leaf.addedInClarification')}
                    </Tag>
                  ) : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatBytes(file.size)}
                  </Typography.Text>
                  <Button
                    size="small"
                    type="link"
                    loading={opening === file.id}
                    onClick={() => void open(file)}
                    data-testid={`evidence-open-${file.id}`}
                  >
                    {inline ? t('leaf.preview') : t('leaf.download')}
                  </Button>
                </Flex>
              </li>
            );
          })}
        </ul>
      )}
      {failure ? (
        <Typography.Text type="danger" role="alert">
          {failure}
        </Typography.Text>
      ) : null}
      <EvidencePreview target={preview} onClose={() => setPreview(undefined)} />
    </div>
  );
}
