/**
 * What the gateway costs per request: the same `accounts.listUnits` call made over HTTP through
 * the gateway (JWT check, routing, JSON) and straight over the bus from a Moleculer node
 * (the baseline), measured in the same run against the local stack. Prints throughput,
 * latency percentiles and the ratio. Bounded: a fixed number of calls per round.
 *
 *   source deploy/local/lib/env.sh && node bench/gateway-overhead.ts [calls] [concurrency]
 */
import { ServiceBroker } from 'moleculer';
import { natsCredentials, startApps, stopApps } from '../deploy/local/apps/apps.ts';
import {
  createTestClient,
  createUser,
  deleteTestClient,
  deleteUser,
  tokenFor,
} from '../test/support/keycloak.ts';
import { gatewayRoutesToAccounts } from '../test/support/eventually.ts';

const calls = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 16);

async function measure(label: string, call: () => Promise<void>) {
  for (let i = 0; i < Math.min(200, calls); i++) await call(); // warm-up
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < calls) {
        const t = performance.now();
        await call();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.floor((latencies.length - 1) * p)]!.toFixed(2);
  const perSecond = calls / seconds;
  console.log(
    `${label.padEnd(22)} ${perSecond.toFixed(0).padStart(6)} req/s   p50 ${pct(0.5)} ms   p95 ${pct(0.95)} ms   p99 ${pct(0.99)} ms`,
  );
  return perSecond;
}

const apps = await startApps(['gateway', 'accounts']);
const client = await createTestClient();
const admin = await createUser({ roles: ['admin'] });
const broker = new ServiceBroker({
  namespace: process.env.PAR_NAMESPACE ?? 'par',
  nodeID: `bench-${process.pid}`,
  transporter: { type: 'NATS', options: natsCredentials('tests') },
  logger: false,
});
try {
  const token = await tokenFor(admin, client);
  await gatewayRoutesToAccounts(token);
  await broker.start();
  await broker.waitForServices(['accounts']);

  console.log(`accounts.listUnits(limit 20): ${calls} calls, ${concurrency} at a time`);
  const direct = await measure('bus (baseline)', async () => {
    await broker.call('accounts.listUnits', { limit: 20 }, { meta: { token } });
  });
  const viaGateway = await measure('HTTP via gateway', async () => {
    const res = await fetch(`${process.env.PAR_GATEWAY_URL}/api/units?limit=20`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    await res.arrayBuffer();
  });
  console.log(`gateway throughput / bus throughput = ${(viaGateway / direct).toFixed(2)}`);
} finally {
  await broker.stop();
  await stopApps(apps);
  await deleteUser(admin);
  await deleteTestClient(client);
}
