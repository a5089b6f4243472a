import type { z } from 'zod';
import { PublishSummaryParams, SubmitCommentParams } from './survey.consultations.actions';
import { AskCitizenQuestionParams, RejectQuestionParams } from './survey.questions.actions';

const id = '0123456789abcdef01234567';

/** The message key of each field a schema refuses, as a service sends them back. */
function refusals(schema: z.ZodType, params: unknown): Record<string, string> {
  const result = schema.safeParse(params);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('the survey’s shared parameter rules', () => {
  it('takes a citizen’s name the same way with a comment and a question: trimmed, empty is none', () => {
    const comment = SubmitCommentParams.parse({ id, authorName: '  ', text: 'Ý kiến' });
    const question = AskCitizenQuestionParams.parse({
      unitCode: 'stp',
      title: 'Hỏi',
      text: 'Nội dung',
      authorName: ' Nguyễn Văn A ',
    });
    expect(comment.authorName).toBeNull();
    expect(question.authorName).toBe('Nguyễn Văn A');
    const long = 'a'.repeat(101);
    expect(refusals(SubmitCommentParams, { id, authorName: long, text: 'x' })).toEqual({
      authorName: 'survey.comment.name',
    });
    expect(
      refusals(AskCitizenQuestionParams, {
        unitCode: 'STP',
        title: 'x',
        text: 'x',
        authorName: long,
      }),
    ).toEqual({ authorName: 'survey.comment.name' });
  });

  it('refuses an id that is not one, and a blank or too long text, each with its own key', () => {
    expect(refusals(PublishSummaryParams, { id: 'khong-phai-id', summary: '   ' })).toEqual({
      id: 'survey.consultation.notFound',
      summary: 'survey.consultation.summary',
    });
    expect(refusals(RejectQuestionParams, { id, version: 1, reason: 'x'.repeat(501) })).toEqual({
      reason: 'survey.question.rejectReason',
    });
    expect(
      refusals(RejectQuestionParams, { id: id.toUpperCase(), version: 1, reason: 'Spam' }),
    ).toEqual({
      id: 'survey.question.notFound',
    });
    expect(RejectQuestionParams.parse({ id: ` ${id} `, version: '2', reason: ' Spam ' })).toEqual({
      id,
      version: 2,
      reason: 'Spam',
    });
  });
});
