/** Says that there is nothing here yet, and what will come or what to do. */
import type { ReactNode } from 'react';
import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface EmptyStateProps {
  title?: ReactNode;
  description?: ReactNode;
  /** Actions, e.g. a "create the first one" button. */
  children?: ReactNode;
  testId?: string;
}

export function EmptyState({
  title,
  description,
  children,
  testId = 'empty-state',
}: EmptyStateProps) {
  const { t } = useTranslation('ui');
  return (
    <Empty
      data-testid={testId}
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <Typography.Text strong>{title ?? t('empty.default')}</Typography.Text>
          {description ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 4, marginBottom: 0 }}>
              {description}
            </Typography.Paragraph>
          ) : null}
        </>
      }
    >
      {children}
    </Empty>
  );
}
