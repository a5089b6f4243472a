/** The "Nhật ký thay đổi" page: the accounts service's audit trail, newest first, filtered. */
import { useState } from 'react';
import { Flex, Typography } from 'antd';
import Select from 'antd/es/select';
import Table from 'antd/es/table';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { accountAuditActions, accountUserActions, accountsActions } from '@par/contracts';
import type { AuditEntry } from '@par/contracts';
import { useActionQuery } from '@par/client';
import { EmptyState, ListCard, PageHeader } from '@par/ui';
import { ns } from '../i18n';
import { auditQuery, formatAuditChanges, formatAuditTime } from './audit-format';

const pageSize = 50;
const listLimit = 1000;
const unitOptionsLimit = 50;

export default function AuditPage() {
  const { t } = useTranslation(ns);
  const [search, setSearch] = useSearchParams();
  const { page, ...query } = auditQuery(search, pageSize);
  // A province has more units than a list can hold: the select searches the server as one types.
  const [unitSearch, setUnitSearch] = useState('');
  const units = useActionQuery(accountsActions.listUnits, {
    q: unitSearch || undefined,
    limit: unitOptionsLimit,
  });
  const accounts = useActionQuery(accountUserActions.listAccounts, { limit: listLimit });
  const listing = useActionQuery(accountAuditActions.listAuditEntries, query);
  const none = t('audit.none');

  /** Changing a filter starts again at page 1; the URL keeps the view shareable. */
  const setFilter = (name: 'unit' | 'account' | 'page', value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    setSearch(next);
  };

  const usernameOf = (id: string) =>
    accounts.data?.items.find((account) => account.id === id)?.username ?? id;
  const targetOf = (entry: AuditEntry) => {
    if (entry.target.startsWith('account:')) {
      const id = entry.target.slice('account:'.length);
      return t('audit.target.account', { name: usernameOf(id) });
    }
    if (entry.target.startsWith('unit:'))
      return t('audit.target.unit', { name: entry.units.join(', ') || entry.target });
    return t('audit.target.units', { count: entry.units.length });
  };

  const columns: TableColumnsType<AuditEntry> = [
    {
      key: 'at',
      title: t('audit.column.at'),
      render: (_, entry) => (
        <span style={{ whiteSpace: 'nowrap' }}>{formatAuditTime(entry.at)}</span>
      ),
    },
    {
      key: 'actor',
      title: t('audit.column.actor'),
      render: (_, entry) => entry.actor.username,
    },
    {
      key: 'action',
      title: t('audit.column.action'),
      render: (_, entry) => t(`audit.action.${entry.action}`, { defaultValue: entry.action }),
    },
    { key: 'target', title: t('audit.column.target'), render: (_, entry) => targetOf(entry) },
    {
      key: 'changes',
      title: t('audit.column.changes'),
      render: (_, entry) => {
        const lines = formatAuditChanges(entry.changes, none);
        return lines.length ? (
          <Typography.Text style={{ fontSize: 13 }}>
            {lines.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </Typography.Text>
        ) : (
          none
        );
      },
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <ListCard
        query={listing}
        toolbar={
          <Flex gap={12} wrap>
            <Select<string>
              id="audit-filter-unit"
              data-testid="audit-filter-unit"
              aria-label={t('audit.filter.unit')}
              placeholder={t('audit.filter.unit')}
              allowClear
              showSearch={{ filterOption: false, onSearch: setUnitSearch }}
              value={query.unit}
              onChange={(value) => setFilter('unit', value ?? undefined)}
              options={(units.data?.items ?? []).map((u) => ({
                value: u.code,
                label: `${u.code} — ${u.name}`,
              }))}
              style={{ minWidth: 240 }}
            />
            <Select<string>
              id="audit-filter-account"
              data-testid="audit-filter-account"
              aria-label={t('audit.filter.account')}
              placeholder={t('audit.filter.account')}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={query.account}
              onChange={(value) => setFilter('account', value ?? undefined)}
              options={(accounts.data?.items ?? []).map((a) => ({
                value: a.id,
                label: a.username,
              }))}
              style={{ minWidth: 240 }}
            />
          </Flex>
        }
        errorStatus="warning"
        errorTestId="audit-load-failed"
        errorTitle={t('audit.loadFailed')}
        empty={
          <EmptyState
            testId="audit-empty"
            title={t('audit.empty.title')}
            description={t('audit.empty.description')}
          />
        }
      >
        {(empty) => (
          <div data-testid="audit-table">
            <Table<AuditEntry>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={listing.data?.items ?? []}
              loading={listing.loading}
              locale={{ emptyText: empty }}
              pagination={{
                current: page,
                pageSize,
                total: listing.data?.total ?? 0,
                hideOnSinglePage: true,
                showSizeChanger: false,
                onChange: (next) => setFilter('page', next > 1 ? String(next) : undefined),
              }}
              scroll={{ x: true }}
            />
          </div>
        )}
      </ListCard>
    </>
  );
}
