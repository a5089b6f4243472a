import type { CitizenQuestion } from '@par/contracts';
import { actionsFor, dialogMessages, dialogParams } from './form-state';

const q = { id: '65a1b2c3d4e5f60718293a4b', version: 3 } as CitizenQuestion;

describe('the «Hỏi đáp» dialogs', () => {
  it('sends each dialog’s text as its action’s field, at the version shown', () => {
    expect(dialogParams('route', q, { toUnitCode: 'stp', text: 'Đúng thẩm quyền' })).toEqual({
      id: q.id,
      version: 3,
      toUnitCode: 'stp',
      note: 'Đúng thẩm quyền',
    });
    expect(dialogParams('answer', q, { toUnitCode: '', text: 'Trả lời' })).toMatchObject({
      answer: 'Trả lời',
    });
    expect(dialogParams('reject', q, { toUnitCode: '', text: 'Spam' })).toMatchObject({
      reason: 'Spam',
    });
  });

  it('puts the contract’s Vietnamese messages on the dialog’s boxes', () => {
    expect(dialogMessages('route', q, { toUnitCode: ' ', text: '' }, 'vi')).toEqual({
      toUnitCode: 'Hãy chọn đơn vị nhận câu hỏi.',
      text: 'Hãy ghi lý do chuyển câu hỏi (từ 1 đến 500 ký tự).',
    });
    expect(dialogMessages('answer', q, { toUnitCode: '', text: 'x'.repeat(10_001) }, 'vi')).toEqual(
      { text: 'Hãy nhập nội dung trả lời (từ 1 đến 10.000 ký tự).' },
    );
    expect(dialogMessages('reject', q, { toUnitCode: '', text: 'Spam' }, 'vi')).toEqual({});
  });

  it('offers what each state allows: routing only before an answer, publishing only after', () => {
    expect(actionsFor('new')).toEqual({ route: true, answer: true, publish: false, reject: true });
    expect(actionsFor('answered')).toEqual({
      route: false,
      answer: true,
      publish: true,
      reject: true,
    });
    expect(actionsFor('routed', false)).toEqual({
      route: false,
      answer: true,
      publish: false,
      reject: true,
    });
    expect(actionsFor('published')).toEqual({
      route: false,
      answer: false,
      publish: false,
      reject: false,
    });
  });
});
