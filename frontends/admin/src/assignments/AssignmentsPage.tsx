/** The "Phân công thẩm định" page: a period's assignments, their coverage, imports and exports. */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Flex, Input, Space, Tag, Typography } from 'antd';
import Select from 'antd/es/select';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  accountUserActions,
  appraisalAssignmentActions as actions,
  periodActions,
} from '@par/contracts';
import type { Assignment } from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { EmptyState, PageHeader } from '@par/ui';
import { ns } from '../i18n';
import { downloadBase64 } from '../shared/file-transfer';
import { AssignmentImportModal } from './AssignmentImportModal';
import { AssignmentModal } from './AssignmentModal';
import { LateUnitsPanel } from './LateUnitsPanel';

export default function AssignmentsPage() {
  const { t } = useTranslation(ns);
  const { message, modal } = AntApp.useApp();
  const api = useApiClient();
  const periods = useActionQuery(periodActions.listPeriods, { limit: 100 });
  const [periodId, setPeriodId] = useState<string | undefined>(undefined);
  const [filter, setFilter] = useState<{
    appraiserId?: string;
    criterionCode?: string;
    unitCode?: string;
  }>({});
  const enabled = Boolean(periodId);
  const listing = useActionQuery(
    actions.listAssignments,
    { periodId: periodId ?? '', ...filter },
    { enabled },
  );
  const coverage = useActionQuery(actions.getCoverage, { periodId: periodId ?? '' }, { enabled });
  const appraisers = useActionQuery(accountUserActions.listAccounts, {
    role: 'appraisal',
    enabled: true,
    limit: 1000,
  });
  const [editing, setEditing] = useState<Assignment | 'new' | null>(null);
  const [importing, setImporting] = useState(false);

  const period = periods.data?.items.find((p) => p.id === periodId);
  const reload = () => {
    listing.reload();
    coverage.reload();
  };
  const fail = (error: unknown) =>
    void message.error(isApiError(error) ? error.message : String(error));
  const appraiserOptions = (appraisers.data?.items ?? []).map((a) => ({
    value: a.id,
    label: `${a.username}${a.unit ? ` (${a.unit})` : ''}`,
  }));
  const unitOptions = (period?.units ?? []).map((u) => ({
    value: u.code,
    label: `${u.code} – ${u.name}`,
  }));
  const groupOptions = [...new Set((period?.units ?? []).map((u) => u.unitGroup))].map((g) => ({
    value: g,
    label: g,
  }));

  const remove = (assignment: Assignment) =>
    void modal.confirm({
      title: t('assignments.deleteConfirm', {
        name: assignment.name || assignment.appraisers.map((a) => a.username).join(', '),
      }),
      okText: t('assignments.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      cancelText: t('assignments.cancel'),
      onOk: () =>
        api
          .callAction(actions.deleteAssignment, { id: assignment.id, version: assignment.version })
          .then(() => {
            void message.success(t('assignments.deleted'));
            reload();
          })
          .catch(fail),
    });

  const createDefaults = async () => {
    if (!periodId) return;
    try {
      const suggested = await api.callAction(actions.suggestAssignments, { periodId });
      if (suggested.items.length === 0) return void message.info(t('assignments.suggestNone'));
      for (const item of suggested.items)
        await api.callAction(actions.createAssignment, { periodId, ...item.input });
      void message.success(t('assignments.suggestDone', { count: suggested.items.length }));
    } catch (error) {
      fail(error);
    }
    reload();
  };

  const exportSheet = async () => {
    if (!periodId) return;
    try {
      const file = await api.callAction(actions.exportAssignments, { periodId, format: 'xlsx' });
      downloadBase64(file.fileName, file.mimeType, file.contentBase64);
    } catch (error) {
      fail(error);
    }
  };

  const unitsText = (a: Assignment) =>
    a.units.kind === 'units'
      ? a.units.unitCodes.join(', ')
      : a.units.kind === 'group'
        ? t('assignments.units.group', { group: a.units.unitGroup })
        : t(
            a.units.includeRoot ? 'assignments.units.subtreeWithRoot' : 'assignments.units.subtree',
            {
              code: a.units.rootCode,
            },
          );

  const items = listing.data?.items ?? [];
  const totals = coverage.data?.totals;
  return (
    <>
      <PageHeader title={t('assignments.title')} description={t('assignments.description')} />
      <Card>
        <Flex gap={12} wrap align="center">
          <Select
            id="assignment-period"
            data-testid="assignment-period"
            aria-label={t('assignments.period')}
            placeholder={t('assignments.period')}
            style={{ minWidth: 320 }}
            value={periodId}
            onChange={(value: string) => {
              setPeriodId(value);
              setFilter({});
            }}
            options={(periods.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.name} (${p.year})`,
            }))}
            showSearch
            optionFilterProp="label"
          />
          {periodId && (
            <>
              <Button
                type="primary"
                data-testid="assignment-create"
                onClick={() => setEditing('new')}
              >
                {t('assignments.create')}
              </Button>
              <Button data-testid="assignment-suggest" onClick={() => void createDefaults()}>
                {t('assignments.suggest')}
              </Button>
              <Button data-testid="assignment-import" onClick={() => setImporting(true)}>
                {t('assignments.import')}
              </Button>
              <Button data-testid="assignment-export" onClick={() => void exportSheet()}>
                {t('assignments.export')}
              </Button>
              <Link
                to={`../appraisal-progress/${encodeURIComponent(periodId)}`}
                relative="path"
                data-testid="assignment-progress-link"
              >
                {t('appraisalProgress.open')}
              </Link>
            </>
          )}
        </Flex>
      </Card>
      {!periodId ? (
        <EmptyState description={t('assignments.pickPeriod')} />
      ) : (
        <>
          {totals && (
            <Card
              title={t('assignments.coverage.title')}
              data-testid="coverage-panel"
              style={{ marginTop: 16 }}
            >
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text data-testid="coverage-summary">
                  {t('assignments.coverage.summary', {
                    covered: totals.covered,
                    entries: totals.entries,
                  })}
                </Typography.Text>
                <Space>
                  <Tag color={totals.gaps ? 'red' : 'green'} data-testid="coverage-gaps">
                    {t('assignments.coverage.gaps')}: {totals.gaps}
                  </Tag>
                  <Tag color={totals.overlaps ? 'orange' : 'green'} data-testid="coverage-overlaps">
                    {t('assignments.coverage.overlaps')}: {totals.overlaps}
                  </Tag>
                </Space>
                {totals.gaps === 0 && totals.overlaps === 0 ? (
                  <Alert type="success" showIcon message={t('assignments.coverage.ready')} />
                ) : (
                  <Table
                    size="small"
                    rowKey="unitCode"
                    pagination={{ pageSize: 10 }}
                    dataSource={coverage.data?.units ?? []}
                    columns={[
                      {
                        title: t('assignments.coverage.unit'),
                        dataIndex: 'unitCode',
                        render: (code: string, row) => (
                          <Button
                            type="link"
                            title={t('assignments.coverage.showUnit')}
                            onClick={() => setFilter({ unitCode: code })}
                          >
                            {code} – {row.unitName}
                          </Button>
                        ),
                      },
                      {
                        title: t('assignments.coverage.gaps'),
                        dataIndex: 'gaps',
                        render: (n: number, row) =>
                          n
                            ? `${n}: ${(coverage.data?.gaps ?? [])
                                .filter((g) => g.unitCode === row.unitCode)
                                .map((g) => g.criterionCode)
                                .join(', ')}`
                            : 0,
                      },
                      {
                        title: t('assignments.coverage.overlaps'),
                        dataIndex: 'overlaps',
                        render: (n: number, row) =>
                          n
                            ? `${n}: ${(coverage.data?.overlaps ?? [])
                                .filter((g) => g.unitCode === row.unitCode)
                                .map((g) => g.criterionCode)
                                .join(', ')}`
                            : 0,
                      },
                    ]}
                  />
                )}
              </Space>
            </Card>
          )}
          <Card style={{ marginTop: 16 }}>
            <Flex gap={12} wrap style={{ marginBottom: 12 }}>
              <Select
                aria-label={t('assignments.filter.appraiser')}
                placeholder={t('assignments.filter.appraiser')}
                allowClear
                style={{ minWidth: 220 }}
                value={filter.appraiserId}
                onChange={(value?: string) => setFilter({ ...filter, appraiserId: value })}
                options={appraiserOptions}
              />
              <Input
                aria-label={t('assignments.filter.criterion')}
                placeholder={t('assignments.filter.criterion')}
                allowClear
                style={{ width: 220 }}
                value={filter.criterionCode}
                onChange={(e) =>
                  setFilter({ ...filter, criterionCode: e.target.value || undefined })
                }
              />
              <Select
                aria-label={t('assignments.filter.unit')}
                placeholder={t('assignments.filter.unit')}
                allowClear
                showSearch
                optionFilterProp="label"
                style={{ minWidth: 260 }}
                value={filter.unitCode}
                onChange={(value?: string) => setFilter({ ...filter, unitCode: value })}
                options={unitOptions}
              />
            </Flex>
            {items.length === 0 && !listing.loading ? (
              <EmptyState description={t('assignments.empty')} />
            ) : (
              <Table<Assignment>
                rowKey="id"
                data-testid="assignment-table"
                loading={listing.loading}
                dataSource={items}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: t('assignments.column.name'), dataIndex: 'name' },
                  {
                    title: t('assignments.column.appraisers'),
                    render: (_: unknown, a) =>
                      a.appraisers.map((p) => <Tag key={p.id}>{p.username}</Tag>),
                  },
                  {
                    title: t('assignments.column.criteria'),
                    render: (_: unknown, a) => a.criterionCodes.join(', '),
                  },
                  { title: t('assignments.column.units'), render: (_: unknown, a) => unitsText(a) },
                  { title: t('assignments.column.entries'), dataIndex: 'entryCount' },
                  {
                    title: t('assignments.column.actions'),
                    render: (_: unknown, a) => (
                      <Space>
                        <Button size="small" onClick={() => setEditing(a)}>
                          {t('assignments.edit')}
                        </Button>
                        <Button size="small" danger onClick={() => remove(a)}>
                          {t('assignments.delete')}
                        </Button>
                      </Space>
                    ),
                  },
                ]}
              />
            )}
          </Card>
          <LateUnitsPanel periodId={periodId} />
        </>
      )}
      {editing && periodId && (
        <AssignmentModal
          periodId={periodId}
          assignment={editing === 'new' ? null : editing}
          appraiserOptions={appraiserOptions}
          unitOptions={unitOptions}
          groupOptions={groupOptions}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('assignments.saved'));
            reload();
          }}
        />
      )}
      {importing && periodId && (
        <AssignmentImportModal
          periodId={periodId}
          onClose={() => setImporting(false)}
          onImported={(count) => {
            setImporting(false);
            void message.success(t('assignments.imported', { count }));
            reload();
          }}
        />
      )}
    </>
  );
}
