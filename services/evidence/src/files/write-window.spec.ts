import type { WriteWindow } from '@par/contracts';
import { criteriaOutside, windowRefusal } from './write-window';

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
