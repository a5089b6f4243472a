/**
 * The probe and scrape endpoint of a service: `/health/live` (the process answers),
 * `/health/ready` (every readiness check passes) and `/metrics` (Prometheus text).
 */
import http from 'node:http';

export type ReadinessCheck = () => boolean | Promise<boolean>;

export interface HealthServerOptions {
  port: number;
  host?: string;
  checks: Record<string, ReadinessCheck>;
  metrics: () => string;
}

export async function startHealthServer(options: HealthServerOptions): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health/live') return send(res, 200, { status: 'up' });
    if (path === '/health/ready') {
      const results: Record<string, 'up' | 'down'> = {};
      for (const [name, check] of Object.entries(options.checks)) {
        results[name] = (await Promise.resolve(check()).catch(() => false)) ? 'up' : 'down';
      }
      const ready = Object.values(results).every((state) => state === 'up');
      return send(res, ready ? 200 : 503, { status: ready ? 'up' : 'down', checks: results });
    }
    if (path === '/metrics') {
      res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
      return res.end(options.metrics());
    }
    send(res, 404, { status: 'not-found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', resolve);
  });
  return server;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
