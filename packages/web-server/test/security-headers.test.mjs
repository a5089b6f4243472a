// The frontends' Content-Security-Policy: scripts only from the portal and its remotes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentSecurityPolicy, securityHeaders } from '../src/security-headers.mjs';

const localConfig = {
  keycloak: { url: 'http://localhost:8080', realm: 'par-portal', clientId: 'par-portal' },
  apiUrl: 'http://localhost:3000/api',
  remotes: [
    { name: 'selfAssessment', manifest: 'http://localhost:4101/mf-manifest.json' },
    { name: 'admin', manifest: 'http://localhost:4103/mf-manifest.json' },
  ],
};

describe('contentSecurityPolicy', () => {
  it("lets the shell run scripts from itself and the remotes' origins, and call the API and Keycloak", () => {
    assert.equal(
      contentSecurityPolicy({
        runtimeConfig: localConfig,
        connectSources: ['http://127.0.0.1:9000/'],
      }),
      [
        "default-src 'self'",
        "script-src 'self' http://localhost:4101 http://localhost:4103",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self' http://localhost:3000 http://localhost:8080 http://localhost:4101 http://localhost:4103 http://127.0.0.1:9000",
        "frame-src 'self' http://localhost:8080",
        "frame-ancestors 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ].join('; '),
    );
  });

  it('needs nothing but its own origin when the remotes and the API share it (the ingress)', () => {
    const policy = contentSecurityPolicy({
      runtimeConfig: {
        keycloak: { url: 'https://sso.example.gov.vn', realm: 'r', clientId: 'c' },
        apiUrl: '/api',
        remotes: [{ name: 'admin', manifest: '/mf/admin/mf-manifest.json' }],
      },
    });
    assert.match(policy, /script-src 'self';/);
    assert.match(policy, /connect-src 'self' https:\/\/sso\.example\.gov\.vn;/);
    assert.doesNotMatch(policy, /unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('gives a remote its own origin only', () => {
    assert.match(contentSecurityPolicy({}), /script-src 'self'; .*connect-src 'self';/);
  });
});

describe('securityHeaders', () => {
  it('sends HSTS in production only, unless PAR_HSTS says otherwise', () => {
    const hsts = (env) => securityHeaders({ env })['Strict-Transport-Security'];
    assert.equal(hsts({}), undefined);
    assert.equal(hsts({ NODE_ENV: 'production' }), 'max-age=31536000; includeSubDomains');
    assert.equal(hsts({ NODE_ENV: 'production', PAR_HSTS: 'false' }), undefined);
    assert.equal(hsts({ PAR_HSTS: 'true' }), 'max-age=31536000; includeSubDomains');
  });
});
