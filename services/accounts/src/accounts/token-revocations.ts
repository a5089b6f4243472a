/**
 * Revoking a user's tokens when the account is disabled or its roles or unit change: the gateway
 * checks tokens offline, so the portal ends the user's Keycloak sessions and records when, for as
 * long as any token from before may live.
 */
import type { Connection } from 'mongoose';
import type { TokenRevocation, TokenRevocationList } from '@par/contracts';
import { tokenRevocationModel } from '../models/token-revocation.model';
import type { KeycloakDirectory } from '../keycloak/keycloak-directory';

/** Kept a little past the longest lifetime, for clock skew between Keycloak and the gateways. */
const retentionMarginMs = 60_000;

/**
 * Ends the user's sessions (no refresh token yields a new access token) and records the
 * revocation. Call it only after the change is made in Keycloak: then every token issued after
 * `revokedAt` carries the new state (or none is issued, for a disabled account), so "issued at or
 * before" covers every token that still says the old one.
 */
export async function revokeTokens(
  db: Connection,
  directory: KeycloakDirectory,
  userId: string,
): Promise<TokenRevocation> {
  await directory.logout(userId);
  const lifespanMs = (await directory.longestAccessTokenLifespanSeconds()) * 1000;
  const revokedAt = new Date();
  const expiresAt = new Date(revokedAt.getTime() + lifespanMs + retentionMarginMs);
  const Revocations = tokenRevocationModel(db);
  await Revocations.updateOne({ userId }, { $set: { revokedAt, expiresAt } }, { upsert: true });
  await Revocations.deleteMany({ expiresAt: { $lte: revokedAt } });
  return { userId, revokedAt: revokedAt.toISOString() };
}

/** The revocations whose older tokens may still be unexpired. */
export async function listTokenRevocations(db: Connection): Promise<TokenRevocationList> {
  const docs = await tokenRevocationModel(db)
    .find({ expiresAt: { $gt: new Date() } })
    .lean();
  return {
    items: docs.map((doc) => ({ userId: doc.userId, revokedAt: doc.revokedAt.toISOString() })),
  };
}
