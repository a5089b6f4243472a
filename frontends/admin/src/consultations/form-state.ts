/**
 * The consultation screens' pure state: the new-draft form ⇄ the createConsultation contract
 * (the deadline typed in Vietnam time), the contract's messages per field, and the moderation
 * queue's counts as the list shows them.
 */
import { ConsultationInput, formatMessage, isMessageKey } from '@par/contracts';
import type { ConsultationInput as ConsultationParams, Locale, MessageKey } from '@par/contracts';

export interface ConsultationFormValues {
  /** The admin names the unit; an officer's own unit is used when empty. */
  unitCode: string;
  title: string;
  text: string;
  /** Vietnam wall-clock `YYYY-MM-DDTHH:mm`. */
  closesAt: string;
}

export const emptyConsultationForm = (): ConsultationFormValues => ({
  unitCode: '',
  title: '',
  text: '',
  closesAt: '',
});

/** A Vietnam wall-clock input value → an ISO time with the +07:00 offset; invalid → ''. */
const vietnamIso = (value: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+07:00` : '';

export function toConsultationParams(values: ConsultationFormValues): ConsultationParams {
  const unitCode = values.unitCode.trim();
  return {
    ...(unitCode ? { unitCode } : {}),
    title: values.title,
    text: values.text,
    closesAt: vietnamIso(values.closesAt),
  };
}

const fallback: Record<keyof ConsultationFormValues, MessageKey> = {
  unitCode: 'survey.consultation.unit',
  title: 'survey.consultation.title',
  text: 'survey.consultation.text',
  closesAt: 'survey.consultation.closesAt',
};

export type ConsultationMessages = Partial<Record<keyof ConsultationFormValues, string>>;

/** The contract's verdict on the form, one message per field; a past deadline is refused too. */
export function consultationMessages(
  values: ConsultationFormValues,
  locale: Locale,
  now: Date = new Date(),
): ConsultationMessages {
  const messages: ConsultationMessages = {};
  const result = ConsultationInput.safeParse(toConsultationParams(values));
  for (const issue of result.success ? [] : result.error.issues) {
    const field = issue.path[0] as keyof ConsultationFormValues | undefined;
    if (!field || !(field in fallback) || messages[field]) continue;
    messages[field] = formatMessage(
      isMessageKey(issue.message) ? issue.message : fallback[field],
      {},
      locale,
    );
  }
  const closesAt = vietnamIso(values.closesAt);
  if (!messages.closesAt && closesAt && new Date(closesAt).getTime() <= now.getTime())
    messages.closesAt = formatMessage('survey.consultation.closesAt', {}, locale);
  return messages;
}
