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

describe('userFromClaims for service principals', () => {
  // A client-credentials token of par-assessment as the realm file's mappers make it.
  const assessmentToken = {
    sub: 'sa-1',
    preferred_username: 'service-account-par-assessment',
    azp: 'par-assessment',
    realm_access: { roles: ['service'] },
    service: 'assessment',
  };

  it('names the service of a principal token', () => {
    expect(userFromClaims(assessmentToken, 'par-portal')).toEqual({
      id: 'sa-1',
      username: 'service-account-par-assessment',
      roles: ['service'],
      unit: null,
      service: 'assessment',
    });
  });

  it.each([
    ['issued to another client (a person logged in to the portal)', { azp: 'par-portal' }],
    ['issued to another principal', { azp: 'par-seed' }],
    ['without the service role', { realm_access: { roles: ['admin'] } }],
    ['naming no known service', { service: 'billing', azp: 'par-billing' }],
    ['without the service claim', { service: undefined }],
  ])('names no service for a token %s', (_case, change) => {
    expect(userFromClaims({ ...assessmentToken, ...change }, 'par-portal').service).toBeUndefined();
  });

  it('leaves a person with the service role a person', () => {
    const user = userFromClaims(
      { sub: 'u-5', azp: 'par-portal', realm_access: { roles: ['admin', 'service'] } },
      'par-portal',
    );
    expect(user).toEqual({ id: 'u-5', username: 'u-5', roles: ['admin', 'service'], unit: null });
  });
});
