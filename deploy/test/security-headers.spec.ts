/**
 * The frontends' security headers as deployed: the nginx images write the same
 * Content-Security-Policy as par-web-server for the same runtime config, and the Ingress lets
 * through every body the gateway accepts, so the gateway's own 413 (in Vietnamese) answers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadAll } from 'js-yaml';
import { restActions } from '@par/contracts';
import { contentSecurityPolicy } from '../../packages/web-server/src/security-headers.mjs';

const repoRoot = path.resolve(__dirname, '..', '..');
const nginxDir = path.join(repoRoot, 'deploy', 'docker', 'nginx');

function cspOf(conf: string): string | undefined {
  return /add_header Content-Security-Policy "([^"]*)" always;/.exec(conf)?.[1];
}

/** `3mb`, `256kb`, `4m` as bytes (body-parser's and nginx's units are both powers of 1024). */
function bytes(size: string): number {
  const match = /^(\d+)\s*(k|kb|m|mb)?$/i.exec(size.trim());
  if (!match) throw new Error(`not a size: ${size}`);
  const unit = (match[2] ?? '').toLowerCase()[0];
  return Number(match[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 * 1024 : 1);
}

describe("the shell image's Content-Security-Policy", () => {
  it('is the one par-web-server sends for the same runtime config', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'par-nginx-'));
    try {
      execFileSync('sh', [path.join(nginxDir, '40-par-config.sh')], {
        env: {
          PATH: process.env.PATH,
          PAR_CONFIG_DIR: dir,
          PAR_KEYCLOAK_URL: 'https://id.example.gov.vn',
          PAR_API_URL: 'https://api.example.gov.vn/api',
          PAR_REMOTES: JSON.stringify([
            { name: 'selfAssessment', manifest: '/mf/self-assessment/mf-manifest.json' },
            { name: 'admin', manifest: 'https://admin.example.gov.vn:8443/mf-manifest.json' },
            { name: 'appraisal', manifest: 'https://admin.example.gov.vn:8443/b/mf-manifest.json' },
          ]),
          PAR_CSP_CONNECT_SRC: 'https://files.example.gov.vn',
        },
        stdio: 'pipe',
      });
      const conf = readFileSync(path.join(dir, 'security-headers.conf'), 'utf8');
      const runtimeConfig = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
      const policy = contentSecurityPolicy({
        runtimeConfig,
        connectSources: ['https://files.example.gov.vn'],
      });
      expect(cspOf(conf)).toBe(policy);
      expect(policy).toContain("script-src 'self' https://admin.example.gov.vn:8443;");
      expect(conf).toContain(
        'add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is included by the shell server block, and the remotes send the policy of a remote', () => {
    expect(readFileSync(path.join(nginxDir, 'shell.conf'), 'utf8')).toContain(
      'include /tmp/par/security-headers.conf;',
    );
    const remote = readFileSync(path.join(nginxDir, 'remote.conf'), 'utf8');
    expect(cspOf(remote)).toBe(contentSecurityPolicy({}));
  });
});

describe('the Ingress', () => {
  it('accepts a larger body than any route of the gateway does', () => {
    const objects = loadAll(
      readFileSync(path.join(repoRoot, 'deploy', 'k8s', 'ingress.yaml'), 'utf8'),
    ) as Array<{
      kind: string;
      metadata: { annotations?: Record<string, string> };
      spec: { rules: Array<{ http: { paths: Array<{ path: string }> } }> };
    }>;
    const api = objects.find(
      (o) =>
        o.kind === 'Ingress' &&
        o.spec.rules.some((r) => r.http.paths.some((p) => p.path === '/api')),
    );
    const limit = api?.metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-body-size'];
    expect(limit).toBeDefined();
    const largest = Math.max(
      bytes('256kb'),
      ...restActions.map((action) => bytes(action.rest!.bodyLimit ?? '256kb')),
    );
    expect(largest).toBe(3 * 1024 * 1024);
    expect(bytes(limit!)).toBeGreaterThan(largest);
  });
});
