/** What a person sees when something failed: what happened, what to do, and a retry button. */
import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
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
  return (
    <Result
      status={status}
      title={title ?? t('error.title')}
      subTitle={description ?? t('error.description')}
      data-testid={testId}
      role="alert"
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry} data-testid={`${testId}-retry`}>
            {retryLabel ?? t('error.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
