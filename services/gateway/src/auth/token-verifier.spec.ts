import { userFromClaims } from './token-verifier';

describe('userFromClaims', () => {
  it('takes realm roles, the portal client roles and the unit from the token', () => {
    const user = userFromClaims(
      {
        sub: 'u-1',
        preferred_username: 'lan.nguyen',
        realm_access: { roles: ['data-entry', 'offline_access'] },
        resource_access: {
          'par-portal': { roles: ['unit-approver'] },
          other: { roles: ['admin'] },
        },
        unit: 'SNV',
      },
      'par-portal',
    );
    expect(user).toEqual({
      id: 'u-1',
      username: 'lan.nguyen',
      roles: ['data-entry', 'offline_access', 'unit-approver'],
      unit: 'SNV',
    });
  });

  it('does not grant roles of other clients', () => {
    const user = userFromClaims(
      { sub: 'u-2', resource_access: { other: { roles: ['admin'] } } },
      'par-portal',
    );
    expect(user.roles).toEqual([]);
    expect(user.unit).toBeNull();
  });

  it('refuses a token without a subject', () => {
    expect(() => userFromClaims({}, 'par-portal')).toThrow(
      expect.objectContaining({ type: 'E_UNAUTHENTICATED' }),
    );
  });
});
