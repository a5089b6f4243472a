import { PortalError } from '@par/service-kit';
import { assertBeforeDeadline } from './period-deadlines';

// Self-assessment ends 17:30 on 15/03/2026 in Vietnam; unit U1 has until 17:30 on 20/03.
const period = {
  phases: [{ phase: 'selfAssessment' as const, endsAt: new Date('2026-03-15T10:30:00Z') }],
  extensions: [
    {
      unitCode: 'U1',
      phase: 'selfAssessment' as const,
      endsAt: new Date('2026-03-20T10:30:00Z'),
      reason: 'Đơn vị mới sáp nhập',
      by: 'admin-1',
      at: new Date('2026-03-14T00:00:00Z'),
    },
  ],
};

describe('assertBeforeDeadline', () => {
  it('lets a unit save before its deadline and returns it', () => {
    expect(
      assertBeforeDeadline(period, 'U2', 'selfAssessment', new Date('2026-03-15T10:29:00Z'))
        ?.endsAt,
    ).toBe('2026-03-15T10:30:00.000Z');
    expect(
      assertBeforeDeadline(period, 'U1', 'selfAssessment', new Date('2026-03-18T00:00:00Z'))
        ?.endsAt,
    ).toBe('2026-03-20T10:30:00.000Z');
  });

  it('refuses a save after the deadline with E_DEADLINE_PASSED saying which one and when', () => {
    let thrown: unknown;
    try {
      assertBeforeDeadline(period, 'U2', 'selfAssessment', new Date('2026-03-15T10:30:00Z'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PortalError);
    expect(thrown).toMatchObject({
      type: 'E_DEADLINE_PASSED',
      code: 403,
      message:
        'Đã hết hạn tự đánh giá lúc 17:30 ngày 15/03/2026 (giờ Việt Nam); không thể lưu hay gửi thêm. Liên hệ Sở Nội vụ để được gia hạn.',
    });
  });

  it('refuses the extended unit only after its own deadline', () => {
    expect(() =>
      assertBeforeDeadline(period, 'U1', 'selfAssessment', new Date('2026-03-20T10:30:00Z')),
    ).toThrow('Đã hết hạn tự đánh giá được gia hạn cho đơn vị lúc 17:30 ngày 20/03/2026');
  });

  it('has nothing to refuse in a phase the period does not have', () => {
    expect(assertBeforeDeadline(period, 'U1', 'clarification', new Date())).toBeNull();
  });
});
