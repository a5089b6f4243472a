/** The "Đơn vị" page: search the units, list them, add one, import or export a sheet. */
import { useEffect, useMemo, useState } from 'react';
import {
  DownOutlined,
  DownloadOutlined,
  PlusOutlined,
  SearchOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { App as AntApp, Button, Card, Dropdown, Flex, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { accountsActions } from '@par/contracts';
import type { Unit, UnitImportResult } from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { EmptyState, ErrorState, PageHeader } from '@par/ui';
import { ns } from '../i18n';
import { UnitCreateModal } from './UnitCreateModal';
import { UnitImportModal } from './UnitImportModal';
import { downloadBase64 } from './unit-import-state';
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
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const api = useApiClient();

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

  const imported = (result: UnitImportResult) => {
    setImporting(false);
    void message.success(
      t('units.import.done', { count: result.created, fileName: result.fileName }),
    );
    setText('');
    setQ('');
    all.reload();
  };

  const exportUnits = async (format: 'csv' | 'xlsx') => {
    setExporting(true);
    try {
      const file = await api.callAction(accountsActions.exportUnits, { format });
      downloadBase64(file.fileName, file.mimeType, file.contentBase64);
      void message.success(t('units.export.done', { count: file.count, fileName: file.fileName }));
    } catch (error) {
      void message.error(isApiError(error) ? error.message : String(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('units.title')}
        description={t('units.description')}
        extra={
          <Space wrap>
            <Button
              icon={<UploadOutlined />}
              onClick={() => setImporting(true)}
              data-testid="unit-import-open"
            >
              {t('units.import.open')}
            </Button>
            <Space.Compact>
              <Button
                icon={<DownloadOutlined />}
                loading={exporting}
                onClick={() => void exportUnits('csv')}
                data-testid="unit-export"
              >
                {t('units.export.open')}
              </Button>
              <Dropdown
                menu={{
                  items: [{ key: 'xlsx', label: t('units.export.xlsx') }],
                  onClick: () => void exportUnits('xlsx'),
                }}
              >
                <Button
                  icon={<DownOutlined />}
                  aria-label={t('units.export.more')}
                  disabled={exporting}
                  data-testid="unit-export-more"
                />
              </Dropdown>
            </Space.Compact>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="unit-create-open"
            >
              {t('units.create')}
            </Button>
          </Space>
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
      <UnitImportModal open={importing} onClose={() => setImporting(false)} onImported={imported} />
    </>
  );
}
