/**
 * The survey service's public consultation routes (no token), from the contract's actions: the
 * list, one consultation with its approved comments, and a citizen's comment.
 */
import {
  surveyConsultationActions,
  type AttachmentDownload,
  type PublicConsultation,
  type PublicConsultationList,
  type SubmitCommentParams,
} from '@par/contracts';
import {
  publicHeaders as headers,
  publicTimeoutMs as timeoutMs,
  publicUrl,
  writeOutcome,
  type WriteOutcome,
} from '../standalone/public-api';
import { t } from '../standalone/texts';

export type CommentOutcome = WriteOutcome;

/** What the page does with the service's answer to a comment. */
export const commentOutcome = (response: Response): Promise<CommentOutcome> =>
  writeOutcome(response, t('consultations.offline'));

export async function listConsultations(): Promise<PublicConsultationList> {
  const { rest } = surveyConsultationActions.listPublicConsultations;
  const response = await fetch(await publicUrl(rest!.path), {
    headers,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as PublicConsultationList;
}

/** The consultation, or undefined when the link names none. */
export async function loadConsultation(id: string): Promise<PublicConsultation | undefined> {
  const { rest } = surveyConsultationActions.getPublicConsultation;
  const response = await fetch(await publicUrl(rest!.path, { id }), {
    headers,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.status === 404 || response.status === 422) return undefined;
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as PublicConsultation;
}

/** A short-lived link to an attached file (its name in the download's header). */
export async function attachmentUrl(id: string, attachmentId: string): Promise<string> {
  const { rest } = surveyConsultationActions.getPublicConsultationAttachment;
  const response = await fetch(await publicUrl(rest!.path, { id, attachmentId }), {
    headers,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as AttachmentDownload).url;
}

export async function submitComment(params: SubmitCommentParams): Promise<CommentOutcome> {
  const { rest } = surveyConsultationActions.submitComment;
  try {
    const { id, ...body } = params;
    const response = await fetch(await publicUrl(rest!.path, { id }), {
      method: rest!.method,
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return await commentOutcome(response);
  } catch {
    return { kind: 'unreachable', message: t('consultations.offline') };
  }
}
