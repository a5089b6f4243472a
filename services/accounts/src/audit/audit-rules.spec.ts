import { auditFilter, diffSnapshots, unitCodesOf } from './audit-rules';

describe('diffSnapshots', () => {
  it('lists only the fields that changed, sorted, with null for absent values', () => {
    expect(
      diffSnapshots(
        { unit: 'A', roles: ['data-entry'], enabled: true },
        { unit: 'B', roles: ['data-entry'], enabled: true, email: 'x@y.vn' },
      ),
    ).toEqual([
      { field: 'email', before: null, after: 'x@y.vn' },
      { field: 'unit', before: 'A', after: 'B' },
    ]);
  });

  it('compares arrays by value', () => {
    expect(diffSnapshots({ roles: ['admin'] }, { roles: ['admin', 'appraisal'] })).toEqual([
      { field: 'roles', before: ['admin'], after: ['admin', 'appraisal'] },
    ]);
  });

  it('treats a created object as every field going from null', () => {
    expect(diffSnapshots(null, { code: 'X' })).toEqual([
      { field: 'code', before: null, after: 'X' },
    ]);
  });

  it('never shows a password, secret or token field', () => {
    expect(
      diffSnapshots(null, { temporaryPassword: 'abc@1234', clientSecret: 's', token: 't', n: 1 }),
    ).toEqual([{ field: 'n', before: null, after: 1 }]);
  });
});

describe('unitCodesOf', () => {
  it("collects an account's unit and a unit's code from every snapshot, once each", () => {
    expect(unitCodesOf({ unit: 'A' }, { unit: 'B' }, { code: 'A' }, null, 'x')).toEqual(['A', 'B']);
  });
});

describe('auditFilter', () => {
  it('matches everything without filters', () => {
    expect(auditFilter({})).toEqual({});
  });

  it('finds new entries by `accounts` and old ones by their target', () => {
    expect(auditFilter({ account: 'u1' })).toEqual({
      $or: [{ accounts: 'u1' }, { target: 'account:u1' }],
    });
  });

  it('finds new entries by `units` and old ones by the unit code in before or after', () => {
    expect(auditFilter({ unit: 'SNV' })).toEqual({
      $or: [
        { units: 'SNV' },
        { 'after.code': 'SNV' },
        { 'after.unit': 'SNV' },
        { 'before.unit': 'SNV' },
      ],
    });
  });

  it('requires both when filtered by unit and account', () => {
    expect(auditFilter({ unit: 'SNV', account: 'u1' })).toEqual({
      $and: [auditFilter({ unit: 'SNV' }), auditFilter({ account: 'u1' })],
    });
  });
});
