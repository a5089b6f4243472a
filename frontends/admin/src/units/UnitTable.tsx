/** The list of units as of one year: code, name, kind, parent, group, state and row actions. */
import type { ReactNode } from 'react';
import type { Unit } from '@par/contracts';
import { Button, Dropdown, Space, Tag, Typography } from 'antd';
import Table from 'antd/es/table';
import type { TableColumnsType } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { inactiveMark } from './unit-lifecycle-state';
import { useTranslation } from 'react-i18next';
import { ns } from '../i18n';

export interface UnitTableProps {
  units: readonly Unit[];
  /** Every unit by id, to name parents that the current search does not list. */
  unitsById: ReadonlyMap<string, Unit>;
  loading: boolean;
  empty: ReactNode;
  /** The year the rows show; marks units not active in it. */
  year: number;
  onAction: (action: UnitAction, unit: Unit) => void;
}

export const unitActions = ['detail', 'edit', 'rename', 'merge', 'split', 'deactivate'] as const;
export type UnitAction = (typeof unitActions)[number];

export function UnitTable({ units, unitsById, loading, empty, year, onAction }: UnitTableProps) {
  const { t, i18n } = useTranslation(ns);
  const none = t('units.none');
  const columns: TableColumnsType<Unit> = [
    {
      key: 'code',
      dataIndex: 'code',
      title: t('units.column.code'),
      width: 160,
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (code: string, unit) => (
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0, fontWeight: 600 }}
          onClick={() => onAction('detail', unit)}
          data-testid={`unit-open-${code}`}
        >
          {code}
        </Button>
      ),
    },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('units.column.name'),
      sorter: (a, b) => a.name.localeCompare(b.name, i18n.language),
      render: (name: string, unit) => (
        <>
          {name}
          {unit.shortName ? (
            <Typography.Text type="secondary"> ({unit.shortName})</Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      key: 'kind',
      dataIndex: 'kind',
      title: t('units.column.kind'),
      render: (kind: Unit['kind']) => t(`unitKind.${kind}`),
    },
    {
      key: 'parent',
      dataIndex: 'parentId',
      title: t('units.column.parent'),
      render: (parentId: string | null) =>
        parentId ? (unitsById.get(parentId)?.name ?? parentId) : none,
    },
    {
      key: 'unitGroup',
      dataIndex: 'unitGroup',
      title: t('units.column.unitGroup'),
      render: (group: string | null) => group ?? none,
    },
    {
      key: 'state',
      title: t('units.column.state'),
      render: (_: unknown, unit) => {
        const mark = inactiveMark(unit, year);
        if (!mark) return <Tag color="green">{t('units.status.active')}</Tag>;
        return (
          <Tag data-testid={`unit-inactive-${unit.code}`}>
            {mark.kind === 'ended'
              ? t('units.status.endedFrom', { year: mark.year })
              : t('units.status.notYet', { year: mark.year })}
          </Tag>
        );
      },
    },
    {
      key: 'actions',
      title: t('units.column.actions'),
      render: (_: unknown, unit) => {
        const ended = unit.activeTo !== null;
        return (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              onClick={() => onAction('edit', unit)}
              data-testid={`unit-edit-${unit.code}`}
            >
              {t('units.action.edit')}
            </Button>
            <Dropdown
              trigger={['click']}
              menu={{
                items: (['rename', 'merge', 'split', 'deactivate'] as const).map((action) => ({
                  key: action,
                  label: t(`units.action.${action}`),
                  disabled: ended,
                  danger: action === 'deactivate',
                  'data-testid': `unit-action-${action}`,
                })),
                onClick: ({ key }) => onAction(key as UnitAction, unit),
              }}
            >
              <Button
                type="link"
                size="small"
                data-testid={`unit-more-${unit.code}`}
                aria-label={t('units.action.moreFor', { code: unit.code })}
              >
                {t('units.action.more')} <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        );
      },
    },
  ];
  return (
    <div data-testid="units-table">
      <Table<Unit>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={units as Unit[]}
        loading={loading}
        locale={{ emptyText: loading ? ' ' : empty }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(unit) => ({ style: inactiveMark(unit, year) ? { opacity: 0.65 } : undefined })}
        scroll={{ x: true }}
      />
    </div>
  );
}
