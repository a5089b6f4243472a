/**
 * The realm's signing keys as a node last fetched them (its JWKS): tokens keep being verified
 * with them while Keycloak is down, for as long as the tokens are valid; a token naming a key id
 * not among them makes the node fetch again, at most once per cool-down.
 */
import {
  createLocalJWKSet,
  errors,
  type FlattenedJWSInput,
  type JSONWebKeySet,
  type JWSHeaderParameters,
  type JWTVerifyGetKey,
} from 'jose';
import { PortalError } from './errors';

export interface RealmKeysOptions {
  jwksUrl: string;
  /**
   * Keys older than this are fetched again in the background, so a key Keycloak dropped stops
   * being trusted; until the new set arrives (or while Keycloak is down) the old one serves.
   */
  maxAgeMs?: number;
  /** Least time between two fetches caused by unknown key ids (a flood of forged ids). */
  unknownKeyCooldownMs?: number;
  /** Least time between two fetches while no key was ever fetched (Keycloak not up yet). */
  firstFetchRetryMs?: number;
  /** Bound on one fetch, so a hung Keycloak does not hold requests. */
  fetchTimeoutMs?: number;
  now?: () => number;
  /** Told of each failed fetch (the node logs it; the client is told only "unavailable"). */
  onFetchFailed?: (err: unknown) => void;
}

export interface RealmKeys {
  /** For `jwtVerify`: the key the token's header names. */
  getKey: JWTVerifyGetKey;
  /** How many fetches were attempted (for tests of the rate limit). */
  readonly fetches: number;
}

export function createRealmKeys(options: RealmKeysOptions): RealmKeys {
  const now = options.now ?? Date.now;
  const maxAge = options.maxAgeMs ?? 600_000;
  const cooldown = options.unknownKeyCooldownMs ?? 30_000;
  const firstRetry = options.firstFetchRetryMs ?? 1_000;
  const timeout = options.fetchTimeoutMs ?? 5_000;

  let keys: ReturnType<typeof createLocalJWKSet> | undefined;
  let fetchedAt = 0;
  let triedAt = Number.NEGATIVE_INFINITY;
  let fetches = 0;
  // Concurrent callers share one fetch.
  let fetching: Promise<void> | undefined;

  const fetchKeys = (): Promise<void> =>
    (fetching ??= (async () => {
      triedAt = now();
      fetches += 1;
      const res = await fetch(options.jwksUrl, { signal: AbortSignal.timeout(timeout) });
      if (!res.ok) throw new Error(`${options.jwksUrl}: HTTP ${res.status}`);
      const set = createLocalJWKSet((await res.json()) as JSONWebKeySet);
      keys = set;
      fetchedAt = now();
    })().finally(() => (fetching = undefined)));

  /** No keys to be had: the caller's token is not at fault, Keycloak is unreachable. */
  const unavailable = () =>
    new PortalError('E_UNAVAILABLE', { key: 'account.keycloak.unavailable' });
  const fetchFailed = (err: unknown) => options.onFetchFailed?.(err);

  return {
    get fetches() {
      return fetches;
    },

    async getKey(header: JWSHeaderParameters, token: FlattenedJWSInput) {
      if (!keys) {
        if (!fetching && now() - triedAt < firstRetry) throw unavailable();
        await fetchKeys().catch((err: unknown) => {
          fetchFailed(err);
          throw unavailable();
        });
      } else if (now() - fetchedAt >= maxAge && !fetching && now() - triedAt >= cooldown) {
        // Not awaited: the keys in hand serve this token; a failure keeps them.
        fetchKeys().catch(fetchFailed);
      }
      try {
        return await keys!(header, token);
      } catch (err) {
        const unknownKey = err instanceof errors.JWKSNoMatchingKey;
        if (!unknownKey || (!fetching && now() - triedAt < cooldown)) throw err;
        // A key id we do not hold: Keycloak may have rotated its keys. A failed fetch keeps the
        // old set, and the token (which none of them signed) is refused.
        await fetchKeys().catch(fetchFailed);
        return keys!(header, token);
      }
    },
  };
}
