import { round1Refusal } from './round1-gate';

const readiness = (gaps: number, overlaps: number, undecidedLateUnits: string[]) => ({
  periodId: 'p1',
  ready: gaps === 0 && overlaps === 0 && undecidedLateUnits.length === 0,
  gaps,
  overlaps,
  undecidedLateUnits,
});

describe('round1Refusal', () => {
  it('refuses nothing when round 1 may start', () => {
    expect(round1Refusal(readiness(0, 0, []), 'vi')).toBeNull();
  });

  it('names every blocker with its count and where to fix it, as a 409', () => {
    const refusal = round1Refusal(readiness(3, 2, ['SNV', 'STP']), 'vi')!;
    expect([refusal.type, refusal.code]).toEqual(['E_CONFLICT', 409]);
    expect(refusal.message).toBe(
      'Chưa thể bắt đầu thẩm định vòng 1: 3 tiêu chí của các đơn vị chưa có người thẩm định; ' +
        '2 tiêu chí có hơn một người thẩm định; ' +
        '2 đơn vị không nộp đúng hạn chưa được quyết định (SNV, STP). ' +
        'Hãy xử lý ở trang «Phân công thẩm định» của đợt (phân công thêm, bỏ phân công trùng, ' +
        'quyết định cho đơn vị nộp muộn) rồi chuyển giai đoạn lại.',
    );
  });

  it('leaves out the blockers there are none of', () => {
    const refusal = round1Refusal(readiness(0, 1, []), 'vi')!;
    expect(refusal.message).toContain(': 1 tiêu chí có hơn một người thẩm định. Hãy');
  });
});
