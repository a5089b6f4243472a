import type { UnitName } from '@par/contracts';
import {
  currentYear,
  duplicateCodeViolations,
  endingViolation,
  entryIn,
  isActiveIn,
  listForMessage,
  mergeViolations,
  parentCycle,
  withEntryFrom,
} from './unit-lifecycle-rules';

const unit = (id: string, activeFrom: number | null = null, activeTo: number | null = null) => ({
  id,
  code: id.toUpperCase(),
  activeFrom,
  activeTo,
});

describe('the year in Viet Nam', () => {
  it('is already the new year at 17:00 UTC on 31 December', () => {
    expect(currentYear(new Date('2024-12-31T17:00:00Z'))).toBe(2025);
    expect(currentYear(new Date('2024-12-31T16:59:59Z'))).toBe(2024);
  });
});

describe('a unit as of a year', () => {
  const names: UnitName[] = [
    { fromYear: null, name: 'Xã An Bình', shortName: null },
    { fromYear: 2025, name: 'Phường An Bình', shortName: 'P. An Bình' },
  ];

  it('keeps the old name for the years before a rename and the new one from its year', () => {
    expect(entryIn(names, 2024).name).toBe('Xã An Bình');
    expect(entryIn(names, 2025).name).toBe('Phường An Bình');
    expect(entryIn(names, 2030).name).toBe('Phường An Bình');
  });

  it('shows the first name for a year before every dated entry', () => {
    const dated = [{ fromYear: 2020, name: 'Sở A', shortName: null }];
    expect(entryIn(dated, 2010).name).toBe('Sở A');
  });

  it('is active between its first and last year, both included, with open ends', () => {
    expect(isActiveIn({ activeFrom: 2020, activeTo: 2024 }, 2020)).toBe(true);
    expect(isActiveIn({ activeFrom: 2020, activeTo: 2024 }, 2024)).toBe(true);
    expect(isActiveIn({ activeFrom: 2020, activeTo: 2024 }, 2025)).toBe(false);
    expect(isActiveIn({ activeFrom: 2020, activeTo: 2024 }, 2019)).toBe(false);
    expect(isActiveIn({ activeFrom: null, activeTo: null }, 1990)).toBe(true);
  });

  it('replaces an entry of the same year, appends a later one and refuses an earlier one', () => {
    expect(withEntryFrom(names, { fromYear: 2025, name: 'Phường Mới', shortName: null })).toEqual([
      names[0],
      { fromYear: 2025, name: 'Phường Mới', shortName: null },
    ]);
    expect(withEntryFrom(names, { fromYear: 2027, name: 'X', shortName: null })).toHaveLength(3);
    expect(withEntryFrom(names, { fromYear: 2023, name: 'X', shortName: null })).toBeNull();
  });
});

describe('a loop in the unit tree', () => {
  // province ← district ← commune
  const parentOf = new Map<string, string | null>([
    ['province', null],
    ['district', 'province'],
    ['commune', 'district'],
  ]);

  it('is found when a unit would go under its own grandchild, with the path', () => {
    expect(parentCycle('province', 'commune', parentOf)).toEqual([
      'commune',
      'district',
      'province',
    ]);
  });

  it('is found when a unit would be its own parent', () => {
    expect(parentCycle('district', 'district', parentOf)).toEqual(['district']);
  });

  it('is not found for a move elsewhere, nor for no parent', () => {
    expect(parentCycle('commune', 'province', parentOf)).toBeNull();
    expect(parentCycle('commune', null, parentOf)).toBeNull();
  });

  it('does not hang on an older loop above the new parent', () => {
    const broken = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(parentCycle('x', 'a', broken)).toBeNull();
  });
});

describe('merge rules', () => {
  it('accepts two active communes into a new ward from 2025', () => {
    expect(mergeViolations([unit('a', 2000), unit('b')], null, 2025)).toEqual([]);
  });

  it('needs two units to make a new one but one is enough into an existing unit', () => {
    expect(mergeViolations([unit('a')], null, 2025)).toEqual([
      { field: 'sources', key: 'unit.merge.tooFew' },
    ]);
    expect(mergeViolations([unit('a')], unit('t'), 2025)).toEqual([]);
  });

  it('refuses a unit merged into itself, naming its row', () => {
    expect(mergeViolations([unit('b'), unit('t')], unit('t'), 2025)).toEqual([
      { field: 'sources.1.id', key: 'unit.merge.self', params: { code: 'T' } },
    ]);
  });

  it('refuses a unit chosen twice', () => {
    expect(mergeViolations([unit('a'), unit('a')], null, 2025)).toEqual([
      { field: 'sources.1.id', key: 'unit.merge.duplicate', params: { code: 'A' } },
    ]);
  });

  it('refuses a year not after a source first year, and a source already ended', () => {
    expect(mergeViolations([unit('a', 2025), unit('b', null, 2020)], null, 2025)).toEqual([
      {
        field: 'sources.0.id',
        key: 'unit.year.beforeActiveFrom',
        params: { code: 'A', activeFrom: 2025, year: 2025, min: 2026 },
      },
      {
        field: 'sources.1.id',
        key: 'unit.inactive',
        params: { code: 'B', since: 2021, year: 2025 },
      },
    ]);
  });

  it('refuses an existing target that is not active in the merge year', () => {
    expect(mergeViolations([unit('a')], unit('t', null, 2023), 2025)).toEqual([
      { field: 'into.id', key: 'unit.inactive', params: { code: 'T', since: 2024, year: 2025 } },
    ]);
    expect(mergeViolations([unit('a')], unit('t', 2026), 2025)[0]?.key).toBe(
      'unit.year.beforeActiveFrom',
    );
  });
});

describe('split and deactivation rules', () => {
  it('refuses duplicate new codes on the later row', () => {
    expect(duplicateCodeViolations(['P1', 'P2', 'P1'], (i) => `into.${i}.code`)).toEqual([
      { field: 'into.2.code', key: 'unit.code.duplicate', params: { code: 'P1' } },
    ]);
  });

  it('lets a unit end after its first year but not before it', () => {
    expect(endingViolation(unit('a', 2020), 2021, 'year')).toBeNull();
    expect(endingViolation(unit('a', 2020), 2020, 'year')?.key).toBe('unit.year.beforeActiveFrom');
  });

  it('names at most ten children in a message', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ code: `X${i}`, name: `Xã ${i}` }));
    expect(listForMessage(many.slice(0, 2))).toBe('X0 Xã 0, X1 Xã 1');
    expect(listForMessage(many)).toMatch(/X9 Xã 9 \(\+2\)$/);
  });
});
