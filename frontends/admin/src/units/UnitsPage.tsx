/**
 * The "Đơn vị" page: the units as of a year (this year by default), inactive ones on request;
 * add, import, export; and per unit edit, rename, merge, split, deactivate and the history.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  DownOutlined,
  DownloadOutlined,
  PlusOutlined,
  SearchOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { App as AntApp, Button, Dropdown, Input, Space, Switch } from 'antd';
import Select from 'antd/es/select';
import { useTranslation } from 'react-i18next';
import { accountsActions } from '@par/contracts';
import type { Unit, UnitImportResult, UnitRestructure } from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { EmptyState, ListCard, PageHeader } from '@par/ui';
import { ns } from '../i18n';
import { UnitCreateModal } from './UnitCreateModal';
import { UnitImportModal } from './UnitImportModal';
import { downloadBase64 } from '../shared/file-transfer';
import { UnitTable } from './UnitTable';
import type { UnitAction } from './UnitTable';
import { UnitEditModal } from './UnitEditModal';
import { UnitRenameModal } from './UnitRenameModal';
import { UnitMergeModal } from './UnitMergeModal';
import { UnitSplitModal } from './UnitSplitModal';
import { UnitDeactivateModal } from './UnitDeactivateModal';
import { UnitDetailDrawer } from './UnitDetailDrawer';
import { selectableYears, yearInVietnam } from './unit-lifecycle-state';

/** Enough for a province's or a ministry's units (docs/architecture.md, "Scale": at most a few hundred). */
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
  const thisYear = yearInVietnam();
  /** The year shown; null = as the units are now. */
  const [year, setYear] = useState<number | null>(null);
  const [showInactive, setShowInactive] = useState(false);
  const [acting, setActing] = useState<{
    action: Exclude<UnitAction, 'detail'>;
    id: string;
  } | null>(null);
  const [detailId, setDetailId] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [text]);

  // Every unit as it is now: parents' names, and the candidates for parents and merges.
  const all = useActionQuery(accountsActions.listUnits, { limit: listLimit });
  const view = { ...(year === null ? {} : { year }), includeInactive: showInactive };
  const listing = useActionQuery(accountsActions.listUnits, {
    ...view,
    ...(q ? { q } : {}),
    limit: listLimit,
  });
  const unitsById = useMemo(
    // The year's own names win over today's for the parents shown in that year.
    () =>
      new Map(
        [...(all.data?.items ?? []), ...(listing.data?.items ?? [])].map((unit) => [unit.id, unit]),
      ),
    [all.data, listing.data],
  );
  const activeNow = useMemo(() => (all.data?.items ?? []).filter((u) => u.active), [all.data]);
  const actingUnit = acting ? (all.data?.items.find((u) => u.id === acting.id) ?? null) : null;
  const unitFor = (action: UnitAction) => (acting?.action === action ? actingUnit : null);

  const reloadAll = () => {
    all.reload();
    listing.reload();
  };
  const saved = (text: string) => {
    setActing(null);
    void message.success(text);
    reloadAll();
  };
  const restructured = (result: UnitRestructure, key: 'units.merge.done' | 'units.split.done') =>
    saved(
      t(key, {
        year: result.year,
        ended: result.ended.map((u) => u.name).join(', '),
        started: [...result.started, ...(result.target ? [result.target] : [])]
          .map((u) => u.name)
          .join(', '),
      }),
    );
  const act = (action: UnitAction, unit: Unit) =>
    action === 'detail' ? setDetailId(unit.id) : setActing({ action, id: unit.id });

  const created = (unit: Unit) => {
    setCreating(false);
    void message.success(t('units.created', { name: unit.name }));
    // Show the new row: search for its code (a province's list runs to several pages, and the
    // new code may sort onto any of them); clearing the search lists everything again.
    setText(unit.code);
    setQ(unit.code);
    reloadAll();
  };

  const imported = (result: UnitImportResult) => {
    setImporting(false);
    void message.success(
      t('units.import.done', { count: result.created, fileName: result.fileName }),
    );
    setText('');
    setQ('');
    reloadAll();
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
      <ListCard
        query={listing}
        toolbar={
          <>
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
            <Space wrap size="middle">
              <Space>
                <label htmlFor="unit-year">{t('units.year.label')}</label>
                <Select<number | 'now'>
                  id="unit-year"
                  data-testid="unit-year"
                  value={year ?? 'now'}
                  onChange={(value) => setYear(value === 'now' ? null : value)}
                  style={{ minWidth: 140 }}
                  options={[
                    { value: 'now', label: t('units.year.now', { year: thisYear }) },
                    ...selectableYears(thisYear).map((y) => ({ value: y, label: String(y) })),
                  ]}
                />
              </Space>
              <Space>
                <Switch
                  id="unit-show-inactive"
                  data-testid="unit-show-inactive"
                  checked={showInactive}
                  onChange={setShowInactive}
                />
                <label htmlFor="unit-show-inactive">{t('units.showInactive')}</label>
              </Space>
            </Space>
          </>
        }
        count={listing.data ? t('units.count', { count: listing.data.total }) : null}
        countTestId="unit-count"
        errorStatus="warning"
        errorTestId="units-load-failed"
        errorTitle={t('units.loadFailed')}
        empty={
          q ? (
            <EmptyState
              testId="units-no-match"
              title={t('units.noMatch.title', { q })}
              description={t('units.noMatch.description')}
            />
          ) : year !== null || (all.data?.total ?? 0) > 0 ? (
            <EmptyState
              testId="units-none-in-year"
              title={t('units.emptyYear.title', { year: year ?? thisYear })}
              description={t('units.emptyYear.description')}
            />
          ) : (
            <EmptyState
              testId="units-empty"
              title={t('units.empty.title')}
              description={t('units.empty.description')}
            />
          )
        }
      >
        {(empty) => (
          <UnitTable
            units={listing.data?.items ?? []}
            unitsById={unitsById}
            loading={listing.loading}
            year={year ?? thisYear}
            onAction={act}
            empty={empty}
          />
        )}
      </ListCard>
      <UnitCreateModal
        open={creating}
        units={activeNow}
        onClose={() => setCreating(false)}
        onCreated={created}
      />
      <UnitImportModal open={importing} onClose={() => setImporting(false)} onImported={imported} />
      <UnitEditModal
        unit={unitFor('edit')}
        parents={activeNow}
        onClose={() => setActing(null)}
        onSaved={(unit) => saved(t('units.edit.done', { name: unit.name }))}
        onConflict={reloadAll}
      />
      <UnitRenameModal
        unit={unitFor('rename')}
        onClose={() => setActing(null)}
        onSaved={(unit) => saved(t('units.rename.done', { code: unit.code }))}
        onConflict={reloadAll}
      />
      <UnitMergeModal
        unit={unitFor('merge')}
        units={activeNow}
        onClose={() => setActing(null)}
        onMerged={(result) => restructured(result, 'units.merge.done')}
        onConflict={reloadAll}
      />
      <UnitSplitModal
        unit={unitFor('split')}
        onClose={() => setActing(null)}
        onSplit={(result) => restructured(result, 'units.split.done')}
        onConflict={reloadAll}
      />
      <UnitDeactivateModal
        unit={unitFor('deactivate')}
        onClose={() => setActing(null)}
        onSaved={(unit) => saved(t('units.deactivate.done', { name: unit.name }))}
        onConflict={reloadAll}
      />
      <UnitDetailDrawer
        unitId={detailId}
        onOpenUnit={setDetailId}
        onClose={() => setDetailId(null)}
      />
    </>
  );
}
