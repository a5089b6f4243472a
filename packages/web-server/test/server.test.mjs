// Checks what ops rely on: UTF-8 text, caching, brotli and gzip, ETags, CORS, SPA fallback,
// /config.json, /health.
/* global fetch */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { runtimeConfigFromEnv, parseRemotes } from '../src/runtime-config.mjs';
import { createStaticServer } from '../src/server.mjs';

const dir = mkdtempSync(join(tmpdir(), 'par-web-server-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Cổng Chỉ số CCHC</title>');
writeFileSync(join(dir, 'main.js'), `console.log(${JSON.stringify('Tự đánh giá '.repeat(200))});`);
writeFileSync(join(dir, '81.e26fae65f5da.js'), 'export {};');
// A build's precompressed copies, recognisable by what they hold.
const bundle = `console.log(${JSON.stringify('Chấm điểm '.repeat(300))});`;
writeFileSync(join(dir, '352.855050bc1ce0.js'), bundle);
writeFileSync(join(dir, '352.855050bc1ce0.js.br'), brotliCompressSync(`${bundle}//br`));
writeFileSync(join(dir, '352.855050bc1ce0.js.gz'), gzipSync(`${bundle}//gz`));

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

  it('prefers brotli when the client accepts it, keeping charset=utf-8', async () => {
    const response = await fetch(`${shell.url}/main.js`, {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    assert.equal(response.headers.get('content-encoding'), 'br');
    assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.match(await response.text(), /Tự đánh giá/);
  });

  it("sends the build's precompressed copy instead of compressing again", async () => {
    const br = await fetch(`${shell.url}/352.855050bc1ce0.js`, {
      headers: { 'Accept-Encoding': 'br' },
    });
    assert.match(await br.text(), /Chấm điểm .*\/\/br$/s);
    const gz = await fetch(`${shell.url}/352.855050bc1ce0.js`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    assert.match(await gz.text(), /\/\/gz$/);
    const plain = await fetch(`${shell.url}/352.855050bc1ce0.js`, {
      headers: { 'Accept-Encoding': 'identity' },
    });
    assert.equal(await plain.text(), bundle);
  });

  it('answers an unchanged file with 304 to a revalidation', async () => {
    const first = await fetch(`${shell.url}/main.js`);
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const again = await fetch(`${shell.url}/main.js`, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal((await again.arrayBuffer()).byteLength, 0);
    const other = await fetch(`${shell.url}/main.js`, { headers: { 'If-None-Match': 'W/"x"' } });
    assert.equal(other.status, 200);
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
        'http://localhost:14104/mf-manifest.json',
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
