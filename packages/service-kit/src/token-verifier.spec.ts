import { decodeJwt } from 'jose';
import { startLocalIssuer, type LocalIssuer } from '../test/local-issuer';
import { createRealmKeys } from './realm-keys';
import { createTokenVerifier, userFromPayload, type TokenVerifierOptions } from './token-verifier';

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

describe('createTokenVerifier with the realm keys last fetched', () => {
  let realm: LocalIssuer;
  let clock: number;
  const minute = 60_000;

  /**
   * A node's verifier: keys kept 10 min, unknown key ids refetched at most every 30 s; tokens
   * verified each time unless `cacheSize` says otherwise, so the keys' path is what is tested.
   */
  const verifierOf = (cacheSize = 0) => {
    const options: TokenVerifierOptions = {
      issuer: realm.issuer,
      jwksUrl: realm.jwksUrl,
      audience: 'par-api',
      clientId: 'par-portal',
      cacheSize,
      now: () => clock,
    };
    const keys = createRealmKeys({
      jwksUrl: realm.jwksUrl,
      maxAgeMs: 10 * minute,
      unknownKeyCooldownMs: 30_000,
      now: () => clock,
    });
    return { verify: createTokenVerifier(options, keys), keys };
  };

  beforeEach(async () => {
    realm = await startLocalIssuer();
    clock = Date.now();
  });
  afterEach(() => realm.close());

  it('verifies a token of the realm and names its user', async () => {
    const { verify } = verifierOf();
    const { user } = await verify(await realm.sign());
    expect(user).toEqual({ id: 'u-1', username: 'lan.nguyen', roles: ['data-entry'], unit: 'SNV' });
  });

  it('refuses a token of another issuer or audience with 401', async () => {
    const { verify } = verifierOf();
    for (const claims of [{ iss: 'http://elsewhere/realms/test' }, { aud: 'other-api' }]) {
      await expect(verify(await realm.sign(claims))).rejects.toMatchObject({
        type: 'E_UNAUTHENTICATED',
      });
    }
  });

  it('keeps verifying with the keys in hand while the realm is down, even past their age', async () => {
    const { verify, keys } = verifierOf();
    const token = await realm.sign({}, { expiresInSeconds: 3600 });
    await verify(token);
    await realm.setUp(false);
    clock += 30 * minute; // keys three times their age: a refresh is tried and fails
    await expect(verify(token)).resolves.toMatchObject({ user: { id: 'u-1' } });
    await expect(verify(token)).resolves.toMatchObject({ user: { id: 'u-1' } });
    expect(keys.fetches).toBe(2);
  });

  it('fetches the keys again when a token names a key id it does not hold (rotation)', async () => {
    const { verify } = verifierOf();
    await verify(await realm.sign());
    clock += 31_000; // past the cool-down since that first fetch
    await realm.rotate();
    const afterRotation = await realm.sign();
    await expect(verify(afterRotation)).resolves.toMatchObject({ user: { id: 'u-1' } });
    expect(realm.requests).toBe(2);
  });

  it('fetches at most once per cool-down however many unknown key ids arrive', async () => {
    const { verify } = verifierOf();
    await verify(await realm.sign());
    clock += 31_000;
    const forged = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((kid) => realm.sign({}, { kid })),
    );
    for (const token of forged)
      await expect(verify(token)).rejects.toMatchObject({ type: 'E_UNAUTHENTICATED' });
    expect(realm.requests).toBe(2);
    clock += 29_000;
    await expect(verify(forged[0]!)).rejects.toMatchObject({ type: 'E_UNAUTHENTICATED' });
    expect(realm.requests).toBe(2);
    clock += 1_000;
    await expect(verify(forged[0]!)).rejects.toMatchObject({ type: 'E_UNAUTHENTICATED' });
    expect(realm.requests).toBe(3);
  });

  it('remembers a verified token until it expires (with the skew), then refuses it', async () => {
    const { verify, keys } = verifierOf(100);
    const token = await realm.sign({}, { expiresInSeconds: 60 });
    await verify(token);
    // Verified again without the keys: a rotation dropping its key would not matter to it.
    await realm.rotate();
    clock += 31_000;
    await expect(verify(token)).resolves.toMatchObject({ user: { id: 'u-1' } });
    expect(keys.fetches).toBe(1);
    // Accepted up to `exp` plus the 2 s skew, not a millisecond later.
    clock = (decodeJwt(token).exp! + 2) * 1000;
    await expect(verify(token)).resolves.toMatchObject({ user: { id: 'u-1' } });
    clock += 1;
    await expect(verify(token)).rejects.toMatchObject({ type: 'E_UNAUTHENTICATED' });
  });

  it('says the service is unavailable, not that the token is bad, when it never had keys', async () => {
    const { verify } = verifierOf();
    const token = await realm.sign();
    await realm.setUp(false);
    await expect(verify(token)).rejects.toMatchObject({ type: 'E_UNAVAILABLE', code: 503 });
    await realm.setUp(true);
    clock += 1_000;
    await expect(verify(token)).resolves.toMatchObject({ user: { id: 'u-1' } });
  });
});
