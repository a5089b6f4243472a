import { userFromToken } from './user-from-token';

describe('userFromToken', () => {
  it('joins realm roles and the portal client roles', () => {
    const user = userFromToken(
      {
        sub: 'u-1',
        preferred_username: 'lan.nguyen',
        realm_access: { roles: ['data-entry', 'default-roles-par-portal'] },
        resource_access: {
          'par-portal': { roles: ['unit-approver'] },
          account: { roles: ['manage-account'] },
        },
        unit: 'SO-NOI-VU',
      },
      'par-portal',
    );
    expect(user).toEqual({
      id: 'u-1',
      username: 'lan.nguyen',
      roles: ['data-entry', 'default-roles-par-portal', 'unit-approver'],
      unit: 'SO-NOI-VU',
    });
  });

  it('gives null for an account bound to no unit and no roles when the token has none', () => {
    expect(userFromToken({ sub: 'u-2', preferred_username: 'admin' }, 'par-portal')).toEqual({
      id: 'u-2',
      username: 'admin',
      roles: [],
      unit: null,
    });
  });
});
