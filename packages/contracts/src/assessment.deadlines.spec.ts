import { deadlineFor, deadlinePassed, latestExtensions } from './assessment.deadlines';
import { formatMessage } from './errors';

// Self-assessment ends 17:30 on 15/03/2026 in Vietnam (UTC+7), clarification 17:00 on 10/04.
const phases = [
  {
    phase: 'setup' as const,
    startsAt: '2026-02-01T01:00:00.000Z',
    endsAt: '2026-03-01T01:00:00.000Z',
  },
  { phase: 'selfAssessment' as const, endsAt: '2026-03-15T10:30:00.000Z' },
  { phase: 'clarification' as const, endsAt: new Date('2026-04-10T10:00:00.000Z') },
  { phase: 'published' as const, endsAt: null },
];
const extension = (
  unitCode: string,
  phase: 'selfAssessment' | 'clarification',
  endsAt: string,
  at: string,
  reason = 'Đơn vị mới sáp nhập',
) => ({ unitCode, phase, endsAt, reason, by: 'admin-1', at });

describe('deadlineFor', () => {
  it('gives the common end when the unit has no extension', () => {
    expect(deadlineFor({ phases, extensions: [] }, 'U1', 'selfAssessment')).toEqual({
      unitCode: 'U1',
      phase: 'selfAssessment',
      endsAt: '2026-03-15T10:30:00.000Z',
      commonEndsAt: '2026-03-15T10:30:00.000Z',
      extension: null,
    });
  });

  it("gives one unit's extension to that unit and phase only", () => {
    const period = {
      phases,
      extensions: [
        extension('U1', 'selfAssessment', '2026-03-20T10:30:00Z', '2026-03-14T02:00:00Z'),
      ],
    };
    expect(deadlineFor(period, 'U1', 'selfAssessment')).toEqual({
      unitCode: 'U1',
      phase: 'selfAssessment',
      endsAt: '2026-03-20T10:30:00.000Z',
      commonEndsAt: '2026-03-15T10:30:00.000Z',
      extension: {
        endsAt: '2026-03-20T10:30:00.000Z',
        reason: 'Đơn vị mới sáp nhập',
        by: 'admin-1',
        at: '2026-03-14T02:00:00.000Z',
      },
    });
    expect(deadlineFor(period, 'U2', 'selfAssessment')?.endsAt).toBe('2026-03-15T10:30:00.000Z');
    expect(deadlineFor(period, 'U1', 'clarification')).toMatchObject({
      endsAt: '2026-04-10T10:00:00.000Z',
      extension: null,
    });
  });

  it('takes the extension made last, even when it ends before an earlier-made one', () => {
    const period = {
      phases,
      extensions: [
        extension('U1', 'selfAssessment', '2026-03-25T10:30:00Z', '2026-03-16T01:00:00Z', 'Lần 1'),
        extension('U2', 'selfAssessment', '2026-03-30T10:30:00Z', '2026-03-16T02:00:00Z'),
        extension(
          'U1',
          'selfAssessment',
          '2026-03-18T02:00:00Z',
          '2026-03-17T01:00:00Z',
          'Sửa lại',
        ),
      ],
    };
    expect(deadlineFor(period, 'U1', 'selfAssessment')).toMatchObject({
      endsAt: '2026-03-18T02:00:00.000Z',
      extension: { reason: 'Sửa lại', at: '2026-03-17T01:00:00.000Z' },
    });
    expect(deadlineFor(period, 'U2', 'selfAssessment')?.endsAt).toBe('2026-03-30T10:30:00.000Z');
    expect(latestExtensions(period.extensions).map((e) => `${e.unitCode}:${e.reason}`)).toEqual([
      'U1:Sửa lại',
      'U2:Đơn vị mới sáp nhập',
    ]);
  });

  it('never gives less time than the common end, which set-up may have moved past an extension', () => {
    const period = {
      phases,
      extensions: [
        extension('U1', 'selfAssessment', '2026-03-15T10:00:00Z', '2026-03-01T00:00:00Z'),
      ],
    };
    expect(deadlineFor(period, 'U1', 'selfAssessment')).toMatchObject({
      endsAt: '2026-03-15T10:30:00.000Z',
      extension: null,
    });
  });

  it('has no deadline for a phase the period lacks or that never ends', () => {
    expect(deadlineFor({ phases, extensions: [] }, 'U1', 'trial')).toBeNull();
    expect(deadlineFor({ phases, extensions: [] }, 'U1', 'published')).toBeNull();
  });
});

