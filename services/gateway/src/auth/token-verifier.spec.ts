import { userFromPayload } from './token-verifier';

describe('userFromPayload', () => {
  it('maps a verified token to the portal user', () => {
    const user = userFromPayload(
      {
        sub: 'u-1',
        preferred_username: 'lan.nguyen',
        realm_access: { roles: ['admin'] },
        unit: 'SNV',
      },
      'par-portal',
    );
    expect(user).toEqual({ id: 'u-1', username: 'lan.nguyen', roles: ['admin'], unit: 'SNV' });
  });

  it('refuses a token without a subject', () => {
    expect(() => userFromPayload({}, 'par-portal')).toThrow(
      expect.objectContaining({ type: 'E_UNAUTHENTICATED' }),
    );
  });
});
