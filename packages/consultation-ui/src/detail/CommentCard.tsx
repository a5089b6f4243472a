/**
 * One comment as its moderators see it: the name, the time, the state, the text as typed (React
 * escapes it, so HTML shows as characters), the reason of a rejection, and for a pending one
 * the approve and reject buttons.
 */
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  formatVietnamDateTime,
  type CommentStatus,
  type ConsultationComment,
} from '@par/contracts';
import { ns } from '../i18n';

const statusColor: Record<CommentStatus, string> = {
  pending: 'orange',
  approved: 'green',
  rejected: 'red',
};

/** Text as typed: its line breaks kept, a long word wrapped. */
export const typedText = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

export interface CommentCardProps {
  comment: ConsultationComment;
  approving: boolean;
  onApprove: () => void;
  onReject: () => void;
}

export function CommentCard({ comment, approving, onApprove, onReject }: CommentCardProps) {
  const { t } = useTranslation(ns);
  return (
    <Card size="small" data-testid={`comment-${comment.id}`}>
      <Flex justify="space-between" gap={8} wrap>
        <Typography.Text strong>{comment.authorName ?? t('anonymous')}</Typography.Text>
        <span>
          {formatVietnamDateTime(comment.createdAt)}{' '}
          <Tag color={statusColor[comment.status]}>{t(`filter.${comment.status}`)}</Tag>
        </span>
      </Flex>
      <div style={{ ...typedText, margin: '8px 0' }} data-testid="comment-text">
        {comment.text}
      </div>
      {comment.status === 'rejected' && comment.reason ? (
        <Typography.Paragraph type="secondary">
          {t('reasonShown', { reason: comment.reason })}
        </Typography.Paragraph>
      ) : null}
      {comment.status === 'pending' ? (
        <Flex gap={8}>
          <Button
            type="primary"
            size="small"
            data-testid="comment-approve"
            loading={approving}
            onClick={onApprove}
          >
            {t('approve')}
          </Button>
          <Button danger size="small" data-testid="comment-reject" onClick={onReject}>
            {t('reject')}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}
