// The HEALTHCHECK probe of the service images: exits 0 when the service's health server
// (PAR_HEALTH_PORT, default 9100) answers 2xx on the path given, /health/ready by default.
// Node alone, so the slim runtime image needs no curl or wget.
import http from 'node:http';

const path = process.argv[2] ?? '/health/ready';
const port = Number(process.env.PAR_HEALTH_PORT ?? 9100);

const request = http.get({ host: '127.0.0.1', port, path, timeout: 4000 }, (res) => {
  res.resume();
  process.exit(res.statusCode >= 200 && res.statusCode < 300 ? 0 : 1);
});
request.on('timeout', () => request.destroy(new Error('timed out')));
request.on('error', () => process.exit(1));
