/**
 * The survey service's public consultation routes (no token), from the contract's actions: the
 * list, one consultation with its approved comments, and a citizen's comment. The gateway's error
 * body arrives in Vietnamese already; its code decides what the page shows.
 */
import {
  surveyConsultationActions,
  type ApiErrorBody,
  type AttachmentDownload,
  type PublicConsultation,
  type PublicConsultationList,
  type SubmitCommentParams,
} from '@par/contracts';
import { runtimeConfig } from '../standalone/runtime-config';
import { t } from '../standalone/texts';

export type CommentOutcome =
  | { kind: 'accepted' }
  | { kind: 'closed'; message: string }
  | { kind: 'invalid'; message: string; fields: Array<{ field: string; message: string }> }
  | { kind: 'unreachable'; message: string };

const timeoutMs = 20_000;
const headers = { Accept: 'application/json', 'Accept-Language': 'vi' };

const urlOf = async (path: string, id?: string, attachmentId?: string) =>
  (await runtimeConfig()).apiUrl.replace(/\/+$/, '') +
  path
    .replace(':id', encodeURIComponent(id ?? ''))
    .replace(':attachmentId', encodeURIComponent(attachmentId ?? ''));

/** What the page does with the service's answer to a comment. */
export async function commentOutcome(response: Response): Promise<CommentOutcome> {
  if (response.ok) return { kind: 'accepted' };
  const body = (await response.json().catch(() => undefined)) as ApiErrorBody | undefined;
  const error = body?.error;
  const message = error?.message ?? t('consultations.offline');
  switch (error?.code) {
    case 'E_DEADLINE_PASSED':
      return { kind: 'closed', message };
    case 'E_VALIDATION':
    case 'E_PAYLOAD_TOO_LARGE':
    case 'E_NOT_FOUND':
      return { kind: 'invalid', message, fields: error.fields ?? [] };
    default:
      // Rate limited, unavailable, a proxy's error page: the same comment can be sent later.
      return { kind: 'unreachable', message };
  }
}

export async function listConsultations(): Promise<PublicConsultationList> {
  const { rest } = surveyConsultationActions.listPublicConsultations;
  const response = await fetch(await urlOf(rest!.path), {
    headers,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as PublicConsultationList;
}

/** The consultation, or undefined when the link names none. */
export async function loadConsultation(id: string): Promise<PublicConsultation | undefined> {
  const { rest } = surveyConsultationActions.getPublicConsultation;
  const response = await fetch(await urlOf(rest!.path, id), {
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
  const response = await fetch(await urlOf(rest!.path, id, attachmentId), {
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
    const response = await fetch(await urlOf(rest!.path, id), {
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
