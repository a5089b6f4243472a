/** Shows newly issued temporary passwords once, with the hand-over sheet to download. */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Typography } from 'antd';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { AccountJobItem, IssuedAccount, Unit } from '@par/contracts';
import { ns } from '../i18n';
import { handoverCsv } from './form-state';

export interface IssuedPasswordsModalProps {
  /** Null when closed; the passwords live only in this state and go when it closes. */
  issued: IssuedAccount[] | null;
  /** To name each account's unit: whoever hands the passwords out goes by names, not codes. */
  units?: readonly Unit[];
  /** Units of an account job that got no new account (already had one, or failed). */
  skipped?: readonly AccountJobItem[];
  onClose: () => void;
}

export function IssuedPasswordsModal({
  issued,
  units = [],
  skipped = [],
  onClose,
}: IssuedPasswordsModalProps) {
  const { t } = useTranslation(ns);
  const unitName = (code: string) => units.find((unit) => unit.code === code)?.name;
  const download = () => {
    const csv = handoverCsv(
      issued ?? [],
      [
        t('accounts.column.unit'),
        t('accounts.column.username'),
        t('accounts.issued.password'),
        t('accounts.column.roles'),
        t('accounts.column.name'),
        t('accounts.issued.unitName'),
      ],
      unitName,
    );
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `ban-giao-tai-khoan-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Modal
      open={issued !== null}
      title={t('accounts.issued.title', { count: issued?.length ?? 0 })}
      onCancel={onClose}
      width={720}
      maskClosable={false}
      footer={[
        <Button
          key="download"
          icon={<DownloadOutlined />}
          onClick={download}
          data-testid="issued-download"
        >
          {t('accounts.issued.download')}
        </Button>,
        <Button key="close" type="primary" onClick={onClose} data-testid="issued-close">
          {t('accounts.issued.close')}
        </Button>,
      ]}
    >
      <Alert
        type="warning"
        showIcon
        title={t('accounts.issued.warning')}
        style={{ marginBottom: 16 }}
      />
      {skipped.length ? (
        <Alert
          type="info"
          showIcon
          data-testid="issued-skipped"
          style={{ marginBottom: 16 }}
          title={t('accounts.job.skipped', { count: skipped.length })}
          description={skipped
            .map((item) =>
              item.status === 'exists'
                ? t('accounts.job.skippedExists', { unit: item.unitCode, username: item.username })
                : t('accounts.job.skippedFailed', { unit: item.unitCode, reason: item.reason }),
            )
            .join(' · ')}
        />
      ) : null}
      <div data-testid="issued-table">
        <Table<IssuedAccount>
          rowKey={(item) => item.account.id}
          size="small"
          pagination={false}
          dataSource={issued ?? []}
          columns={[
            {
              key: 'unit',
              title: t('accounts.column.unit'),
              render: (_, item) => {
                const code = item.account.unit;
                const name = code ? unitName(code) : undefined;
                return name ? `${code} — ${name}` : code;
              },
            },
            {
              key: 'username',
              title: t('accounts.column.username'),
              render: (_, item) => (
                <Typography.Text strong>{item.account.username}</Typography.Text>
              ),
            },
            {
              key: 'password',
              title: t('accounts.issued.password'),
              render: (_, item) => (
                // A break inside a password (browsers break after "-") would be copied by hand wrong.
                <Typography.Text
                  code
                  copyable
                  data-testid="issued-password"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {item.temporaryPassword}
                </Typography.Text>
              ),
            },
          ]}
        />
      </div>
    </Modal>
  );
}
