/**
 * The gateway node's copy of the accounts service's token revocations: which user's tokens,
 * issued at or before when, are refused although their signature and expiry are still good.
 */
import type { TokenRevocation } from '@par/contracts';

/**
 * Events heard while a reload ran are kept if they are this recent: clocks of the accounts
 * service and of the gateway may differ a little.
 */
const reloadOverlapMs = 60_000;

export class TokenRevocations {
  /** User id → latest revocation, in epoch milliseconds. */
  private revokedAt = new Map<string, number>();
  private loadedOnce = false;

  /** Whether the full list has been loaded once; until then no token can be trusted. */
  get loaded(): boolean {
    return this.loadedOnce;
  }

  /** One revocation from the event; a later one for the same user wins. */
  add(revocation: TokenRevocation): void {
    const at = Date.parse(revocation.revokedAt);
    if (Number.isNaN(at)) return;
    this.revokedAt.set(revocation.userId, Math.max(at, this.revokedAt.get(revocation.userId) ?? 0));
  }

  /**
   * Replaces the list with the accounts service's, which has pruned expired ones, but keeps
   * what events brought since `loadStartedAt` (the list may have been read before them).
   */
  replace(items: readonly TokenRevocation[], loadStartedAt: number): void {
    const heardMeanwhile = [...this.revokedAt].filter(
      ([, at]) => at >= loadStartedAt - reloadOverlapMs,
    );
    this.revokedAt = new Map();
    for (const item of items) this.add(item);
    for (const [userId, at] of heardMeanwhile)
      this.add({ userId, revokedAt: new Date(at).toISOString() });
    this.loadedOnce = true;
  }

  /**
   * Whether a token of `userId` issued at `issuedAt` (JWT `iat`, whole seconds) is revoked.
   * `iat` has whole seconds, so a token from the second of the revocation counts as before it:
   * refusing one fresh token for a second is safer than accepting one old one.
   */
  isRevoked(userId: string, issuedAt: number | undefined): boolean {
    const at = this.revokedAt.get(userId);
    if (at === undefined) return false;
    return (issuedAt ?? 0) <= Math.floor(at / 1000);
  }
}
