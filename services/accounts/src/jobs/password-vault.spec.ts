import { PasswordVault } from './password-vault';

describe('the password vault', () => {
  const vault = new PasswordVault('a-test-secret-of-more-than-32-characters');

  it('gives back the password it sealed, for the same binding', () => {
    const sealed = vault.encrypt('Tam-thoi-9xK2', 'job1/acc1');
    expect(sealed).not.toContain('Tam-thoi');
    expect(vault.decrypt(sealed, 'job1/acc1')).toBe('Tam-thoi-9xK2');
  });

  it('seals the same password differently each time (a fresh IV)', () => {
    expect(vault.encrypt('same', 'b')).not.toBe(vault.encrypt('same', 'b'));
  });

  it('refuses a ciphertext moved to another account', () => {
    const sealed = vault.encrypt('secret', 'job1/acc1');
    expect(() => vault.decrypt(sealed, 'job1/acc2')).toThrow();
  });

  it('refuses an altered ciphertext and another key', () => {
    const sealed = Buffer.from(vault.encrypt('secret', 'x'), 'base64');
    sealed[sealed.length - 1]! ^= 1;
    expect(() => vault.decrypt(sealed.toString('base64'), 'x')).toThrow();
    const other = new PasswordVault('another-secret-of-more-than-32-characters');
    expect(() => other.decrypt(vault.encrypt('secret', 'x'), 'x')).toThrow();
  });
});