describe('deadlinePassed', () => {
  const common = deadlineFor({ phases, extensions: [] }, 'U1', 'selfAssessment')!;

  it('lets the unit act until the deadline, and refuses from that moment on', () => {
    expect(deadlinePassed(common, new Date('2026-03-15T10:29:59.999Z'))).toBeNull();
    expect(deadlinePassed(common, new Date('2026-03-15T10:30:00.000Z'))).toEqual({
      key: 'deadline.passed.selfAssessment',
      params: { date: '15/03/2026', time: '17:30', commonDate: '15/03/2026', commonTime: '17:30' },
    });
  });

  it('says in Vietnamese which deadline passed and when, in Vietnam time', () => {
    const data = deadlinePassed(common, new Date('2026-03-16T00:00:00Z'))!;
    expect(formatMessage(data.key, data.params)).toBe(
      'Đã hết hạn tự đánh giá lúc 17:30 ngày 15/03/2026 (giờ Việt Nam); không thể lưu hay gửi thêm. Liên hệ Sở Nội vụ để được gia hạn.',
    );
  });

  it('dates a deadline by the Vietnam calendar day, not the UTC one', () => {
    // 17:30 UTC on the 15th is 00:30 on the 16th in Vietnam; 23:59 UTC on the 14th is 06:59 on the 15th.
    const late = deadlineFor(
      { phases: [{ phase: 'clarification', endsAt: '2026-04-15T17:30:00Z' }], extensions: [] },
      'U1',
      'clarification',
    )!;
    expect(deadlinePassed(late, new Date('2026-04-15T17:30:00Z'))?.params).toMatchObject({
      date: '16/04/2026',
      time: '00:30',
    });
    const early = deadlineFor(
      { phases: [{ phase: 'clarification', endsAt: '2026-04-14T23:59:00Z' }], extensions: [] },
      'U1',
      'clarification',
    )!;
    expect(deadlinePassed(early, new Date('2026-04-15T00:00:00Z'))?.params).toMatchObject({
      date: '15/04/2026',
      time: '06:59',
    });
  });

  it("names the unit's extended deadline and the common one once the extension has passed", () => {
    const extended = deadlineFor(
      {
        phases,
        extensions: [
          extension('U1', 'clarification', '2026-04-12T01:15:00Z', '2026-04-09T01:00:00Z'),
        ],
      },
      'U1',
      'clarification',
    )!;
    expect(deadlinePassed(extended, new Date('2026-04-11T00:00:00Z'))).toBeNull();
    const data = deadlinePassed(extended, new Date('2026-04-12T01:15:00Z'))!;
    expect(formatMessage(data.key, data.params)).toBe(
      'Đã hết hạn giải trình được gia hạn cho đơn vị lúc 08:15 ngày 12/04/2026 (giờ Việt Nam; hạn chung là 17:00 ngày 10/04/2026); không thể lưu hay gửi thêm. Liên hệ Sở Nội vụ nếu cần gia hạn thêm.',
    );
  });

  it('falls back to a phase-neutral text for a phase units cannot be given more time in', () => {
    const round = deadlineFor(
      { phases: [{ phase: 'appraisalRound1', endsAt: '2026-03-31T10:00:00Z' }], extensions: [] },
      'U1',
      'appraisalRound1',
    )!;
    expect(deadlinePassed(round, new Date('2026-04-01T00:00:00Z'))?.key).toBe('deadline.passed');
  });
});
