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
import { closedLoop } from './closed-loop.ts';

const calls = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 16);

async function measure(label: string, call: () => Promise<void>) {
  for (let i = 0; i < Math.min(200, calls); i++) await call(); // warm-up
  const f = await closedLoop(calls, concurrency, call);
  const ms = (value: number) => value.toFixed(2);
  console.log(
    `${label.padEnd(22)} ${f.perSecond.toFixed(0).padStart(6)} req/s   p50 ${ms(f.p50)} ms   p95 ${ms(f.p95)} ms   p99 ${ms(f.p99)} ms`,
  );
  return f.perSecond;
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
