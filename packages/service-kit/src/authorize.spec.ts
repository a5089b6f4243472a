import type { AuthUser } from '@par/contracts';
import { assertAllowed } from './authorize';

describe('assertAllowed', () => {
  const approver: AuthUser = {
    id: 'l',
    username: 'leader',
    roles: ['data-entry', 'unit-approver'],
    unit: 'SNV',
  };
  const officer: AuthUser = { id: 'o', username: 'officer', roles: ['data-entry'], unit: 'SNV' };

  it('lets a holder of the unit-approver client role call an action that names it', () => {
    expect(assertAllowed(approver, ['unit-approver'])).toBe(approver);
  });

  it('refuses a data-entry user an action only for unit-approver', () => {
    expect(() => assertAllowed(officer, ['unit-approver'])).toThrow(
      expect.objectContaining({ type: 'E_FORBIDDEN' }),
    );
  });

  it('still admits any logged-in user to an authenticated action, and nobody without a token', () => {
    expect(assertAllowed(officer, 'authenticated')).toBe(officer);
    expect(() => assertAllowed(undefined, ['admin'])).toThrow(
      expect.objectContaining({ type: 'E_UNAUTHENTICATED' }),
    );
  });
});
