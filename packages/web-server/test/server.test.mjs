// Checks what ops rely on: UTF-8 text, caching, gzip, CORS, SPA fallback, /config.json, /health.
/* global fetch */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runtimeConfigFromEnv, parseRemotes } from '../src/runtime-config.mjs';
import { createStaticServer } from '../src/server.mjs';

const dir = mkdtempSync(join(tmpdir(), 'par-web-server-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Cổng Chỉ số CCHC</title>');
writeFileSync(join(dir, 'main.js'), `console.log(${JSON.stringify('Tự đánh giá '.repeat(200))});`);
writeFileSync(join(dir, '81.e26fae65f5da.js'), 'export {};');

async function serve(options) {
  const server = createStaticServer({ dir, ...options });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { server, url: `http://127.0.0.1:${port}` };
}

describe('shell server (SPA, runtime config)', () => {
  let shell;
  before(async () => {
    shell = await serve({ spa: true, runtimeConfig: () => ({ apiUrl: 'http://api.test/api' }) });
  });
  after(() => shell.server.close());

  it('serves text as UTF-8 so Vietnamese survives', async () => {
    const response = await fetch(`${shell.url}/`);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(await response.text(), /Cổng Chỉ số CCHC/);
  });

  it('answers deep links with index.html, but not missing files', async () => {
    const page = await fetch(`${shell.url}/admin/units`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<!doctype html>/);
    assert.equal((await fetch(`${shell.url}/missing.js`)).status, 404);
  });

  it('caches hashed files for a year and revalidates the rest', async () => {
    const hashed = await fetch(`${shell.url}/81.e26fae65f5da.js`);
    assert.equal(hashed.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const entry = await fetch(`${shell.url}/main.js`);
    assert.equal(entry.headers.get('cache-control'), 'no-cache');
  });

  it('gzips large text when the client accepts it', async () => {
    const response = await fetch(`${shell.url}/main.js`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    assert.equal(response.headers.get('content-encoding'), 'gzip');
    assert.match(await response.text(), /Tự đánh giá/);
  });

  it('serves /config.json and /health, uncached', async () => {
    const config = await fetch(`${shell.url}/config.json`);
    assert.equal(config.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await config.json(), { apiUrl: 'http://api.test/api' });
    assert.equal((await fetch(`${shell.url}/health`)).status, 200);
  });

  it('refuses paths that leave the served folder', async () => {
    const response = await fetch(`${shell.url}/..%2f..%2fetc%2fpasswd`);
    assert.ok([400, 404].includes(response.status));
  });
});

describe('remote server (CORS)', () => {
  let remote;
  before(async () => {
    remote = await serve({ cors: true });
  });
  after(() => {
    remote.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets the shell, on another origin, fetch its files', async () => {
    const response = await fetch(`${remote.url}/main.js`, {
      headers: { Origin: 'http://localhost:4100' },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal((await fetch(`${remote.url}/config.json`)).status, 404);
  });
});

describe('runtime config', () => {
  it('defaults to the local stack, shifted by PAR_PORT_OFFSET', () => {
    const config = runtimeConfigFromEnv({ PAR_PORT_OFFSET: '10000' });
    assert.equal(config.keycloak.url, 'http://localhost:18080');
    assert.equal(config.keycloak.clientId, 'par-portal');
    assert.equal(config.apiUrl, 'http://localhost:13000/api');
    assert.deepEqual(
      config.remotes.map((r) => r.manifest),
      [
        'http://localhost:14101/mf-manifest.json',
        'http://localhost:14102/mf-manifest.json',
        'http://localhost:14103/mf-manifest.json',
      ],
    );
  });

  it('takes PAR_REMOTES as given and rejects a malformed one', () => {
    const remotes = [{ name: 'admin', manifest: 'https://admin.example/mf-manifest.json' }];
    assert.deepEqual(
      runtimeConfigFromEnv({ PAR_REMOTES: JSON.stringify(remotes) }).remotes,
      remotes,
    );
    assert.throws(() => parseRemotes('{"name":"admin"}'), /JSON array/);
    assert.throws(
      () => parseRemotes('[{"name":"self-assessment","manifest":"x"}]'),
      /PAR_REMOTES\[0\]/,
    );
  });
});
