/**
 * The new-draft form's pure state: the form ⇄ the createConsultation contract (the deadline
 * typed in Vietnam time), and the contract's messages per field as react-hook-form's resolver.
 */
import { ConsultationInput, formatMessage, isMessageKey } from '@par/contracts';
import type { ConsultationInput as ConsultationParams, Locale, MessageKey } from '@par/contracts';
import type { FieldErrors, Resolver } from 'react-hook-form';

export interface ConsultationFormValues {
  /** The admin names the unit; an officer's own unit is used when empty. */
  unitCode: string;
  title: string;
  text: string;
  /** Vietnam wall-clock `YYYY-MM-DDTHH:mm`. */
  closesAt: string;
}

/** The form's fields; a server error on another field goes above the form. */
export const consultationFormFields = ['unitCode', 'title', 'text', 'closesAt'] as const;

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

/**
 * The same verdict for react-hook-form, at the moment the form is sent; `unitRequired` where
 * the form asks for the unit (the admin's), which the contract leaves optional for officers.
 */
export function consultationFormResolver(
  locale: () => Locale,
  unitRequired: boolean,
  now: () => Date = () => new Date(),
): Resolver<ConsultationFormValues> {
  return (values) => {
    const messages = consultationMessages(values, locale(), now());
    if (unitRequired && !values.unitCode.trim())
      messages.unitCode = formatMessage('survey.consultation.unit', {}, locale());
    const errors: FieldErrors<ConsultationFormValues> = {};
    for (const field of consultationFormFields) {
      const message = messages[field];
      if (message) errors[field] = { type: 'validation', message };
    }
    return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} };
  };
}
