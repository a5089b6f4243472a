/**
 * Serves one built frontend as ops would: UTF-8 text, long caching for hashed files only,
 * gzip, CORS for remotes, SPA fallback and runtime /config.json for the shell, GET /health.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { URL } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** webpack names long-lived files `[name].[contenthash].js`; everything else must be revalidated. */
const hashedName = /\.[0-9a-f]{8,}\./;

/**
 * @typedef {object} ServerOptions
 * @property {string} dir            directory to serve (a frontend's dist/)
 * @property {boolean} [spa]         answer unknown extension-less paths with index.html
 * @property {boolean} [cors]        allow any origin (remotes are fetched from the shell's origin)
 * @property {(() => unknown) | undefined} [runtimeConfig]  when set, GET /config.json returns it
 * @property {Record<string, string>} [headers]  sent with every answer (security-headers.mjs)
 * @property {(entry: Record<string, unknown>) => void} [log]
 */

/** @param {ServerOptions} options */
export function createStaticServer(options) {
  const root = resolve(options.dir);
  const log = options.log ?? (() => {});
  /** @type {Map<string, { mtimeMs: number, body: Buffer, gzipped: Buffer | null }>} */
  const cache = new Map();

  async function load(file) {
    const info = await stat(file);
    if (!info.isFile()) return null;
    const cached = cache.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs) return cached;
    const body = await readFile(file);
    const compressible =
      /charset=utf-8/.test(contentTypes[extname(file)] ?? '') && body.length > 1024;
    const entry = {
      mtimeMs: info.mtimeMs,
      body,
      gzipped: compressible ? await gzipAsync(body) : null,
    };
    cache.set(file, entry);
    return entry;
  }

  /** @returns {string | null} an absolute path inside root, or null for a path that escapes it */
  function fileFor(pathname) {
    let decoded;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (decoded.includes('\0')) return null;
    const file = normalize(join(root, decoded));
    return file === root || file.startsWith(root + sep) ? file : null;
  }

  return createServer(async (req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const headers = {
      ...options.headers,
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
    };
    if (options.cors) {
      Object.assign(headers, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': '*',
      });
    }
    const send = (status, body, type, extra = {}) => {
      res.writeHead(status, { ...headers, 'Content-Type': type, ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
      log({
        msg: 'request',
        method: req.method,
        path: url.pathname,
        status,
        ms: Math.round(performance.now() - started),
      });
    };

    try {
      if (req.method === 'OPTIONS') return send(204, '', 'text/plain; charset=utf-8');
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(405, 'Method not allowed\n', 'text/plain; charset=utf-8', {
          Allow: 'GET, HEAD, OPTIONS',
        });
      }
      if (url.pathname === '/health') {
        return send(200, '{"status":"ok"}\n', contentTypes['.json'], {
          'Cache-Control': 'no-store',
        });
      }
      if (url.pathname === '/config.json' && options.runtimeConfig) {
        return send(200, JSON.stringify(options.runtimeConfig(), null, 2), contentTypes['.json'], {
          'Cache-Control': 'no-store',
        });
      }

      let file = fileFor(url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname);
      if (!file) return send(400, 'Bad request\n', 'text/plain; charset=utf-8');
      let entry = await load(file).catch(() => null);
      if (!entry && options.spa && extname(url.pathname) === '') {
        file = join(root, 'index.html');
        entry = await load(file).catch(() => null);
      }
      if (!entry)
        return send(404, 'Not found\n', 'text/plain; charset=utf-8', {
          'Cache-Control': 'no-cache',
        });

      const extra = {
        'Cache-Control': hashedName.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      const useGzip =
        entry.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      if (useGzip) extra['Content-Encoding'] = 'gzip';
      const body = useGzip ? entry.gzipped : entry.body;
      extra['Content-Length'] = String(body.length);
      return send(200, body, contentTypes[extname(file)] ?? 'application/octet-stream', extra);
    } catch (error) {
      log({ level: 'error', msg: 'request failed', path: url.pathname, error: String(error) });
      if (!res.headersSent) send(500, 'Internal error\n', 'text/plain; charset=utf-8');
      else res.destroy();
    }
  });
}

// `node src/server.mjs --root … --port …` works like the par-web-server command.
// (No top-level await: cli.mjs imports this module, which must finish loading first.)
if (import.meta.main) {
  void import('./cli.mjs').then(({ main }) => main(process.argv.slice(2)));
}
