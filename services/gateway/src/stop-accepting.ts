/**
 * How a stopping gateway stops taking requests and finishes those it holds: no new connection,
 * idle keep-alive connections closed, every later response on a busy one says
 * `Connection: close`, and it resolves once the last connection closed (each request answered),
 * or after `timeoutMs`. Without this, clients kept sending on their pooled connections and the
 * node never ran out of requests to finish (it was killed after its grace period instead).
 */
import type { Server } from 'node:http';

export function stopAccepting(server: Server | undefined, timeoutMs: number): Promise<void> {
  if (!server?.listening) return Promise.resolve();
  server.on('request', (_req, res) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  });
  // moleculer-web's own stop then finds the server no longer listening.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A connection busy now goes idle once its answer is out (a request that arrived before
  // this had no `Connection: close`): closed within a tenth of a second then.
  server.closeIdleConnections();
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
  return closed.finally(() => {
    clearInterval(idle);
    clearTimeout(timer);
  });
}
