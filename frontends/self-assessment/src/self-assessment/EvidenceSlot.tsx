/**
 * Where a leaf's evidence files go. The evidence panel (`../evidence`) is built alongside; until
 * it arrives this slot only says how many files the leaf has and needs.
 */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ns } from '../i18n';

export interface EvidenceSlotProps {
  periodId: string;
  criterionCode: string;
  readOnly: boolean;
  minFiles: number;
  maxFiles: number;
  count: number;
  onCountChange: (count: number) => void;
}

export function EvidenceSlot({ criterionCode, minFiles, maxFiles, count }: EvidenceSlotProps) {
  const { t } = useTranslation(ns);
  return (
    <Typography.Text type="secondary" data-testid={`evidence-${criterionCode}`}>
      {t('evidence.count', { count, min: minFiles, max: maxFiles })}
    </Typography.Text>
  );
}
