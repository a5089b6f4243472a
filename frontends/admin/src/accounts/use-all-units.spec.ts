import type { Unit } from '@par/contracts';
import { readAllUnits } from './use-all-units';

const unit = (n: number) => ({ id: String(n), code: `U${n}` }) as Unit;

describe('readAllUnits', () => {
  it('reads page after page until it has every unit, past the first page', async () => {
    const all = Array.from({ length: 2500 }, (_, n) => unit(n));
    const offsets: number[] = [];
    const units = await readAllUnits(async (offset) => {
      offsets.push(offset);
      return { items: all.slice(offset, offset + 1000), total: all.length };
    });
    expect(offsets).toEqual([0, 1000, 2000]);
    expect(units.map((u) => u.code)).toEqual(all.map((u) => u.code));
  });

  it('stops at an empty page even when the total said there were more', async () => {
    let calls = 0;
    const units = await readAllUnits(async (offset) => {
      calls++;
      return { items: offset === 0 ? [unit(1)] : [], total: 5 };
    });
    expect(units).toHaveLength(1);
    expect(calls).toBe(2);
  });
});
