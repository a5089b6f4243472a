/**
 * What verifying the caller's token on every node costs per request (issue 15). The same call
 * over NATS to three nodes: one that trusts the user sent on the bus (the code before issue 15:
 * the baseline), one that verifies the token before the action runs as every service does now
 * (the service kit's middleware against the real Keycloak's keys, remembering a verified token
 * until it expires), and one that verifies every call afresh (as for a token it never saw).
 * Two calls: `listUnits` (the accounts service's own code on its database) and `whoAmI` (an
 * action that only returns its caller, so the check is most of the work). Same run, alternating
 * rounds; then one verification alone, fresh and remembered. Prints throughput, latency
 * percentiles and the ratios.
 *
 *   source deploy/local/lib/env.sh && npm run build:ts && \
 *     node bench/token-verification.ts [calls] [concurrency] [rounds]
 */
import { ServiceBroker, type Context, type Middleware } from 'moleculer';
import {
  accountsActions,
  gatewayActions,
  type ActionContract,
  type AuthUser,
} from '@par/contracts';
import {
  assertAllowed,
  connectDatabase,
  contractAction,
  createTokenVerifier,
  parseParams,
  tokenVerifierOptionsFromEnv,
  verifiedCallerMiddleware,
  type PortalMeta,
} from '@par/service-kit';
import { natsCredentials } from '../deploy/local/apps/apps.ts';
import { listUnits } from '../services/accounts/dist/units/units.js';
import {
  createTestClient,
  createUser,
  deleteTestClient,
  deleteUser,
  tokenFor,
} from '../test/support/keycloak.ts';
import { closedLoop, type Figures } from './closed-loop.ts';

const calls = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 16);
const rounds = Number(process.argv[4] ?? 3);

const measure = (call: () => Promise<unknown>) => closedLoop(calls, concurrency, call);

const show = (label: string, f: Figures) =>
  console.log(
    `${label.padEnd(26)} ${f.perSecond.toFixed(0).padStart(6)} calls/s   p50 ${f.p50.toFixed(2)} ms   p95 ${f.p95.toFixed(2)} ms   p99 ${f.p99.toFixed(2)} ms`,
  );

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const node = (nodeID: string, middlewares: Middleware[] = []) =>
  new ServiceBroker({
    namespace: `bench-${process.pid}`, // no portal node answers here
    nodeID,
    transporter: { type: 'NATS', options: natsCredentials('tests') },
    logger: false,
    middlewares,
  });

const db = await connectDatabase('accounts');
/**
 * The two calls, each a handler given the parsed params and the caller: the accounts service's
 * listUnits, and one that only returns its caller.
 */
const probes = {
  listUnits: {
    contract: accountsActions.listUnits,
    handler: (params: unknown) => listUnits(db, params as Parameters<typeof listUnits>[1]),
    params: { limit: 20 },
  },
  whoAmI: {
    contract: gatewayActions.me,
    handler: async (_params: unknown, user: AuthUser) => user,
    params: {},
  },
} as const;
type CallName = keyof typeof probes;

/** A node whose service answers both calls under its own name, as contract actions. */
function verifyingNode(name: string, cacheSize: number) {
  const verify = createTokenVerifier({ ...tokenVerifierOptionsFromEnv(), cacheSize });
  const broker = node(name, [verifiedCallerMiddleware(verify)]);
  const action = (call: CallName) => {
    const { contract, handler } = probes[call];
    const renamed: ActionContract = { ...contract, name: `${name}.${call}` };
    return contractAction(renamed, (params, user) => handler(params, user) as never);
  };
  broker.createService({
    name,
    actions: { listUnits: action('listUnits'), whoAmI: action('whoAmI') },
  });
  return broker;
}

