/** The progress of an account job: a bar, the counts, and each unit not (yet) given an account. */
import { Alert, Button, Modal, Progress, Tag, Typography } from 'antd';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { AccountJob, AccountJobItem } from '@par/contracts';
import { ns } from '../i18n';

export interface AccountJobModalProps {
  job: AccountJob | null;
  error: string | null;
  /** Fetching the passwords, shown once. */
  taking: boolean;
  onTakePasswords: () => void;
  onClose: () => void;
}

const statusColor: Record<AccountJobItem['status'], string> = {
  pending: 'default',
  created: 'green',
  exists: 'blue',
  failed: 'red',
};

/** Units the job did not give a new account: already had one, or failed (with the reason). */
export const skippedItems = (job: AccountJob | null): AccountJobItem[] =>
  (job?.items ?? []).filter((item) => item.status === 'exists' || item.status === 'failed');

export function AccountJobModal({
  job,
  error,
  taking,
  onTakePasswords,
  onClose,
}: AccountJobModalProps) {
  const { t } = useTranslation(ns);
  const running = job?.status === 'running';
  const percent = job && job.total > 0 ? Math.floor((job.done * 100) / job.total) : 0;
  // Created accounts appear with their passwords; the others are what needs the admin's eye.
  const notCreated = skippedItems(job);

  return (
    <Modal
      open={job !== null}
      title={t('accounts.job.title')}
      onCancel={onClose}
      width={720}
      maskClosable={false}
      // Closed while running, the page would no longer follow the job to fetch its passwords.
      closable={!running}
      footer={
        running
          ? null
          : [
              <Button key="close" onClick={onClose} data-testid="account-job-close">
                {t('accounts.job.close')}
              </Button>,
              ...(job?.passwords === 'available'
                ? [
                    <Button
                      key="passwords"
                      type="primary"
                      loading={taking}
                      onClick={onTakePasswords}
                      data-testid="account-job-passwords"
                    >
                      {t('accounts.job.showPasswords', { count: job.created })}
                    </Button>,
                  ]
                : []),
            ]
      }
    >
      <div data-testid="account-job">
        <Progress
          percent={percent}
          status={running ? 'active' : job && job.failed > 0 ? 'exception' : 'success'}
          aria-label={t('accounts.job.progress')}
        />
        <Typography.Paragraph data-testid="account-job-counts">
          {t('accounts.job.counts', {
            done: job?.done ?? 0,
            total: job?.total ?? 0,
            created: job?.created ?? 0,
            existed: job?.existed ?? 0,
            failed: job?.failed ?? 0,
          })}
        </Typography.Paragraph>
        {running ? <Alert type="info" showIcon title={t('accounts.job.runningHelp')} /> : null}
        {job?.passwords === 'available' && !running ? (
          <Alert type="warning" showIcon title={t('accounts.job.passwordsOnce')} />
        ) : null}
        {job && !running && job.passwords !== 'available' && job.passwords !== 'taken' ? (
          <Alert
            type={job.passwords === 'none' ? 'info' : 'warning'}
            showIcon
            title={t(`accounts.job.passwords.${job.passwords}`)}
          />
        ) : null}
        {error ? (
          <Alert type="error" showIcon title={error} data-testid="account-job-error" />
        ) : null}
        {notCreated.length ? (
          <Table<AccountJobItem>
            style={{ marginTop: 16 }}
            rowKey="unitCode"
            size="small"
            pagination={notCreated.length > 10 ? { pageSize: 10 } : false}
            dataSource={notCreated}
            columns={[
              {
                key: 'unit',
                title: t('accounts.column.unit'),
                render: (_, item) => `${item.unitCode} — ${item.unitName}`,
              },
              { key: 'username', title: t('accounts.column.username'), dataIndex: 'username' },
              {
                key: 'status',
                title: t('accounts.job.result'),
                render: (_, item) => (
                  <>
                    <Tag color={statusColor[item.status]}>
                      {t(`accounts.job.status.${item.status}`)}
                    </Tag>
                    {item.reason ? <Typography.Text>{item.reason}</Typography.Text> : null}
                  </>
                ),
              },
            ]}
          />
        ) : null}
      </div>
    </Modal>
  );
}
