/**
 * The survey service's public question routes (no token), from the contract's actions: the
 * published questions with their answers (by unit, paged), one of them, and asking a question.
 */
import {
  accountsPublicActions,
  surveyQuestionActions,
  type AskCitizenQuestionParams,
  type PublicQuestion,
  type PublicQuestionList,
  type PublicUnit,
} from '@par/contracts';
import {
  publicHeaders as headers,
  publicTimeoutMs as timeoutMs,
  publicUrl,
  writeOutcome,
  type WriteOutcome,
} from '../standalone/public-api';
import { qt } from './question-texts';

/** A page of the list: as many as a phone shows before "more". */
export const questionsPageSize = 10;

export async function listQuestions(query: {
  unitCode?: string;
  offset: number;
}): Promise<PublicQuestionList> {
  const { rest } = surveyQuestionActions.listPublicQuestions;
  const search = new URLSearchParams({
    limit: String(questionsPageSize),
    offset: String(query.offset),
    ...(query.unitCode ? { unitCode: query.unitCode } : {}),
  });
  const response = await fetch(`${await publicUrl(rest!.path)}?${search.toString()}`, {
    headers,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as PublicQuestionList;
}

/** The active units a question may go to, by name. */
export async function listUnits(): Promise<PublicUnit[]> {
  const { rest } = accountsPublicActions.listPublicUnits;
  const response = await fetch(await publicUrl(rest!.path), {
    headers,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { items: PublicUnit[] }).items;
}

/** The published question, or undefined when the link names none (or it is not published). */
export async function loadQuestion(id: string): Promise<PublicQuestion | undefined> {
  const { rest } = surveyQuestionActions.getPublicQuestion;
  const response = await fetch(await publicUrl(rest!.path, { id }), {
    headers,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.status === 404 || response.status === 422) return undefined;
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as PublicQuestion;
}

export async function askQuestion(params: AskCitizenQuestionParams): Promise<WriteOutcome> {
  const { rest } = surveyQuestionActions.askQuestion;
  try {
    const response = await fetch(await publicUrl(rest!.path), {
      method: rest!.method,
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(params),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return await writeOutcome(response, qt('offline'));
  } catch {
    return { kind: 'unreachable', message: qt('offline') };
  }
}
