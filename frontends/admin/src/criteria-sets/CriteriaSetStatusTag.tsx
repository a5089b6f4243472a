/** A set's status as a coloured tag: nháp, đang sử dụng, đã thay thế. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CriteriaSetStatus } from '@par/contracts';
import { ns } from '../i18n';

const colors: Record<CriteriaSetStatus, string> = {
  draft: 'default',
  inUse: 'green',
  retired: 'volcano',
};

export function CriteriaSetStatusTag({ status }: { status: CriteriaSetStatus }) {
  const { t } = useTranslation(ns);
  return (
    <Tag color={colors[status]} data-testid={`criteria-set-status-${status}`}>
      {t(`criteriaSets.status.${status}`)}
    </Tag>
  );
}
