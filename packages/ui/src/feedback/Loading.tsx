/** A spinner with a text, for a page or a part that is on its way. */
import type { ReactNode } from 'react';
import { Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface LoadingProps {
  label?: ReactNode;
  testId?: string;
}

export function Loading({ label, testId = 'loading' }: LoadingProps) {
  const { t } = useTranslation('ui');
  return (
    <Flex
      vertical
      align="center"
      gap={12}
      style={{ padding: 48 }}
      data-testid={testId}
      role="status"
    >
      <Spin size="large" />
      <Typography.Text type="secondary">{label ?? t('loading')}</Typography.Text>
    </Flex>
  );
}
