import type { IncomingMessage } from 'node:http';
import { clientAddress } from './client-address';
import { protectionConfig } from './protection-config';
import { RateLimiter } from './rate-limiter';
import { MAX_BODY_DEPTH, nestsDeeperThan } from './body-depth';

describe('RateLimiter', () => {
  // 6 per minute: a burst of 6, then one more every 10 s.
  const rate = { limit: 6, windowMs: 60_000 };

  it('lets a burst of `limit` through, then refuses with the seconds until the next token', () => {
    const limiter = new RateLimiter(rate);
    for (let i = 0; i < 6; i++) expect(limiter.hit('u', 1_000)).toEqual({ allowed: true });
    expect(limiter.hit('u', 1_000)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    // 4 s later: 0.4 of a token, so 6 s to wait.
    expect(limiter.hit('u', 5_000)).toEqual({ allowed: false, retryAfterSeconds: 6 });
    expect(limiter.hit('u', 11_000)).toEqual({ allowed: true });
    expect(limiter.hit('u', 11_000)).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('counts each key on its own', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 60_000 });
    expect(limiter.hit('a', 0).allowed).toBe(true);
    expect(limiter.hit('b', 0).allowed).toBe(true);
    expect(limiter.hit('a', 0).allowed).toBe(false);
  });

  it('forgets idle keys and, past maxKeys, the least recently used', () => {
    const limiter = new RateLimiter(rate, 3);
    for (const key of ['a', 'b', 'c']) limiter.hit(key, 0);
    limiter.hit('a', 1);
    limiter.hit('d', 2);
    expect(limiter.size).toBe(3);
    // 'b' went (least recently used): it starts again with a full bucket.
    for (let i = 0; i < 6; i++) expect(limiter.hit('b', 3).allowed).toBe(true);
    // A minute later everyone else is idle and gone.
    limiter.hit('e', 70_000);
    expect(limiter.size).toBe(1);
  });
});

describe('clientAddress', () => {
  const request = (remoteAddress: string, forwarded?: string) =>
    ({
      socket: { remoteAddress },
      headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
    }) as unknown as IncomingMessage;

  it('believes X-Forwarded-For only as far as the trusted proxies go', () => {
    expect(clientAddress(request('10.0.0.5', '203.0.113.7'), 0)).toBe('10.0.0.5');
    expect(clientAddress(request('10.0.0.5', '203.0.113.7'), 1)).toBe('203.0.113.7');
    // A client writing its own header only adds entries on the left, which are not read.
    expect(clientAddress(request('10.0.0.5', '1.1.1.1, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientAddress(request('10.0.0.5', '1.1.1.1, 203.0.113.7'), 2)).toBe('1.1.1.1');
    expect(clientAddress(request('10.0.0.5'), 1)).toBe('10.0.0.5');
  });
});

describe('protectionConfig', () => {
  it('reads the limits, trusted proxies and HSTS from the environment', () => {
    expect(protectionConfig({})).toEqual({
      perUser: { limit: 300, windowMs: 60_000 },
      perAddress: { limit: 3000, windowMs: 60_000 },
      perAddressWithToken: { limit: 60_000, windowMs: 60_000 },
      publicWritesPerAddress: { limit: 20, windowMs: 60_000 },
      trustedProxies: 0,
      hsts: false,
    });
    expect(
      protectionConfig({
        NODE_ENV: 'production',
        PAR_RATE_LIMIT_WINDOW_S: '10',
        PAR_RATE_LIMIT_PER_USER: '0',
        PAR_TRUSTED_PROXIES: '1',
      }),
    ).toMatchObject({ perUser: { limit: 0, windowMs: 10_000 }, trustedProxies: 1, hsts: true });
    expect(protectionConfig({ NODE_ENV: 'production', PAR_HSTS: 'false' }).hsts).toBe(false);
    expect(() => protectionConfig({ PAR_RATE_LIMIT_PER_USER: '-1' })).toThrow(
      'PAR_RATE_LIMIT_PER_USER',
    );
  });
});

describe('nestsDeeperThan', () => {
  it('counts objects and arrays as levels, scalars as none', () => {
    expect(nestsDeeperThan('x', 0)).toBe(false);
    expect(nestsDeeperThan({}, 0)).toBe(true);
    expect(nestsDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: {} }] }, 3)).toBe(true);
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(nestsDeeperThan(deep, MAX_BODY_DEPTH)).toBe(true);
  });
});
