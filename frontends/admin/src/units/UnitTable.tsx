/** The list of units: code, name, kind, parent and group. */
import type { ReactNode } from 'react';
import type { Unit } from '@par/contracts';
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ns } from '../i18n';

export interface UnitTableProps {
  units: readonly Unit[];
  /** Every unit by id, to name parents that the current search does not list. */
  unitsById: ReadonlyMap<string, Unit>;
  loading: boolean;
  empty: ReactNode;
}

export function UnitTable({ units, unitsById, loading, empty }: UnitTableProps) {
  const { t, i18n } = useTranslation(ns);
  const none = t('units.none');
  const columns: TableColumnsType<Unit> = [
    {
      key: 'code',
      dataIndex: 'code',
      title: t('units.column.code'),
      width: 160,
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (code: string) => <Typography.Text strong>{code}</Typography.Text>,
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
      />
    </div>
  );
}
