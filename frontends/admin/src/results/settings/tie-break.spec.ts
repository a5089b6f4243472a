import { areaCodesOf } from './tie-break';

describe('the areas a tie-break can use', () => {
  it("lists every group's areas once, in the order the groups give them", () => {
    const area = (code: string) => ({ code, max: 100 });
    const group = (unitGroup: string, codes: string[]) => ({
      unitGroup,
      criteriaSet: { id: 's', version: 1 },
      totalMax: 100,
      areas: codes.map(area),
    });
    expect(areaCodesOf({ groups: [] })).toEqual([]);
    expect(
      areaCodesOf({ groups: [group('SO', ['1', '2', '3']), group('HUYEN', ['2', '4', '1'])] }),
    ).toEqual(['1', '2', '3', '4']);
  });
});
