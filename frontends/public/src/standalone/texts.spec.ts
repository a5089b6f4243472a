import { t } from './texts';

describe('t', () => {
  it('fills placeholders and writes numbers the Vietnamese way', () => {
    expect(t('direct.pending', { count: 1234 })).toBe('Phiếu chờ gửi: 1.234');
    expect(t('fixErrors', { count: 2 })).toBe(
      'Phiếu còn 2 câu cần sửa. Hãy xem các câu được đánh dấu bên dưới.',
    );
  });

  it('returns the key of a missing text, so it is seen and fixed', () => {
    expect(t('no.such.text')).toBe('no.such.text');
  });
});
