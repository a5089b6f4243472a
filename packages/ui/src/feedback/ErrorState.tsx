/**
 * What a person sees when something failed: what happened, what to do, and a retry button.
 * Laid out as antd's Result would, without it: Result carries three illustrations (8.6 KB
 * brotli) that every page would load with `@par/ui`, for the two icons used here.
 */
import type { ReactNode } from 'react';
import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Button, Flex, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ErrorStateProps {
  title?: ReactNode;
  description?: ReactNode;
  onRetry?: () => void;
  retryLabel?: ReactNode;
  /** 'warning' for "not available now", 'error' for a fault. */
  status?: 'warning' | 'error';
  testId?: string;
}

export function ErrorState({
  title,
  description,
  onRetry,
  retryLabel,
  status = 'error',
  testId = 'error-state',
}: ErrorStateProps) {
  const { t } = useTranslation('ui');
  const { token } = theme.useToken();
  const Icon = status === 'warning' ? ExclamationCircleFilled : CloseCircleFilled;
  return (
    <Flex
      vertical
      align="center"
      gap={8}
      data-testid={testId}
      role="alert"
      style={{ padding: '48px 32px', textAlign: 'center' }}
    >
      <Icon
        aria-hidden
        style={{
          fontSize: 72,
          marginBottom: 16,
          color: status === 'warning' ? token.colorWarning : token.colorError,
        }}
      />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title ?? t('error.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{description ?? t('error.description')}</Typography.Text>
      {onRetry ? (
        <Button
          type="primary"
          onClick={onRetry}
          data-testid={`${testId}-retry`}
          style={{ marginTop: 16 }}
        >
          {retryLabel ?? t('error.retry')}
        </Button>
      ) : undefined}
    </Flex>
  );
}