// What every service ran before issue 15: the roles checked against the user the bus brought.
const trustingNode = node('trusting');
const trusting = (call: CallName) => ({
  handler: (ctx: Context<unknown, PortalMeta>) => {
    const { contract, handler } = probes[call];
    const user = assertAllowed(ctx.meta.user, contract);
    return handler(parseParams(contract.params, ctx.params), user);
  },
});
trustingNode.createService({
  name: 'trusting',
  actions: { listUnits: trusting('listUnits'), whoAmI: trusting('whoAmI') },
});
const nodes = [
  trustingNode,
  verifyingNode('verifying', 10_000),
  verifyingNode('verifyingAfresh', 0),
  node('caller'),
];
const caller = nodes[3]!;

const client = await createTestClient();
const admin = await createUser({ roles: ['admin'] });
try {
  // A slow run outlives a token (5 minutes): each measurement gets a fresh one, fetched and
  // first verified outside its timing.
  let token = await tokenFor(admin, client);
  const verifyToken = createTokenVerifier({ ...tokenVerifierOptionsFromEnv(), cacheSize: 0 });
  let { user } = await verifyToken(token);
  const freshToken = async () => {
    token = await tokenFor(admin, client);
    ({ user } = await verifyToken(token));
    await Promise.all(
      (['verifying', 'verifyingAfresh'] as const).map((name) =>
        caller.call(`${name}.whoAmI`, {}, { meta: { token } }),
      ),
    );
  };
  await Promise.all(nodes.map((n) => n.start()));
  await caller.waitForServices(['trusting', 'verifying', 'verifyingAfresh']);
  const variants = {
    trusting: (call: CallName) => () =>
      caller.call(`trusting.${call}`, probes[call].params, { meta: { user } }),
    verifying: (call: CallName) => () =>
      caller.call(`verifying.${call}`, probes[call].params, { meta: { token } }),
    verifyingAfresh: (call: CallName) => () =>
      caller.call(`verifyingAfresh.${call}`, probes[call].params, { meta: { token } }),
  };
  for (let i = 0; i < 100; i++)
    for (const variant of Object.values(variants))
      await Promise.all([variant('listUnits')(), variant('whoAmI')()]); // warm-up

  console.log(
    `over NATS: ${calls} calls per measurement, ${concurrency} at a time, ${rounds} rounds`,
  );
  for (const call of ['whoAmI', 'listUnits'] as const) {
    const ratios = { verifying: [] as number[], verifyingAfresh: [] as number[] };
    for (let round = 1; round <= rounds; round++) {
      await freshToken();
      const base = await measure(variants.trusting(call));
      show(`${call} r${round} trusting (baseline)`, base);
      for (const variant of ['verifying', 'verifyingAfresh'] as const) {
        await freshToken();
        const checked = await measure(variants[variant](call));
        show(`${call} r${round} ${variant}`, checked);
        ratios[variant].push(checked.perSecond / base.perSecond);
      }
    }
    for (const [variant, values] of Object.entries(ratios))
      console.log(
        `${call}: ${variant} / trusting throughput ${values.map((r) => r.toFixed(2)).join(', ')} ` +
          `(median ${median(values).toFixed(2)})`,
      );
  }

  // One verification alone, one at a time: the CPU a node spends on a call it receives.
  const timeOne = async (verify: typeof verifyToken, times: number) => {
    const started = performance.now();
    for (let i = 0; i < times; i++) await verify(token);
    return ((performance.now() - started) / times) * 1000;
  };
  const remembering = createTokenVerifier(tokenVerifierOptionsFromEnv());
  const afresh = await timeOne(verifyToken, 1000);
  const remembered = await timeOne(remembering, 100_000);
  console.log(
    `one verification alone: afresh ${afresh.toFixed(0)} µs, remembered ${remembered.toFixed(2)} µs ` +
      `(ratio ${(afresh / remembered).toFixed(0)}); a request through the gateway to one service ` +
      `verifies twice, each nested call once more`,
  );
} finally {
  await Promise.allSettled(nodes.map((n) => n.stop()));
  await db.close();
  await deleteUser(admin);
  await deleteTestClient(client);
}
