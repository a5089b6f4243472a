/**
 * A stand-in realm for unit tests of token verification: real RSA keys, real signed JWTs and a
 * real HTTP endpoint serving the key set (the integration tests use Keycloak itself). It can
 * rotate its key, stop answering, and count what was asked of it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';

export interface LocalIssuer {
  issuer: string;
  jwksUrl: string;
  /** Requests the key-set endpoint received. */
  readonly requests: number;
  /** A token of the current key; claims default to a valid person's token for `par-api`. */
  sign(claims?: JWTPayload, options?: { kid?: string; expiresInSeconds?: number }): Promise<string>;
  /** A new current key; the old one is dropped from the key set. */
  rotate(): Promise<void>;
  /** Whether the endpoint answers (a stopped Keycloak refuses connections). */
  setUp(up: boolean): Promise<void>;
  close(): Promise<void>;
}

interface Key {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function newKey(): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  return {
    kid,
    privateKey,
    jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

export async function startLocalIssuer(): Promise<LocalIssuer> {
  let key = await newKey();
  let requests = 0;
  const handler: http.RequestListener = (_req, res) => {
    requests += 1;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ keys: [key.jwk] }));
  };
  let server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}/realms/test`;

  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });

  return {
    issuer: base,
    jwksUrl: `${base}/protocol/openid-connect/certs`,
    get requests() {
      return requests;
    },
    async sign(claims = {}, options = {}) {
      return new SignJWT({
        iss: base,
        aud: 'par-api',
        sub: 'u-1',
        preferred_username: 'lan.nguyen',
        realm_access: { roles: ['data-entry'] },
        unit: 'SNV',
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? key.kid })
        .setIssuedAt()
        .setExpirationTime(`${options.expiresInSeconds ?? 300}s`)
        .sign(key.privateKey);
    },
    async rotate() {
      key = await newKey();
    },
    async setUp(up) {
      if (up === server.listening) return;
      if (!up) return close();
      server = http.createServer(handler);
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    close: () => (server.listening ? close() : Promise.resolve()),
  };
}
