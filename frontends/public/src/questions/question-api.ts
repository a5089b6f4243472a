/**
 * The survey service's public question routes (no token), from the contract's actions: the
 * published questions with their answers (by unit, paged), one of them, the units a question may
 * go to, and asking a question.
 */
import {
  accountsPublicActions,
  surveyQuestionActions as actions,
  type AskCitizenQuestionParams,
  type PublicQuestion,
  type PublicQuestionList,
  type PublicUnit,
} from '@par/contracts';
import { absentOn, publicClient, publicWrite, type WriteOutcome } from '../standalone/public-api';
import { qt } from './question-texts';

/** A page of the list: as many as a phone shows before "more". */
export const questionsPageSize = 10;

export async function listQuestions(query: {
  unitCode?: string;
  offset: number;
}): Promise<PublicQuestionList> {
  return (await publicClient()).callAction(actions.listPublicQuestions, {
    limit: questionsPageSize,
    offset: query.offset,
    unitCode: query.unitCode,
  });
}

/** The active units a question may go to, by name. */
export async function listUnits(): Promise<PublicUnit[]> {
  return (await (await publicClient()).callAction(accountsPublicActions.listPublicUnits, {})).items;
}

/** The published question, or undefined when the link names none (or it is not published). */
export async function loadQuestion(id: string): Promise<PublicQuestion | undefined> {
  return (await publicClient())
    .callAction(actions.getPublicQuestion, { id })
    .catch(absentOn(404, 422));
}

export function askQuestion(params: AskCitizenQuestionParams): Promise<WriteOutcome> {
  return publicWrite((client) => client.callAction(actions.askQuestion, params), {
    offline: qt('offline'),
  });
}
