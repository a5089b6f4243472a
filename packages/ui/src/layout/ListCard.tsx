/**
 * The card of a list page: its filters and count, then the list, or in its place the load
 * failure (with a retry) or the empty state, so every list page fails and empties alike.
 */
import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { ErrorState } from '../feedback/ErrorState';
import { listCardBody, listEmptyText } from './list-card-state';

/** What the card needs of a query (`useActionQuery` gives it). */
export interface ListCardQuery {
  error?: { message: string } | undefined;
  loading: boolean;
  reload: () => void;
}

export interface ListCardProps {
  query: ListCardQuery;
  /** Filters and search, on the left above the list. */
  toolbar?: ReactNode;
  /** How many rows there are, on the right; nothing while unknown. */
  count?: ReactNode;
  countTestId?: string;
  errorTitle: ReactNode;
  errorTestId?: string;
  /** 'warning' (the default of ErrorState is 'error') when the list is only unavailable now. */
  errorStatus?: 'warning' | 'error';
  /** The empty state, e.g. an `EmptyState` saying why and what to do. */
  empty: ReactNode;
  /**
   * Give it to show `empty` instead of the list when there are no rows. Leave it out when the
   * list draws the empty state itself: then pass a function as children, which receives it.
   */
  isEmpty?: boolean;
  /** The list; as a function it gets the empty text for a table (blank while loading). */
  children: ReactNode | ((emptyText: ReactNode) => ReactNode);
}

export function ListCard({
  query,
  toolbar,
  count,
  countTestId,
  errorTitle,
  errorTestId,
  errorStatus,
  empty,
  isEmpty,
  children,
}: ListCardProps) {
  const body = listCardBody({ failed: Boolean(query.error), loading: query.loading, isEmpty });
  return (
    <Card>
      {toolbar || count ? (
        <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
          {toolbar}
          {count ? (
            <Typography.Text type="secondary" data-testid={countTestId}>
              {count}
            </Typography.Text>
          ) : null}
        </Flex>
      ) : null}
      {body === 'error' ? (
        <ErrorState
          status={errorStatus}
          testId={errorTestId}
          title={errorTitle}
          description={query.error?.message}
          onRetry={query.reload}
        />
      ) : body === 'empty' ? (
        empty
      ) : typeof children === 'function' ? (
        children(listEmptyText(query.loading, empty))
      ) : (
        children
      )}
    </Card>
  );
}
