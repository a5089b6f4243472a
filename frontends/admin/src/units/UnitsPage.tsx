/** The "Đơn vị" page: search the units, list them, add one. */
import { useEffect, useMemo, useState } from 'react';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { accountsActions } from '@par/contracts';
import type { Unit } from '@par/contracts';
import { useActionQuery } from '@par/client';
import { EmptyState, ErrorState, PageHeader } from '@par/ui';
import { ns } from '../i18n';
import { UnitCreateModal } from './UnitCreateModal';
import { UnitTable } from './UnitTable';

/** Enough for a province's or a ministry's units (DESIGN.md: at most a few hundred). */
const listLimit = 1000;
const searchDelayMs = 300;

export default function UnitsPage() {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [text]);

  const all = useActionQuery(accountsActions.listUnits, { limit: listLimit });
  const found = useActionQuery(
    accountsActions.listUnits,
    { q, limit: listLimit },
    { enabled: q !== '' },
  );
  const listing = q ? found : all;
  const unitsById = useMemo(
    () => new Map((all.data?.items ?? []).map((unit) => [unit.id, unit])),
    [all.data],
  );

  const created = (unit: Unit) => {
    setCreating(false);
    void message.success(t('units.created', { name: unit.name }));
    // Show the new row: clear the search and list everything again.
    setText('');
    setQ('');
    all.reload();
  };

  return (
    <>
      <PageHeader
        title={t('units.title')}
        description={t('units.description')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="unit-create-open"
          >
            {t('units.create')}
          </Button>
        }
      />
      <Card>
        <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
          <Input
            id="unit-search"
            type="search"
            data-testid="unit-search"
            aria-label={t('units.search.label')}
            placeholder={t('units.search.placeholder')}
            prefix={<SearchOutlined aria-hidden />}
            allowClear
            value={text}
            onChange={(event) => setText(event.target.value)}
            onPressEnter={() => setQ(text.trim())}
            style={{ maxWidth: 380 }}
          />
          {listing.data ? (
            <Typography.Text type="secondary" data-testid="unit-count">
              {t('units.count', { count: listing.data.total })}
            </Typography.Text>
          ) : null}
        </Flex>
        {listing.error ? (
          <ErrorState
            status="warning"
            testId="units-load-failed"
            title={t('units.loadFailed')}
            description={listing.error.message}
            onRetry={listing.reload}
          />
        ) : (
          <UnitTable
            units={listing.data?.items ?? []}
            unitsById={unitsById}
            loading={listing.loading}
            empty={
              q ? (
                <EmptyState
                  testId="units-no-match"
                  title={t('units.noMatch.title', { q })}
                  description={t('units.noMatch.description')}
                />
              ) : (
                <EmptyState
                  testId="units-empty"
                  title={t('units.empty.title')}
                  description={t('units.empty.description')}
                />
              )
            }
          />
        )}
      </Card>
      <UnitCreateModal
        open={creating}
        units={all.data?.items ?? []}
        onClose={() => setCreating(false)}
        onCreated={created}
      />
    </>
  );
}
