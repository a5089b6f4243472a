/**
 * The survey service's public consultation routes (no token), from the contract's actions: the
 * list, one consultation with its approved comments, and a citizen's comment.
 */
import {
  surveyConsultationActions as actions,
  type PublicConsultation,
  type PublicConsultationList,
  type SubmitCommentParams,
} from '@par/contracts';
import { absentOn, publicClient, publicWrite, type WriteOutcome } from '../standalone/public-api';
import { t } from '../standalone/texts';

export async function listConsultations(): Promise<PublicConsultationList> {
  return (await publicClient()).callAction(actions.listPublicConsultations, {});
}

/** The consultation, or undefined when the link names none. */
export async function loadConsultation(id: string): Promise<PublicConsultation | undefined> {
  return (await publicClient())
    .callAction(actions.getPublicConsultation, { id })
    .catch(absentOn(404, 422));
}

/** A short-lived link to an attached file (its name in the download's header). */
export async function attachmentUrl(id: string, attachmentId: string): Promise<string> {
  const client = await publicClient();
  return (await client.callAction(actions.getPublicConsultationAttachment, { id, attachmentId }))
    .url;
}

export function submitComment(params: SubmitCommentParams): Promise<WriteOutcome> {
  return publicWrite((client) => client.callAction(actions.submitComment, params), {
    offline: t('consultations.offline'),
  });
}
