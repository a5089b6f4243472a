/** The "Phân công thẩm định" page: a period's assignments, their coverage, imports and exports. */
import { useMemo, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import {
  accountUserActions,
  appraisalAssignmentActions as actions,
  periodActions,
} from '@par/contracts';
import type { Assignment, AssignmentImportPreview } from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { EmptyState, PageHeader } from '@par/ui';
import { ns } from '../i18n';
import { downloadBase64, readFileAsBase64 } from '../shared/file-transfer';
import { emptyAssignmentForm, toForm, toInput, type AssignmentForm } from './form-state';

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

type Option = { value: string; label: string };

function AssignmentModal(props: {
  periodId: string;
  assignment: Assignment | null;
  appraiserOptions: Option[];
  unitOptions: Option[];
  groupOptions: Option[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const [form] = Form.useForm<AssignmentForm>();
  const kind = Form.useWatch('kind', form) ?? 'units';
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const initial = useMemo(
    () => (props.assignment ? toForm(props.assignment) : emptyAssignmentForm),
    [props.assignment],
  );

  const save = async (values: AssignmentForm) => {
    setSaving(true);
    setError(null);
    try {
      const input = toInput({ ...initial, ...values });
      if (props.assignment)
        await api.callAction(actions.updateAssignment, {
          id: props.assignment.id,
          version: props.assignment.version,
          ...input,
        });
      else await api.callAction(actions.createAssignment, { periodId: props.periodId, ...input });
      props.onSaved();
    } catch (err) {
      if (isApiError(err)) {
        setError(err.message);
        form.setFields(
          (err.fields ?? []).map((f) => ({
            name: f.field === 'units' ? 'unitCodes' : f.field,
            errors: [f.message],
          })) as never,
        );
      } else setError(String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t(props.assignment ? 'assignments.form.titleEdit' : 'assignments.form.titleNew')}
      onCancel={props.onClose}
      okText={t('assignments.save')}
      cancelText={t('assignments.cancel')}
      okButtonProps={{
        loading: saving,
        'data-testid': 'assignment-save',
        htmlType: 'submit',
        form: 'assignment-form',
      }}
      width={640}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        id="assignment-form"
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void save(v)}
      >
        <Form.Item
          name="appraiserIds"
          label={t('assignments.form.appraisers')}
          rules={[{ required: true }]}
        >
          <Select
            mode="multiple"
            id="assignment-appraisers"
            autoFocus
            options={props.appraiserOptions}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name="name" label={t('assignments.form.name')}>
          <Input id="assignment-name" />
        </Form.Item>
        <Form.Item
          name="criterionCodes"
          label={t('assignments.form.criteria')}
          rules={[{ required: true }]}
        >
          <Select mode="tags" id="assignment-criteria" tokenSeparators={[',', ';', ' ']} />
        </Form.Item>
        <Form.Item name="kind" label={t('assignments.form.unitsKind')}>
          <Radio.Group>
            <Radio value="units">{t('assignments.form.kind.units')}</Radio>
            <Radio value="group">{t('assignments.form.kind.group')}</Radio>
            <Radio value="subtree">{t('assignments.form.kind.subtree')}</Radio>
          </Radio.Group>
        </Form.Item>
        {kind === 'units' && (
          <Form.Item
            name="unitCodes"
            label={t('assignments.form.unitCodes')}
            rules={[{ required: true }]}
          >
            <Select
              mode="multiple"
              id="assignment-units"
              options={props.unitOptions}
              optionFilterProp="label"
            />
          </Form.Item>
        )}
        {kind === 'group' && (
          <Form.Item
            name="unitGroup"
            label={t('assignments.form.unitGroup')}
            rules={[{ required: true }]}
          >
            <Select id="assignment-group" options={props.groupOptions} />
          </Form.Item>
        )}
        {kind === 'subtree' && (
          <>
            <Form.Item
              name="rootCode"
              label={t('assignments.form.rootCode')}
              rules={[{ required: true }]}
            >
              <Input id="assignment-root" />
            </Form.Item>
            <Form.Item name="includeRoot" valuePropName="checked">
              <Checkbox>{t('assignments.form.includeRoot')}</Checkbox>
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

function AssignmentImportModal(props: {
  periodId: string;
  onClose: () => void;
  onImported: (count: number) => void;
}) {
  const { t } = useTranslation(ns);
  const api = useApiClient();
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<AssignmentImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);

  const pick = async (picked: File | undefined) => {
    setPreview(null);
    setError(null);
    if (!picked) return;
    const read = {
      fileName: picked.name,
      contentBase64: await readFileAsBase64(picked, () => undefined),
    };
    setFile(read);
    try {
      setPreview(
        await api.callAction(actions.previewAssignmentImport, {
          periodId: props.periodId,
          ...read,
        }),
      );
    } catch (err) {
      setError(isApiError(err) ? err.message : String(err));
    }
  };
  const commit = async () => {
    if (!file) return;
    try {
      const result = await api.callAction(actions.commitAssignmentImport, {
        periodId: props.periodId,
        ...file,
      });
      props.onImported(result.created);
    } catch (err) {
      setError(isApiError(err) ? err.message : String(err));
    }
  };
  const errors = preview?.rows.flatMap((r) => r.errors) ?? [];
  return (
    <Modal
      open
      title={t('assignments.importTitle')}
      onCancel={props.onClose}
      cancelText={t('assignments.cancel')}
      okText={t('assignments.importCommit', { count: preview?.totals.valid ?? 0 })}
      okButtonProps={{
        disabled: !preview || errors.length > 0,
        'data-testid': 'assignment-import-commit',
      }}
      onOk={() => void commit()}
      width={720}
    >
      <Typography.Paragraph>{t('assignments.importHelp')}</Typography.Paragraph>
      <input
        type="file"
        id="assignment-import-file"
        data-testid="assignment-import-file"
        accept=".csv,.xlsx"
        onChange={(e) => void pick(e.target.files?.[0])}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
      {preview &&
        (errors.length > 0 ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            message={t('assignments.importErrors', { count: errors.length })}
            description={
              <ul data-testid="assignment-import-errors">
                {errors.map((e, i) => (
                  <li key={i}>{e.message}</li>
                ))}
              </ul>
            }
          />
        ) : (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 12 }}
            message={t('assignments.importOk', { count: preview.totals.valid })}
          />
        ))}
    </Modal>
  );
}
