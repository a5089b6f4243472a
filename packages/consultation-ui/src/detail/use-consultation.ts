/**
 * One consultation for its moderators, with the comments of the chosen state, and the calls
 * that change it (approve, reject with a reason, publish the summary), each reloading it after.
 */
import { useState } from 'react';
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  surveyConsultationActions as k,
  type CommentStatus,
  type ConsultationComment,
} from '@par/contracts';
import { isApiError, useActionQuery, useApiClient } from '@par/client';
import { ns } from '../i18n';

export type CommentFilter = CommentStatus | 'all';

export function useConsultation(id: string) {
  const { t } = useTranslation(ns);
  const { message } = AntApp.useApp();
  const api = useApiClient();
  const [filter, setFilter] = useState<CommentFilter>('pending');
  const query = useActionQuery(k.getConsultation, {
    id,
    ...(filter === 'all' ? {} : { status: filter }),
  });
  const [approving, setApproving] = useState<string | null>(null);

  /** Approves at once; a refusal is shown as a message (e.g. another moderator was first). */
  const approve = async (comment: ConsultationComment) => {
    setApproving(comment.id);
    try {
      await api.callAction(k.moderateComment, { id, commentId: comment.id, decision: 'approve' });
      void message.success(t('approved'));
      query.reload();
    } catch (caught) {
      void message.error(isApiError(caught) ? caught.message : String(caught));
    } finally {
      setApproving(null);
    }
  };

  /** Rejects with the reason; a refusal is thrown for the dialog to show under its field. */
  const reject = async (comment: ConsultationComment, reason: string) => {
    await api.callAction(k.moderateComment, {
      id,
      commentId: comment.id,
      decision: 'reject',
      reason,
    });
    void message.success(t('rejected'));
    query.reload();
  };

  /** Publishes the summary; a refusal is thrown for the form to show under its field. */
  const publishSummary = async (summary: string) => {
    await api.callAction(k.publishConsultationSummary, { id, summary });
    void message.success(t('summaryDone'));
    query.reload();
  };

  return { query, filter, setFilter, approving, approve, reject, publishSummary };
}
