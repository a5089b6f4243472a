/**
 * Seeds the demo province through the accounts service on the bus, as the service principal
 * `seed` (the `par-seed` client's own token, the way an import job would), and gives every demo
 * account a freshly generated password.
 */
import { ServiceBroker } from 'moleculer';
import { createServicePrincipal } from '@par/service-kit/service-principal';
import { loadSecrets, natsCredentials } from './apps.ts';
import { demoAccounts, demoUnits, type DemoAccount } from './demo-data.ts';
import { ensureUser, issuer } from './keycloak-admin.ts';

/** The seed job's principal, from the `par-seed` client's secret in the run dir's secrets. */
export function seedPrincipal() {
  return createServicePrincipal({
    service: 'seed',
    tokenUrl: `${issuer()}/protocol/openid-connect/token`,
    clientSecret: loadSecrets().PAR_SEED_CLIENT_SECRET ?? '',
  });
}

export async function seedUnits(natsUrl: string, principal = seedPrincipal()): Promise<number> {
  // As the NATS user `seed`, whose subscriptions are bound to node ids `seed.*` and whose calls
  // must go through NATS's balancer (deploy/nats/README.md).
  const broker = new ServiceBroker({
    namespace: process.env.PAR_NAMESPACE ?? 'par',
    nodeID: `seed.${process.pid}`,
    transporter: { type: 'NATS', options: { ...natsCredentials('seed'), servers: natsUrl } },
    disableBalancer: true,
    logger: false,
  });
  await broker.start();
  try {
    await broker.waitForServices(['accounts'], 30_000);
    const call = async <T>(action: string, params: object) =>
      broker.call<T, object>(action, params, { meta: await principal.meta() });
    const existing = await call<{ items: { id: string; code: string }[] }>('accounts.listUnits', {
      limit: 1000,
    });
    const ids = new Map(existing.items.map((u) => [u.code, u.id]));
    let created = 0;
    for (const unit of demoUnits) {
      if (ids.has(unit.code)) continue;
      const { parent, ...fields } = unit;
      const saved = await call<{ id: string }>('accounts.createUnit', {
        ...fields,
        parentId: parent ? ids.get(parent) : null,
      });
      ids.set(unit.code, saved.id);
      created++;
    }
    return created;
  } finally {
    await broker.stop();
  }
}

/**
 * The demo accounts with fresh passwords; an admin made now also gets a TOTP secret (the realm
 * asks admins for a code), shown once: an existing one keeps the authenticator set up before.
 */
export async function seedAccounts(): Promise<
  Array<DemoAccount & { password: string; totpSecret?: string }>
> {
  const result = [];
  for (const account of demoAccounts) {
    const { password, totpSecret } = await ensureUser(account);
    result.push({ ...account, password, ...(totpSecret ? { totpSecret } : {}) });
  }
  return result;
}
