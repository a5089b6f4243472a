/**
 * One unit in a side panel: its years, the names it had, the units it came from and became
 * (click one to open it), and its children. Read-only; changes go through the row's actions.
 */
import { Button, Empty, Tag, Typography } from 'antd';
import Descriptions from 'antd/es/descriptions';
import Drawer from 'antd/es/drawer';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { accountsActions } from '@par/contracts';
import type { UnitDetail, UnitLinkDetail, UnitName } from '@par/contracts';
import { useActionQuery } from '@par/client';
import { ErrorState, Loading } from '@par/ui';
import { ns } from '../i18n';

export interface UnitDetailDrawerProps {
  unitId: string | null;
  onOpenUnit: (id: string) => void;
  onClose: () => void;
}

export function UnitDetailDrawer({ unitId, onOpenUnit, onClose }: UnitDetailDrawerProps) {
  const { t } = useTranslation(ns);
  const detail = useActionQuery(
    accountsActions.getUnit,
    { id: unitId ?? '' },
    { enabled: unitId !== null },
  );
  const unit = detail.data?.id === unitId ? detail.data : undefined;

  return (
    <Drawer
      open={unitId !== null}
      onClose={onClose}
      size="large"
      title={unit ? `${unit.code} — ${unit.name}` : t('units.detail.title')}
      data-testid="unit-detail"
    >
      {detail.error ? (
        <ErrorState
          status="warning"
          testId="unit-detail-failed"
          title={t('units.detail.loadFailed')}
          description={detail.error.message}
          onRetry={detail.reload}
        />
      ) : !unit ? (
        <Loading />
      ) : (
        <UnitDetailBody unit={unit} onOpenUnit={onOpenUnit} />
      )}
    </Drawer>
  );
}

function UnitDetailBody({
  unit,
  onOpenUnit,
}: {
  unit: UnitDetail;
  onOpenUnit: (id: string) => void;
}) {
  const { t } = useTranslation(ns);
  const none = t('units.none');
  const links = (items: UnitLinkDetail[], testId: string) =>
    items.length ? (
      <ul data-testid={testId} style={{ margin: 0, paddingInlineStart: 18 }}>
        {items.map((link) => (
          <li key={`${link.unitId}-${link.year}`}>
            <Button
              type="link"
              size="small"
              style={{ paddingInline: 0 }}
              onClick={() => onOpenUnit(link.unitId)}
              data-testid={`unit-link-${link.code}`}
            >
              {link.code} — {link.name}
            </Button>{' '}
            <Typography.Text type="secondary">
              {t(`units.linkKind.${link.kind}`, { year: link.year })}
            </Typography.Text>
          </li>
        ))}
      </ul>
    ) : (
      none
    );

  return (
    <>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'code', label: t('units.column.code'), children: unit.code },
          { key: 'kind', label: t('units.column.kind'), children: t(`unitKind.${unit.kind}`) },
          { key: 'group', label: t('units.column.unitGroup'), children: unit.unitGroup ?? none },
          {
            key: 'years',
            label: t('units.detail.years'),
            children: t('units.detail.yearsValue', {
              from: unit.activeFrom ?? t('units.detail.always'),
              to: unit.activeTo ?? t('units.detail.now'),
            }),
          },
          {
            key: 'state',
            label: t('units.detail.state'),
            children: unit.active ? (
              <Tag color="green">{t('units.status.active')}</Tag>
            ) : (
              <>
                <Tag color="default" data-testid="unit-detail-inactive">
                  {unit.activeTo !== null
                    ? t('units.status.endedFrom', { year: unit.activeTo + 1 })
                    : t('units.status.notYet', { year: unit.activeFrom })}
                </Tag>
                {unit.deactivationReason ? (
                  <Typography.Text type="secondary">{unit.deactivationReason}</Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            key: 'predecessors',
            label: t('units.detail.predecessors'),
            children: links(unit.predecessors, 'unit-detail-predecessors'),
          },
          {
            key: 'successors',
            label: t('units.detail.successors'),
            children: links(unit.successors, 'unit-detail-successors'),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('units.detail.names')}
      </Typography.Title>
      <Table<UnitName>
        size="small"
        rowKey={(n) => `${n.fromYear ?? 'start'}-${n.name}`}
        pagination={false}
        dataSource={[...unit.names].reverse()}
        data-testid="unit-detail-names"
        columns={[
          {
            key: 'fromYear',
            title: t('units.detail.fromYear'),
            dataIndex: 'fromYear',
            width: 120,
            render: (year: number | null) => year ?? t('units.detail.always'),
          },
          { key: 'name', title: t('units.column.name'), dataIndex: 'name' },
          {
            key: 'shortName',
            title: t('units.form.shortName'),
            dataIndex: 'shortName',
            render: (s: string | null) => s ?? none,
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('units.detail.children')}
      </Typography.Title>
      {unit.children.length ? (
        <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="unit-detail-children">
          {unit.children.map((child) => (
            <li key={child.id}>
              <Button
                type="link"
                size="small"
                style={{ paddingInline: 0 }}
                onClick={() => onOpenUnit(child.id)}
              >
                {child.code} — {child.name}
              </Button>
              {child.active ? null : (
                <Tag style={{ marginInlineStart: 8 }}>{t('units.status.inactive')}</Tag>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.detail.noChildren')} />
      )}
    </>
  );
}
