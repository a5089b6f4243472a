import type { UnitQuestionList, WriteWindow } from '@par/contracts';
import type { PortalError } from '@par/service-kit';
import { clarificationRefusal, criteriaOutside, windowRefusal } from './write-window';

const open: WriteWindow = { readOnly: null, deadline: null, leafCodes: ['1.1', '1.2', '2.1'] };
const selfAssessmentDeadline = {
  phase: 'selfAssessment' as const,
  // 17:30 on 15/03/2026 in Vietnam (UTC+7).
  endsAt: '2026-03-15T10:30:00.000Z',
  commonEndsAt: '2026-03-15T10:30:00.000Z',
  extension: null,
};

describe('windowRefusal', () => {
  it('lets the unit write while the window is open', () => {
    expect(windowRefusal(open, 'STP')).toBeNull();
  });

  it('names the deadline that passed, in Vietnam time', () => {
    const refusal = windowRefusal(
      { ...open, readOnly: 'deadlinePassed', deadline: selfAssessmentDeadline },
      'STP',
      new Date('2026-03-16T00:00:00Z'),
    )!;
    expect(refusal.type).toBe('E_DEADLINE_PASSED');
    expect(refusal.message).toContain('17:30');
    expect(refusal.message).toContain('15/03/2026');
  });

  it('names the deadline even when appraisal was started by hand before it', () => {
    const refusal = windowRefusal(
      { ...open, readOnly: 'deadlinePassed', deadline: selfAssessmentDeadline },
      'STP',
      new Date('2026-03-10T00:00:00Z'),
    )!;
    expect(refusal.message).toContain('17:30');
    expect(refusal.message).toContain('15/03/2026');
  });

  it('refuses a submitted self-assessment with the frozen message (409)', () => {
    const refusal = windowRefusal({ ...open, readOnly: 'submitted' }, 'STP')!;
    expect(refusal.type).toBe('E_CONFLICT');
    expect(refusal.message).toBe(
      'Bản tự đánh giá của đơn vị đã được gửi, nên tài liệu kiểm chứng không thể thêm, xoá hay thay đổi nữa.',
    );
  });

  it('refuses before the period opens and in phases where the unit does not write (403)', () => {
    expect(windowRefusal({ ...open, readOnly: 'notOpen' }, 'STP')!.type).toBe('E_FORBIDDEN');
    expect(windowRefusal({ ...open, readOnly: 'phaseClosed' }, 'STP')!.type).toBe('E_FORBIDDEN');
  });
});

describe('criteriaOutside', () => {
  it('lists the codes that are not leaves of the unit, in the order given', () => {
    expect(criteriaOutside(['1.1', '1', '9.9', '2.1'], open.leafCodes)).toEqual(['1', '9.9']);
    expect(criteriaOutside(['1.2'], open.leafCodes)).toEqual([]);
  });
});

describe('clarificationRefusal', () => {
  // 17:00 on 20/04/2026 in Vietnam (UTC+7).
  const clarificationDeadline = {
    phase: 'clarification' as const,
    endsAt: '2026-04-20T10:00:00.000Z',
    commonEndsAt: '2026-04-20T10:00:00.000Z',
    extension: null,
  };
  const question = (criterionCode: string) => ({
    criterionCode,
    title: `Tiêu chí ${criterionCode}`,
    selfScore: 100,
    question: {
      text: 'Đề nghị bổ sung quyết định.',
      askedBy: { id: 'a1', username: 'td1' },
      askedAt: '2026-04-10T00:00:00.000Z',
      answer: null,
    },
    version: 2,
  });
  const questions = {
    periodId: '0123456789abcdef01234567',
    unitCode: 'STP',
    currentPhase: 'clarification' as const,
    deadline: clarificationDeadline,
    readOnly: null,
    items: [question('1.2')],
  } satisfies UnitQuestionList;

  it('lets a questioned entry take a new file, and a file added in clarification change', () => {
    expect(clarificationRefusal(questions, 'STP', ['1.2'], null)).toBeNull();
    expect(
      clarificationRefusal(questions, 'STP', [], { name: 'a.pdf', addedInClarification: true }),
    ).toBeNull();
  });

  it('refuses an entry without a question (403), naming it', () => {
    const refusal = clarificationRefusal(questions, 'STP', ['1.2', '2.1'], null) as PortalError;
    expect(refusal.type).toBe('E_FORBIDDEN');
    expect(refusal.message).toContain('Tiêu chí 2.1 không có câu hỏi giải trình');
  });

  it('keeps the files of the submitted self-assessment (409)', () => {
    const refusal = clarificationRefusal(questions, 'STP', [], {
      name: 'Quyết định.pdf',
      addedInClarification: false,
    }) as PortalError;
    expect(refusal.type).toBe('E_CONFLICT');
    expect(refusal.message).toContain('«Quyết định.pdf» thuộc bản tự đánh giá đã gửi');
  });

  it('names the clarification deadline once it passed', () => {
    const refusal = clarificationRefusal(
      { ...questions, readOnly: 'deadlinePassed' },
      'STP',
      ['1.2'],
      null,
      new Date('2026-04-21T00:00:00Z'),
    ) as PortalError;
    expect(refusal.type).toBe('E_DEADLINE_PASSED');
    expect(refusal.message).toContain('17:00');
    expect(refusal.message).toContain('20/04/2026');
  });

  it('leaves the self-assessment refusal standing outside the clarification phase', () => {
    expect(clarificationRefusal({ ...questions, readOnly: 'notOpen' }, 'STP', ['1.2'], null)).toBe(
      'closed',
    );
    expect(
      clarificationRefusal({ ...questions, readOnly: 'phaseClosed' }, 'STP', ['1.2'], null),
    ).toBe('closed');
  });
});
