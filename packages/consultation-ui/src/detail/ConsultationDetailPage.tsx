/**
 * One consultation for its moderators: the draft, its comments by state (the pending ones
 * first), approve or reject with a reason, and after the deadline the summary of what the unit
 * took on. The service decides who may see and moderate it (the admin, the unit's officers).
 */
import { useState } from 'react';
import { Button, Card, Flex, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatVietnamDateTime, type ConsultationComment } from '@par/contracts';
import { Loading, PageHeader } from '@par/ui';
import { ns } from '../i18n';
import { AttachmentsCard } from './AttachmentsCard';
import { CommentCard, typedText } from './CommentCard';
import { RejectCommentModal } from './RejectCommentModal';
import { SummaryCard } from './SummaryCard';
import { useConsultation, type CommentFilter } from './use-consultation';

const filters: readonly CommentFilter[] = ['pending', 'approved', 'rejected', 'all'];

export default function ConsultationDetailPage() {
  const { t } = useTranslation(ns);
  const { id = '' } = useParams();
  const { query, filter, setFilter, approving, approve, reject, publishSummary } =
    useConsultation(id);
  const [rejecting, setRejecting] = useState<ConsultationComment | null>(null);
  const c = query.data;

  if (!c && query.loading) return <Loading />;
  if (!c)
    return (
      <Typography.Paragraph type="danger" role="alert" data-testid="consultation-error">
        {query.error?.message ?? t('loadFailed')}{' '}
        <Button onClick={query.reload}>{t('retry')}</Button> <Link to="..">{t('backToList')}</Link>
      </Typography.Paragraph>
    );

  return (
    <>
      <PageHeader
        title={c.title}
        description={t(c.accepting ? 'openUntil' : 'endedAt', {
          unit: c.unitCode,
          closesAt: formatVietnamDateTime(c.closesAt),
        })}
        extra={<Link to="..">{t('backToList')}</Link>}
      />
      <Card title={t('draft')} style={{ marginBottom: 16 }}>
        <div style={{ ...typedText, maxHeight: 240, overflow: 'auto' }}>{c.text}</div>
      </Card>
      <div style={{ marginBottom: 16 }}>
        <AttachmentsCard consultationId={c.id} />
      </div>
      <Card
        title={t('commentsTitle')}
        style={{ marginBottom: 16 }}
        extra={
          <Segmented
            data-testid="comment-filter"
            value={filter}
            onChange={(value) => setFilter(value as CommentFilter)}
            options={filters.map((s) => ({
              value: s,
              label: s === 'all' ? t('filter.all') : `${t(`filter.${s}`)} (${c.comments[s]})`,
            }))}
          />
        }
      >
        {c.commentList.length === 0 ? (
          <Typography.Paragraph type="secondary" data-testid="comments-empty">
            {t(filter === 'pending' ? 'noPending' : 'noComments')}
          </Typography.Paragraph>
        ) : (
          <Flex vertical gap={12}>
            {c.commentList.map((comment) => (
              <CommentCard
                key={comment.id}
                comment={comment}
                approving={approving === comment.id}
                onApprove={() => void approve(comment)}
                onReject={() => setRejecting(comment)}
              />
            ))}
          </Flex>
        )}
      </Card>
      <SummaryCard consultation={c} onPublish={publishSummary} />
      <RejectCommentModal
        comment={rejecting}
        onReject={reject}
        onClose={() => setRejecting(null)}
      />
    </>
  );
}
