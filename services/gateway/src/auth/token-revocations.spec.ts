import { TokenRevocations } from './token-revocations';

const at = (iso: string) => Date.parse(iso) / 1000;

describe('TokenRevocations', () => {
  it('refuses tokens issued at or before the revocation, and accepts later ones', () => {
    const list = new TokenRevocations();
    list.replace([{ userId: 'u-1', revokedAt: '2026-11-23T10:00:00.500Z' }], Date.now());
    expect(list.isRevoked('u-1', at('2026-11-23T09:59:59Z'))).toBe(true);
    // Same second as the revocation: `iat` cannot tell before from after, so it is refused.
    expect(list.isRevoked('u-1', at('2026-11-23T10:00:00Z'))).toBe(true);
    expect(list.isRevoked('u-1', at('2026-11-23T10:00:01Z'))).toBe(false);
    expect(list.isRevoked('u-2', at('2026-11-23T09:00:00Z'))).toBe(false);
  });

  it('keeps the latest revocation of a user', () => {
    const list = new TokenRevocations();
    list.add({ userId: 'u-1', revokedAt: '2026-11-23T10:00:00Z' });
    list.add({ userId: 'u-1', revokedAt: '2026-11-23T09:00:00Z' });
    expect(list.isRevoked('u-1', at('2026-11-23T09:30:00Z'))).toBe(true);
  });

  it('is not loaded until the full list arrives, events alone do not count', () => {
    const list = new TokenRevocations();
    list.add({ userId: 'u-1', revokedAt: '2026-11-23T10:00:00Z' });
    expect(list.loaded).toBe(false);
    list.replace([], Date.now());
    expect(list.loaded).toBe(true);
  });

  it('keeps a revocation heard while a reload was under way, drops pruned old ones', () => {
    const list = new TokenRevocations();
    const now = Date.now();
    list.add({ userId: 'old', revokedAt: new Date(now - 3_600_000).toISOString() });
    list.add({ userId: 'new', revokedAt: new Date(now).toISOString() });
    list.replace([], now);
    expect(list.isRevoked('new', Math.floor(now / 1000) - 1)).toBe(true);
    expect(list.isRevoked('old', Math.floor(now / 1000) - 7200)).toBe(false);
  });
});
