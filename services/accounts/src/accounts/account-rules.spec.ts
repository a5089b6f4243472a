import {
  deriveUsername,
  generateTemporaryPassword,
  protectionRefusal,
  roleChanges,
  selfChangeRefusal,
  temporaryPasswordLength,
} from './account-rules';

describe('deriveUsername', () => {
  it('prefixes the lower-cased unit code with the role', () => {
    expect(deriveUsername('SNV', ['data-entry'])).toBe('nhaplieu.snv');
    expect(deriveUsername('XA-AN_PHU.1', ['appraisal'])).toBe('thamdinh.xa-an_phu.1');
  });

  it("names a leader's account after unit-approver, whatever the order of roles", () => {
    expect(deriveUsername('STP', ['data-entry', 'unit-approver'])).toBe('lanhdao.stp');
  });
});

describe('generateTemporaryPassword', () => {
  it('meets the realm policy: at least 10 characters and not the username', () => {
    for (let i = 0; i < 500; i++) {
      const password = generateTemporaryPassword('nhaplieu.snv');
      expect(password.length).toBeGreaterThanOrEqual(10);
      expect(password).toHaveLength(temporaryPasswordLength);
      expect(password.toLowerCase()).not.toBe('nhaplieu.snv');
      expect(password).toMatch(/^[a-zA-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[2-9]/);
      expect(password).not.toMatch(/[0O1lI]/);
    }
  });

  it('differs on every call', () => {
    const passwords = new Set(Array.from({ length: 200 }, () => generateTemporaryPassword('u')));
    expect(passwords.size).toBe(200);
  });
});

describe('selfChangeRefusal', () => {
  const me = { id: 'me' };

  it('refuses an admin removing their own admin role', () => {
    expect(selfChangeRefusal(me, 'me', { roles: ['data-entry'] })).toBe('account.self.removeAdmin');
  });

  it('refuses an admin disabling themselves', () => {
    expect(selfChangeRefusal(me, 'me', { enabled: false })).toBe('account.self.disable');
  });

  it('lets an admin keep admin while changing their other roles, or act on someone else', () => {
    expect(selfChangeRefusal(me, 'me', { roles: ['admin', 'appraisal'] })).toBeNull();
    expect(selfChangeRefusal(me, 'other', { roles: [], enabled: false })).toBeNull();
  });
});

describe('roleChanges', () => {
  it('grants the missing roles and removes the others', () => {
    expect(roleChanges(['data-entry', 'admin'], ['admin', 'unit-approver'])).toEqual({
      grant: ['unit-approver'],
      remove: ['data-entry'],
    });
  });
});

describe('protectionRefusal', () => {
  it("refuses Keycloak's administrators and service accounts, each with its own message", () => {
    expect(protectionRefusal('realmManagement')).toBe('account.protected.realmManagement');
    expect(protectionRefusal('serviceAccount')).toBe('account.protected.serviceAccount');
  });

  it('lets an ordinary account be changed', () => {
    expect(protectionRefusal(null)).toBeNull();
  });
});
