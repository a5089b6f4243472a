import { knownUnits } from './known-units';

describe('the units a question may go to', () => {
  it('keeps the list a minute, and fetches it again for an unknown code after 5 s', async () => {
    let clock = 0;
    let fetches = 0;
    let codes = ['STP'];
    const fetchUnits = async () => {
      fetches += 1;
      return { items: codes.map((code) => ({ code, name: code, shortName: null })) };
    };
    const known = knownUnits({ now: () => clock });
    const exists = (code: string) => known(code, fetchUnits);
    expect(await exists('STP')).toBe(true);
    codes = ['STP', 'SNV'];
    clock = 4_000;
    expect(await exists('SNV')).toBe(false);
    expect(fetches).toBe(1);
    clock = 6_000;
    expect(await exists('SNV')).toBe(true);
    expect(fetches).toBe(2);
    clock = 30_000;
    expect(await exists('STP')).toBe(true);
    expect(fetches).toBe(2);
    clock = 70_000;
    expect(await exists('STP')).toBe(true);
    expect(fetches).toBe(3);
  });
});
