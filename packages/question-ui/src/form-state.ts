/**
 * The «Hỏi đáp» dialogs' pure state: what each dialog (route, answer, reject) sends, the
 * contract's verdict on it as one message per field, and which dialogs a question's state opens.
 */
import {
  AnswerCitizenQuestionParams,
  RejectQuestionParams,
  RouteQuestionParams,
  formatMessage,
  isMessageKey,
  type CitizenQuestion,
  type Locale,
  type QuestionStatus,
  type AnswerCitizenQuestionParams as AnswerParams,
  type RejectQuestionParams as RejectParams,
  type RouteQuestionParams as RouteParams,
} from '@par/contracts';

export type QuestionDialog = 'route' | 'answer' | 'reject';

/** What the dialog's one text box and (for routing) the unit box hold. */
export interface DialogValues {
  toUnitCode: string;
  text: string;
}

const schemas = {
  route: RouteQuestionParams,
  answer: AnswerCitizenQuestionParams,
  reject: RejectQuestionParams,
};

/** The dialog's values as its action's params, at the version the page shows. */
export function dialogParams(d: 'route', q: CitizenQuestion, v: DialogValues): RouteParams;
export function dialogParams(d: 'answer', q: CitizenQuestion, v: DialogValues): AnswerParams;
export function dialogParams(d: 'reject', q: CitizenQuestion, v: DialogValues): RejectParams;
export function dialogParams(
  d: QuestionDialog,
  q: CitizenQuestion,
  v: DialogValues,
): RouteParams | AnswerParams | RejectParams;
export function dialogParams(
  dialog: QuestionDialog,
  q: CitizenQuestion,
  values: DialogValues,
): RouteParams | AnswerParams | RejectParams {
  const base = { id: q.id, version: q.version };
  switch (dialog) {
    case 'route':
      return { ...base, toUnitCode: values.toUnitCode, note: values.text };
    case 'answer':
      return { ...base, answer: values.text };
    case 'reject':
      return { ...base, reason: values.text };
  }
}

/** The text box's field in each action's params. */
export const textField: Record<QuestionDialog, string> = {
  route: 'note',
  answer: 'answer',
  reject: 'reason',
};

/** The contract's messages for the dialog, keyed `toUnitCode` or `text`. */
export function dialogMessages(
  dialog: QuestionDialog,
  q: CitizenQuestion,
  values: DialogValues,
  locale: Locale,
): Partial<Record<keyof DialogValues, string>> {
  const result = schemas[dialog].safeParse(dialogParams(dialog, q, values));
  const messages: Partial<Record<keyof DialogValues, string>> = {};
  for (const issue of result.success ? [] : result.error.issues) {
    const field = issue.path[0] === 'toUnitCode' ? 'toUnitCode' : 'text';
    if (messages[field] || !isMessageKey(issue.message)) continue;
    messages[field] = formatMessage(issue.message, {}, locale);
  }
  return messages;
}

const open: readonly QuestionStatus[] = ['new', 'routed'];

/**
 * Which actions a question's state allows (the service checks again); routing is the admin's
 * alone (`routes` false for a unit's officer).
 */
export function actionsFor(status: QuestionStatus, routes = true) {
  return {
    route: routes && open.includes(status),
    answer: open.includes(status) || status === 'answered',
    publish: status === 'answered',
    reject: open.includes(status) || status === 'answered',
  };
}
