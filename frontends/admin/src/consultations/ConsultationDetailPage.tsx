/**
 * One consultation for its moderators: the draft, its comments by state (the pending ones
 * first), approve or reject with a reason, and after the deadline the summary of what the unit
 * took on. Comments show as the text typed (React escapes it), never as HTML.
 */
import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Input, Modal, Segmented, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  formatVietnamDateTime,
  surveyConsultationActions as k,
  type CommentStatus,
  type ConsultationComment,
} from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { FormField, Loading, PageHeader } from '@par/ui';
import { ns } from '../i18n';

const statusColor: Record<CommentStatus, string> = {
  pending: 'orange',
  approved: 'green',
  rejected: 'red',
};
const typed = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

export default function ConsultationDetailPage() {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const api = useApiClient();
  const { id = '' } = useParams();
  const [filter, setFilter] = useState<CommentStatus | 'all'>('pending');
  const query = useActionQuery(k.getConsultation, {
    id,
    ...(filter === 'all' ? {} : { status: filter }),
  });
  const [busy, setBusy] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<ConsultationComment | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [summary, setSummary] = useState<string | null>(null);
  const [summaryError, setSummaryError] = useState<string>();
  const c = query.data;

  const moderate = async (
    comment: ConsultationComment,
    decision: { decision: 'approve' } | { decision: 'reject'; reason: string },
  ) => {
    setBusy(comment.id);
    try {
      await api.callAction(k.moderateComment, { id, commentId: comment.id, ...decision });
      void message.success(
        t(decision.decision === 'approve' ? 'consultations.approved' : 'consultations.rejected'),
      );
      setRejecting(null);
      query.reload();
    } catch (caught) {
      const field = isApiError(caught) ? caught.fields.find((f) => f.field === 'reason') : null;
      if (field) setReasonError(field.message);
      else void message.error(isApiError(caught) ? caught.message : String(caught));
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    setBusy('summary');
    try {
      await api.callAction(k.publishConsultationSummary, { id, summary: summary ?? '' });
      void message.success(t('consultations.summaryDone'));
      setSummary(null);
      query.reload();
    } catch (caught) {
      setSummaryError(isApiError(caught) ? caught.message : String(caught));
    } finally {
      setBusy(null);
    }
  };

  if (!c && query.loading) return <Loading />;
  if (!c)
    return (
      <Typography.Paragraph type="danger" role="alert">
        {query.error?.message ?? t('consultations.loadFailed')}{' '}
        <Button onClick={query.reload}>{t('consultations.retry')}</Button>
      </Typography.Paragraph>
    );

  return (
    <>
      <PageHeader
        title={c.title}
        description={t(c.accepting ? 'consultations.openUntil' : 'consultations.endedAt', {
          unit: c.unitCode,
          closesAt: formatVietnamDateTime(c.closesAt),
        })}
        extra={<Link to="..">{t('consultations.backToList')}</Link>}
      />
      <Card title={t('consultations.draft')} style={{ marginBottom: 16 }}>
        <div style={{ ...typed, maxHeight: 240, overflow: 'auto' }}>{c.text}</div>
      </Card>
      <Card
        title={t('consultations.commentsTitle')}
        style={{ marginBottom: 16 }}
        extra={
          <Segmented
            data-testid="comment-filter"
            value={filter}
            onChange={(value) => setFilter(value as CommentStatus | 'all')}
            options={(['pending', 'approved', 'rejected', 'all'] as const).map((s) => ({
              value: s,
              label:
                s === 'all'
                  ? t('consultations.filter.all')
                  : `${t(`consultations.filter.${s}`)} (${c.comments[s]})`,
            }))}
          />
        }
      >
        {c.commentList.length === 0 ? (
          <Typography.Paragraph type="secondary" data-testid="comments-empty">
            {t(filter === 'pending' ? 'consultations.noPending' : 'consultations.noComments')}
          </Typography.Paragraph>
        ) : (
          <Flex vertical gap={12}>
            {c.commentList.map((comment) => (
              <Card size="small" key={comment.id} data-testid={`comment-${comment.id}`}>
                <Flex justify="space-between" gap={8} wrap>
                  <Typography.Text strong>
                    {comment.authorName ?? t('consultations.anonymous')}
                  </Typography.Text>
                  <span>
                    {formatVietnamDateTime(comment.createdAt)}{' '}
                    <Tag color={statusColor[comment.status]}>
                      {t(`consultations.filter.${comment.status}`)}
                    </Tag>
                  </span>
                </Flex>
                <div style={{ ...typed, margin: '8px 0' }} data-testid="comment-text">
                  {comment.text}
                </div>
                {comment.status === 'rejected' && comment.reason ? (
                  <Typography.Paragraph type="secondary">
                    {t('consultations.reasonShown', { reason: comment.reason })}
                  </Typography.Paragraph>
                ) : null}
                {comment.status === 'pending' ? (
                  <Flex gap={8}>
                    <Button
                      type="primary"
                      size="small"
                      data-testid="comment-approve"
                      loading={busy === comment.id}
                      onClick={() => void moderate(comment, { decision: 'approve' })}
                    >
                      {t('consultations.approve')}
                    </Button>
                    <Button
                      danger
                      size="small"
                      data-testid="comment-reject"
                      onClick={() => {
                        setReason('');
                        setReasonError(undefined);
                        setRejecting(comment);
                      }}
                    >
                      {t('consultations.reject')}
                    </Button>
                  </Flex>
                ) : null}
              </Card>
            ))}
          </Flex>
        )}
      </Card>
      <Card title={t('consultations.summaryTitle')}>
        {c.summary && summary === null ? (
          <>
            <div style={typed} data-testid="summary-text">
              {c.summary}
            </div>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('consultations.summaryPublishedAt', {
                at: formatVietnamDateTime(c.summaryPublishedAt ?? c.closesAt),
              })}
            </Typography.Paragraph>
            <Button onClick={() => setSummary(c.summary ?? '')}>
              {t('consultations.summaryEdit')}
            </Button>
          </>
        ) : c.accepting ? (
          <Typography.Paragraph type="secondary">
            {t('consultations.summaryAfter', { closesAt: formatVietnamDateTime(c.closesAt) })}
          </Typography.Paragraph>
        ) : (
          <>
            <FormField
              id="consultation-summary"
              label={t('consultations.summaryLabel')}
              error={summaryError}
            >
              <Input.TextArea
                id="consultation-summary"
                data-testid="consultation-summary"
                rows={6}
                maxLength={20_000}
                value={summary ?? ''}
                onChange={(event) => {
                  setSummary(event.target.value);
                  setSummaryError(undefined);
                }}
              />
            </FormField>
            <Button
              type="primary"
              data-testid="summary-publish"
              loading={busy === 'summary'}
              onClick={() => void publish()}
            >
              {t('consultations.summaryPublish')}
            </Button>
          </>
        )}
      </Card>
      <Modal
        open={rejecting !== null}
        title={t('consultations.rejectTitle')}
        okText={t('consultations.reject')}
        okButtonProps={{ danger: true, 'data-testid': 'reject-confirm' } as never}
        cancelText={t('consultations.cancel')}
        confirmLoading={rejecting !== null && busy === rejecting.id}
        onOk={() => rejecting && void moderate(rejecting, { decision: 'reject', reason })}
        onCancel={() => setRejecting(null)}
      >
        <FormField
          id="reject-reason"
          label={t('consultations.reason')}
          required
          help={t('consultations.reasonHelp')}
          error={reasonError}
        >
          <Input.TextArea
            id="reject-reason"
            data-testid="reject-reason"
            rows={3}
            maxLength={500}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setReasonError(undefined);
            }}
          />
        </FormField>
      </Modal>
    </>
  );
}
