/**
 * What the unit's approver does (loaded only for them): review a read-only summary, submit when
 * every leaf is complete, withdraw with a reason, export the summary as PDF or Excel.
 */
import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Input, Modal, Typography } from 'antd';
import Drawer from 'antd/es/drawer';
import Table from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { selfAssessmentActions } from '@par/contracts';
import type { SelfAssessment } from '@par/contracts';
import { isApiError, useApiClient } from '@par/client';
import { formatHundredths } from '@par/scoring';
import { currentLanguage } from '@par/ui';
import { ns } from '../i18n';
import { downloadExport } from './download';
import type { EntryStore } from './entry-store';
import { useSummary } from './store-hooks';

export interface ApproverPanelProps {
  data: SelfAssessment;
  store: EntryStore;
  /** The state changed on the server: read the page again. */
  onChanged: () => void;
}

export default function ApproverPanel({ data, store, onChanged }: ApproverPanelProps) {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const api = useApiClient();
  const summary = useSummary(store);
  const [reviewing, setReviewing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<null | 'submit' | 'withdraw' | 'pdf' | 'xlsx'>(null);
  /** Submitting waits for every save started or queued on this page to reach the server. */
  const [waitingForSaves, setWaitingForSaves] = useState(false);
  const { periodId } = data.period;
  const submitted = data.state.status === 'submitted';
  const gaps = summary.completeness.total.leaves - summary.completeness.total.done;
  const canSubmit = !submitted && data.readOnly === null && gaps === 0;
  const canWithdraw = submitted && data.state.appraisalOpenedAt === null;

  const fail = (error: unknown) =>
    void message.error(isApiError(error) ? error.message : String(error));

  const submit = async () => {
    setBusy('submit');
    try {
      if (store.hasUnsaved()) {
        setWaitingForSaves(true);
        await store.flush().finally(() => setWaitingForSaves(false));
      }
      if (store.hasUnsaved()) {
        void message.error(t('approver.unsaved'));
        return;
      }
      await api.callAction(selfAssessmentActions.submitSelfAssessment, {
        periodId,
        version: data.state.version,
      });
      setConfirming(false);
      void message.success(t('approver.submitted'));
      onChanged();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const withdraw = async () => {
    setBusy('withdraw');
    try {
      await api.callAction(selfAssessmentActions.withdrawSelfAssessment, {
        periodId,
        version: data.state.version,
        reason,
      });
      setWithdrawing(false);
      setReason('');
      void message.success(t('approver.withdrawn'));
      onChanged();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const exportAs = async (format: 'pdf' | 'xlsx') => {
    setBusy(format);
    try {
      downloadExport(
        await api.callAction(selfAssessmentActions.exportSelfAssessment, { periodId, format }),
      );
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const locale = currentLanguage();
  const leaves = store.leafCodes.map((code) => {
    const node = store.nodes.find((n) => n.code === code)!;
    const leaf = store.leaf(code);
    return {
      code,
      title: node.title,
      score: leaf.score.ok ? formatHundredths(leaf.score.score, locale) : '—',
      explanation: leaf.draft.explanation,
      files: leaf.evidenceCount,
    };
  });

  return (
    <Card title={t('approver.title')} data-testid="approver-panel">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('approver.description')}</Typography.Text>
        <Flex gap={8} wrap>
          <Button onClick={() => setReviewing(true)} data-testid="approver-review">
            {t('approver.review')}
          </Button>
          {!submitted ? (
            <Button
              type="primary"
              disabled={!canSubmit}
              onClick={() => setConfirming(true)}
              data-testid="approver-submit"
            >
              {t('approver.submit')}
            </Button>
          ) : (
            <Button
              danger
              disabled={!canWithdraw}
              onClick={() => setWithdrawing(true)}
              data-testid="approver-withdraw"
            >
              {t('approver.withdraw')}
            </Button>
          )}
          <Button
            loading={busy === 'pdf'}
            onClick={() => void exportAs('pdf')}
            data-testid="export-pdf"
          >
            {t('approver.exportPdf')}
          </Button>
          <Button
            loading={busy === 'xlsx'}
            onClick={() => void exportAs('xlsx')}
            data-testid="export-xlsx"
          >
            {t('approver.exportXlsx')}
          </Button>
        </Flex>
        {!submitted && gaps > 0 ? (
          <Typography.Text type="warning" data-testid="approver-gaps">
            {t('approver.gaps', { count: gaps })}
          </Typography.Text>
        ) : null}
        {submitted && !canWithdraw ? (
          <Typography.Text type="secondary">{t('approver.openedByAppraiser')}</Typography.Text>
        ) : null}
      </Flex>

      <Drawer
        open={reviewing}
        onClose={() => setReviewing(false)}
        title={t('approver.reviewTitle', { unit: data.unit.name })}
        size="large"
        data-testid="approver-summary"
      >
        <Typography.Paragraph strong>
          {t('summary.total')}: {formatHundredths(summary.total, locale)} /{' '}
          {formatHundredths(summary.totalMax, locale)}
        </Typography.Paragraph>
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={leaves}
          columns={[
            { title: t('approver.column.code'), dataIndex: 'code', width: 80 },
            { title: t('approver.column.title'), dataIndex: 'title' },
            { title: t('approver.column.score'), dataIndex: 'score', width: 80 },
            {
              title: t('approver.column.explanation'),
              dataIndex: 'explanation',
              render: (text: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>,
            },
            { title: t('approver.column.files'), dataIndex: 'files', width: 80 },
          ]}
        />
      </Drawer>

      <Modal
        open={confirming}
        title={t('approver.confirmTitle')}
        okText={t('approver.submit')}
        cancelText={t('approver.cancel')}
        confirmLoading={busy === 'submit'}
        onOk={() => void submit()}
        onCancel={() => setConfirming(false)}
        okButtonProps={{ 'data-testid': 'approver-submit-confirm' }}
      >
        {t('approver.confirmText', {
          total: formatHundredths(summary.total, locale),
          max: formatHundredths(summary.totalMax, locale),
        })}
        {waitingForSaves ? (
          <Typography.Paragraph type="secondary" data-testid="approver-waiting-for-saves">
            {t('approver.waitingForSaves')}
          </Typography.Paragraph>
        ) : null}
      </Modal>

      <Modal
        open={withdrawing}
        title={t('approver.withdrawTitle')}
        okText={t('approver.withdraw')}
        cancelText={t('approver.cancel')}
        confirmLoading={busy === 'withdraw'}
        okButtonProps={{
          danger: true,
          disabled: reason.trim().length < 5,
          'data-testid': 'approver-withdraw-confirm',
        }}
        onOk={() => void withdraw()}
        onCancel={() => setWithdrawing(false)}
      >
        <label htmlFor="withdraw-reason">{t('approver.withdrawReason')}</label>
        <Input.TextArea
          id="withdraw-reason"
          data-testid="withdraw-reason"
          value={reason}
          maxLength={1000}
          showCount
          autoSize={{ minRows: 3 }}
          onChange={(event) => setReason(event.target.value)}
        />
      </Modal>
    </Card>
  );
}
