import type { ActionContract, AuthUser } from '@par/contracts';
import { assertAllowed } from './authorize';

type Access = Pick<ActionContract, 'roles' | 'services'>;

const admin: AuthUser = { id: 'a', username: 'admin', roles: ['admin'], unit: null };
const officer: AuthUser = { id: 'o', username: 'officer', roles: ['data-entry'], unit: 'SNV' };
const approver: AuthUser = {
  id: 'l',
  username: 'leader',
  roles: ['data-entry', 'unit-approver'],
  unit: 'SNV',
};
const assessment: AuthUser = {
  id: 's-a',
  username: 'service-account-par-assessment',
  roles: ['service'],
  unit: null,
  service: 'assessment',
};
const seed: AuthUser = {
  id: 's-s',
  username: 'service-account-par-seed',
  roles: ['service'],
  unit: null,
  service: 'seed',
};
// A person whom a Keycloak console admin gave the `service` role (and admin) by mistake: the
// token names no service, so it is still a person.
const personWithServiceRole: AuthUser = {
  id: 'p',
  username: 'nham.lan',
  roles: ['admin', 'service'],
  unit: null,
};

const adminOnly: Access = { roles: ['admin'] };
const anyone: Access = { roles: 'authenticated' };
const approverOnly: Access = { roles: ['unit-approver'] };
const adminOrSeed: Access = { roles: ['admin'], services: ['seed'] };
const schedulerOnly: Access = { roles: [], services: ['assessment'] };
const nobody: Access = { roles: [] };

// Written by hand from the rules: roles admit people, `services` admits service principals, and
// neither list lets in the other kind of caller.
const table: Array<[string, AuthUser, string, Access, 'allowed' | 'E_FORBIDDEN']> = [
  ['admin', admin, 'admin only', adminOnly, 'allowed'],
  ['officer', officer, 'admin only', adminOnly, 'E_FORBIDDEN'],
  ['officer', officer, 'any logged-in user', anyone, 'allowed'],
  ['approver', approver, 'unit-approver only', approverOnly, 'allowed'],
  ['officer', officer, 'unit-approver only', approverOnly, 'E_FORBIDDEN'],
  ['admin', admin, 'admin or the seed', adminOrSeed, 'allowed'],
  ['seed', seed, 'admin or the seed', adminOrSeed, 'allowed'],
  ['assessment', assessment, 'admin or the seed', adminOrSeed, 'E_FORBIDDEN'],
  ['assessment', assessment, 'the scheduler only', schedulerOnly, 'allowed'],
  ['seed', seed, 'the scheduler only', schedulerOnly, 'E_FORBIDDEN'],
  ['admin', admin, 'the scheduler only', schedulerOnly, 'E_FORBIDDEN'],
  [
    'person with the service role',
    personWithServiceRole,
    'the scheduler only',
    schedulerOnly,
    'E_FORBIDDEN',
  ],
  ['person with the service role', personWithServiceRole, 'admin only', adminOnly, 'allowed'],
  ['assessment', assessment, 'any logged-in user', anyone, 'E_FORBIDDEN'],
  ['seed', seed, 'admin only', adminOnly, 'E_FORBIDDEN'],
  ['admin', admin, 'nobody', nobody, 'E_FORBIDDEN'],
  ['assessment', assessment, 'nobody', nobody, 'E_FORBIDDEN'],
];

describe('assertAllowed', () => {
  it.each(table)('%s calling an action for %s: %s', (_who, user, _what, access, expected) => {
    if (expected === 'allowed') {
      expect(assertAllowed(user, access)).toBe(user);
    } else {
      expect(() => assertAllowed(user, access)).toThrow(
        expect.objectContaining({ type: expected }),
      );
    }
  });

  it('refuses a call without a caller as unauthenticated, whatever the contract', () => {
    for (const access of [anyone, adminOnly, schedulerOnly]) {
      expect(() => assertAllowed(undefined, access)).toThrow(
        expect.objectContaining({ type: 'E_UNAUTHENTICATED' }),
      );
    }
  });
});
