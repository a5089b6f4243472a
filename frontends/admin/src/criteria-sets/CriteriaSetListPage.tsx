/**
 * The list of criteria sets: by index, year and unit group, with each set's version, status,
 * total maximum and validity; create one, clone last year's in one action, import, export, open.
 */
import { useMemo, useState } from 'react';
import { CopyOutlined, DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import Select from 'antd/es/select';
import Popconfirm from 'antd/es/popconfirm';
import Table from 'antd/es/table';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { accountsActions, criteriaSetActions } from '@par/contracts';
import type { CriteriaSet, CriteriaSetSummary, Index } from '@par/contracts';
import { isApiError, useActionQuery, useAllPages, useApiClient } from '@par/client';
import { EmptyState, ErrorState, PageHeader } from '@par/ui';
import { ns } from '../i18n';
import { formatPoints } from './format-points';
import { CriteriaSetCreateModal } from './CriteriaSetCreateModal';
import { CriteriaSetExportButton } from './CriteriaSetExportButton';
import { CriteriaSetImportModal } from './CriteriaSetImportModal';
import { CriteriaSetStatusTag } from './CriteriaSetStatusTag';
import { CriteriaSetTemplateModal } from './CriteriaSetTemplateModal';
import { IndexCreateModal } from './IndexCreateModal';

export default function CriteriaSetListPage() {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const api = useApiClient();
  const navigate = useNavigate();
  const [indexCode, setIndexCode] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [unitGroup, setUnitGroup] = useState<string | undefined>();
  const [dialog, setDialog] = useState<'create' | 'index' | 'import' | 'template' | null>(null);
  const [cloning, setCloning] = useState<string | null>(null);

  const indices = useActionQuery(criteriaSetActions.listIndices, {});
  const all = useActionQuery(criteriaSetActions.listCriteriaSets, { limit: 500 });
  const units = useAllPages(accountsActions.listUnits, { limit: 1000 });
  const indexList: Index[] = indices.data?.items ?? [];
  const indexName = useMemo(() => new Map(indexList.map((i) => [i.code, i.name])), [indexList]);
  const sets = all.data?.items ?? [];
  const shown = sets.filter(
    (set) =>
      (indexCode === undefined || set.indexCode === indexCode) &&
      (year === undefined || set.year === year) &&
      (unitGroup === undefined || set.unitGroup === unitGroup),
  );
  const years = [...new Set(sets.map((set) => set.year))].sort((a, b) => b - a);
  const groups = [...new Set(sets.map((set) => set.unitGroup))].sort();
  const knownGroups = [
    ...new Set(
      (units.data?.items ?? []).flatMap((unit) => (unit.unitGroup ? [unit.unitGroup] : [])),
    ),
  ].sort();

  const open = (set: Pick<CriteriaSet, 'id'>) => void navigate(set.id);

  const cloneToNextYear = async (set: CriteriaSetSummary) => {
    setCloning(set.id);
    try {
      const clone = await api.callAction(criteriaSetActions.cloneCriteriaSet, {
        id: set.id,
        year: set.year + 1,
        unitGroup: set.unitGroup,
      });
      void message.success(t('criteriaSets.clone.done', { name: clone.name, year: clone.year }));
      open(clone);
    } catch (error) {
      void message.error(isApiError(error) ? error.message : String(error));
    } finally {
      setCloning(null);
    }
  };

  const remove = async (set: CriteriaSetSummary) => {
    try {
      await api.callAction(criteriaSetActions.deleteCriteriaSet, {
        id: set.id,
        version: set.version,
      });
      void message.success(t('criteriaSets.delete.done', { name: set.name }));
      all.reload();
    } catch (error) {
      void message.error(isApiError(error) ? error.message : String(error));
    }
  };

  const columns: TableColumnsType<CriteriaSetSummary> = [
    {
      key: 'index',
      title: t('criteriaSets.column.index'),
      render: (_: unknown, set) => (
        <Tooltip title={indexName.get(set.indexCode)}>
          <Typography.Text strong>{set.indexCode}</Typography.Text>
        </Tooltip>
      ),
    },
    { key: 'year', dataIndex: 'year', title: t('criteriaSets.column.year'), width: 80 },
    { key: 'group', dataIndex: 'unitGroup', title: t('criteriaSets.column.unitGroup') },
    {
      key: 'name',
      title: t('criteriaSets.column.name'),
      width: 280,
      render: (_: unknown, set) => (
        <Link to={set.id} data-testid={`criteria-set-open-${set.id}`}>
          {set.name}
        </Link>
      ),
    },
    {
      key: 'edition',
      title: t('criteriaSets.column.edition'),
      width: 90,
      render: (_: unknown, set) => set.edition,
    },
    {
      key: 'status',
      title: t('criteriaSets.column.status'),
      render: (_: unknown, set) => <CriteriaSetStatusTag status={set.status} />,
    },
    {
      key: 'total',
      title: t('criteriaSets.column.totalMax'),
      align: 'right',
      render: (_: unknown, set) => (
        <span data-testid={`criteria-set-total-${set.id}`}>{formatPoints(set.totalMax)}</span>
      ),
    },
    {
      key: 'leaves',
      dataIndex: 'leafCount',
      title: t('criteriaSets.column.leafCount'),
      align: 'right',
    },
    {
      key: 'valid',
      title: t('criteriaSets.column.valid'),
      render: (_: unknown, set) =>
        set.valid ? (
          <Tag color="green">{t('criteriaSets.valid')}</Tag>
        ) : (
          <Tag color="red">{t('criteriaSets.invalid')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('criteriaSets.column.actions'),
      render: (_: unknown, set) => (
        <Space size="small">
          <Button size="small" onClick={() => open(set)}>
            {t('criteriaSets.open')}
          </Button>
          <Popconfirm
            title={t('criteriaSets.clone.confirm', { year: set.year + 1, group: set.unitGroup })}
            okText={t('criteriaSets.clone.ok')}
            cancelText={t('criteriaSets.editor.cancel')}
            onConfirm={() => void cloneToNextYear(set)}
          >
            <Button
              size="small"
              icon={<CopyOutlined />}
              loading={cloning === set.id}
              data-testid={`criteria-set-clone-${set.id}`}
            >
              {t('criteriaSets.clone.button', { year: set.year + 1 })}
            </Button>
          </Popconfirm>
          <CriteriaSetExportButton set={set} size="small" />
          {set.status === 'draft' ? (
            <Popconfirm
              title={t('criteriaSets.delete.confirm', { name: set.name })}
              okText={t('criteriaSets.delete.ok')}
              okButtonProps={{ danger: true }}
              cancelText={t('criteriaSets.editor.cancel')}
              onConfirm={() => void remove(set)}
            >
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('criteriaSets.delete.label', { name: set.name })}
                data-testid={`criteria-set-delete-${set.id}`}
              />
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('criteriaSets.title')}
        description={t('criteriaSets.description')}
        extra={
          <Space wrap>
            <Button onClick={() => setDialog('index')} data-testid="index-create-open">
              {t('criteriaSets.index.open')}
            </Button>
            <Button onClick={() => setDialog('template')} data-testid="criteria-template-open">
              {t('criteriaSets.template.open')}
            </Button>
            <Button
              icon={<UploadOutlined />}
              onClick={() => setDialog('import')}
              data-testid="criteria-import-open"
            >
              {t('criteriaSets.import.open')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog('create')}
              data-testid="criteria-set-create-open"
            >
              {t('criteriaSets.create.open')}
            </Button>
          </Space>
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Select<string>
            id="criteria-filter-index"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('criteriaSets.filter.index')}
            placeholder={t('criteriaSets.filter.index')}
            style={{ minWidth: 220 }}
            value={indexCode}
            onChange={setIndexCode}
            options={indexList.map((index) => ({
              value: index.code,
              label: `${index.code} — ${index.name}`,
            }))}
          />
          <Select<number>
            id="criteria-filter-year"
            allowClear
            aria-label={t('criteriaSets.filter.year')}
            placeholder={t('criteriaSets.filter.year')}
            style={{ minWidth: 120 }}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
          <Select<string>
            id="criteria-filter-unit-group"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('criteriaSets.filter.unitGroup')}
            placeholder={t('criteriaSets.filter.unitGroup')}
            style={{ minWidth: 180 }}
            value={unitGroup}
            onChange={setUnitGroup}
            options={groups.map((g) => ({ value: g, label: g }))}
          />
          {all.data ? (
            <Typography.Text type="secondary" data-testid="criteria-set-count">
              {t('criteriaSets.count', { count: shown.length })}
            </Typography.Text>
          ) : null}
        </Flex>
        {all.error ? (
          <ErrorState
            status="warning"
            testId="criteria-sets-load-failed"
            title={t('criteriaSets.loadFailed')}
            description={all.error.message}
            onRetry={all.reload}
          />
        ) : (
          <Table<CriteriaSetSummary>
            rowKey="id"
            data-testid="criteria-sets-table"
            loading={all.loading}
            columns={columns}
            dataSource={shown}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 1200 }}
            locale={{
              emptyText: (
                <EmptyState
                  testId="criteria-sets-empty"
                  title={t('criteriaSets.empty')}
                  description={t(
                    indexList.length === 0 ? 'criteriaSets.emptyNoIndex' : 'criteriaSets.emptyHelp',
                  )}
                />
              ),
            }}
          />
        )}
      </Card>
      <IndexCreateModal
        open={dialog === 'index'}
        onClose={() => setDialog(null)}
        onCreated={(index) => {
          setDialog(null);
          void message.success(t('criteriaSets.index.created', { code: index.code }));
          indices.reload();
        }}
      />
      <CriteriaSetCreateModal
        open={dialog === 'create'}
        indices={indexList}
        unitGroups={knownGroups}
        onClose={() => setDialog(null)}
        onCreated={(set) => {
          setDialog(null);
          void message.success(t('criteriaSets.create.done', { name: set.name }));
          open(set);
        }}
      />
      <CriteriaSetTemplateModal
        open={dialog === 'template'}
        unitGroups={knownGroups}
        onClose={() => setDialog(null)}
        onCreated={(set) => {
          setDialog(null);
          void message.success(t('criteriaSets.template.done', { name: set.name }));
          indices.reload();
          open(set);
        }}
      />
      <CriteriaSetImportModal
        open={dialog === 'import'}
        indices={indexList}
        onClose={() => setDialog(null)}
        onImported={(set) => {
          setDialog(null);
          void message.success(
            t('criteriaSets.import.done', { name: set.name, count: set.nodes.length }),
          );
          open(set);
        }}
      />
    </>
  );
}
