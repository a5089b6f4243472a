/** The "Lịch sử thay đổi" drawer: the audit trail of one criteria set or one period, newest first. */
import { useState } from 'react';
import { Button, Typography } from 'antd';
import Drawer from 'antd/es/drawer';
import List from 'antd/es/list';
import Pagination from 'antd/es/pagination';
import { HistoryOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { accountUserActions, assessmentAuditActions } from '@par/contracts';
import type { AssessmentAuditEntry } from '@par/contracts';
import { useActionQuery } from '@par/client';
import { EmptyState, ErrorState } from '@par/ui';
import { ns } from '../i18n';
import { formatAuditTime } from '../audit/audit-format';
import { formatPoints } from './format-points';
import { historyActor, historyLines } from './history-format';

const pageSize = 20;
const accountsLimit = 1000;

export interface HistoryDrawerProps {
  /** Whose history: exactly one of the two. */
  criteriaSetId?: string;
  periodId?: string;
}

/** A button that opens the drawer; the trail is read only once it is open. */
export function HistoryButton(props: HistoryDrawerProps) {
  const { t } = useTranslation(ns);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<HistoryOutlined />} onClick={() => setOpen(true)} data-testid="history-open">
        {t('criteriaSets.history.open')}
      </Button>
      {open ? <HistoryDrawer {...props} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function HistoryDrawer({ onClose, ...filter }: HistoryDrawerProps & { onClose: () => void }) {
  const { t } = useTranslation(ns);
  const [page, setPage] = useState(1);
  const listing = useActionQuery(assessmentAuditActions.listAssessmentAudit, {
    ...filter,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  // Periods record the actor's id only; the accounts list names them, as the audit page does.
  const accounts = useActionQuery(accountUserActions.listAccounts, { limit: accountsLimit });
  const translate = (key: string, values?: Record<string, unknown>) => t(key, values ?? {});
  const actorOf = (entry: AssessmentAuditEntry) =>
    historyActor(
      entry.actor.username === null
        ? {
            ...entry,
            actor: {
              id: entry.actor.id,
              username: accounts.data?.items.find((a) => a.id === entry.actor.id)?.username ?? null,
            },
          }
        : entry,
      translate,
    );
  return (
    <Drawer
      open
      onClose={onClose}
      title={t('criteriaSets.history.title')}
      size="large"
      data-testid="history-drawer"
    >
      {listing.error ? (
        <ErrorState
          status="warning"
          testId="history-load-failed"
          title={t('criteriaSets.history.loadFailed')}
          description={listing.error.message}
          onRetry={listing.reload}
        />
      ) : (
        <>
          <List
            loading={listing.loading}
            dataSource={listing.data?.items ?? []}
            locale={{
              emptyText: listing.loading ? (
                ' '
              ) : (
                <EmptyState testId="history-empty" title={t('criteriaSets.history.empty')} />
              ),
            }}
            renderItem={(entry) => (
              <List.Item key={entry.id} data-testid="history-entry">
                <List.Item.Meta
                  title={
                    <span>
                      {t(`criteriaSets.history.action.${entry.action}`, {
                        defaultValue: entry.action,
                      })}
                    </span>
                  }
                  description={
                    <>
                      <Typography.Text type="secondary">
                        {formatAuditTime(entry.at)} · {actorOf(entry)}
                      </Typography.Text>
                      {historyLines(entry, translate, formatPoints).map((line) => (
                        <div key={line}>{line}</div>
                      ))}
                    </>
                  }
                />
              </List.Item>
            )}
          />
          {(listing.data?.total ?? 0) > pageSize ? (
            <Pagination
              current={page}
              pageSize={pageSize}
              total={listing.data?.total ?? 0}
              onChange={setPage}
              showSizeChanger={false}
              style={{ marginTop: 16 }}
            />
          ) : null}
        </>
      )}
    </Drawer>
  );
}
