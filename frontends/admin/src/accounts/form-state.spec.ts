import type { IssuedAccount } from '@par/contracts';
import {
  accountFormResolver,
  emptyAccountForm,
  handoverCsv,
  toAccountFormField,
  toCreateAccountsParams,
} from './form-state';
import type { AccountFormValues } from './form-state';

const resolve = (values: AccountFormValues) =>
  accountFormResolver(
    () => 'vi',
    () => 'invalid',
  )(values, undefined, { fields: {}, shouldUseNativeValidation: false });

describe('account form-state', () => {
  it('sends one unit with the chosen username and details', () => {
    expect(
      toCreateAccountsParams({
        ...emptyAccountForm,
        unitCode: 'SNV',
        username: ' nv.hoa ',
        lastName: 'Nguyễn',
      }),
    ).toEqual({
      unitCodes: ['SNV'],
      unitGroup: null,
      roles: ['data-entry'],
      username: 'nv.hoa',
      firstName: null,
      lastName: 'Nguyễn',
      email: null,
    });
  });

  it('sends a whole group without personal details', () => {
    expect(
      toCreateAccountsParams({
        ...emptyAccountForm,
        target: 'group',
        unitCode: 'SNV',
        unitGroup: 'XA',
        username: 'ignored',
      }),
    ).toMatchObject({ unitCodes: [], unitGroup: 'XA', username: null });
  });

  it('puts "choose a unit" under the unit select, in Vietnamese', async () => {
    const { errors } = await resolve(emptyAccountForm);
    expect(errors.unitCode?.message).toBe('Hãy chọn một đơn vị hoặc một nhóm đơn vị.');
  });

  it('puts the missing group under the group select, and no role under roles', async () => {
    const { errors } = await resolve({ ...emptyAccountForm, target: 'group', roles: [] });
    expect(Object.keys(errors).sort()).toEqual(['roles', 'unitGroup']);
    expect(errors.roles?.message).toBe('Hãy chọn ít nhất một vai trò cho tài khoản.');
  });

  it('maps the API fields onto the form controls', () => {
    expect(toAccountFormField('unitCodes')).toBe('unitCode');
    expect(toAccountFormField('roles.0')).toBe('roles');
    expect(toAccountFormField('username')).toBe('username');
  });
});

describe('handoverCsv', () => {
  const issued: IssuedAccount[] = [
    {
      account: {
        id: '1',
        username: 'nhaplieu.xa1',
        firstName: null,
        lastName: 'UBND xã Hòa An, "mới"',
        email: null,
        enabled: true,
        unit: 'XA1',
        roles: ['data-entry'],
        requiredActions: ['UPDATE_PASSWORD'],
        createdAt: null,
      },
      temporaryPassword: 'Ab3xyz.Qw9k-',
    },
  ];

  it('starts with a BOM and quotes what needs quoting', () => {
    const csv = handoverCsv(
      issued,
      ['Đơn vị', 'Tên đăng nhập', 'Mật khẩu', 'Vai trò', 'Họ tên', 'Tên đơn vị'],
      (code) => (code === 'XA1' ? 'Xã Hòa An' : undefined),
    );
    expect(csv.startsWith('\uFEFFĐơn vị,Tên đăng nhập,')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(
      `XA1,nhaplieu.xa1,Ab3xyz.Qw9k-,data-entry,"UBND xã Hòa An, ""mới""",Xã Hòa An`,
    );
  });

  it('leaves the unit name empty when the unit is not known to the page', () => {
    const csv = handoverCsv(issued, ['a', 'b', 'c', 'd', 'e', 'f'], () => undefined);
    expect(csv.split('\r\n')[1]!.endsWith('"UBND xã Hòa An, ""mới""",')).toBe(true);
  });
});
