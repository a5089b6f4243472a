import { userFromClaims } from './auth';

describe('userFromClaims', () => {
  it('joins realm roles and the portal client roles', () => {
    const user = userFromClaims(
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
    expect(userFromClaims({ sub: 'u-2', preferred_username: 'admin' }, 'par-portal')).toEqual({
      id: 'u-2',
      username: 'admin',
      roles: [],
      unit: null,
    });
  });

  it('does not grant roles of other clients', () => {
    const user = userFromClaims(
      { sub: 'u-3', resource_access: { other: { roles: ['admin'] } } },
      'par-portal',
    );
    expect(user.roles).toEqual([]);
  });

  it('takes the first unit when Keycloak sends the attribute as a list', () => {
    expect(userFromClaims({ sub: 'u-4', unit: ['STP', 'SNV'] }, 'par-portal').unit).toBe('STP');
  });
});
