/**
 * Seeds the demo province through the accounts service on the bus (as a trusted node, the way
 * an import job would) and gives every demo account a freshly generated password.
 */
import { ServiceBroker } from 'moleculer';
import { demoAccounts, demoUnits, type DemoAccount } from './demo-data.ts';
import { ensureUser } from './keycloak-admin.ts';

const seeder = { id: 'seed', username: 'seed', roles: ['admin'], unit: null };

export async function seedUnits(natsUrl: string): Promise<number> {
  const broker = new ServiceBroker({
    namespace: process.env.PAR_NAMESPACE ?? 'par',
    nodeID: `seed-${process.pid}`,
    transporter: { type: 'NATS', options: { url: natsUrl } },
    logger: false,
  });
  await broker.start();
  try {
    await broker.waitForServices(['accounts'], 30_000);
    const call = <T>(action: string, params: object) =>
      broker.call<T, object>(action, params, { meta: { user: seeder } });
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

export async function seedAccounts(): Promise<Array<DemoAccount & { password: string }>> {
  const result = [];
  for (const account of demoAccounts) {
    const { password } = await ensureUser(account);
    result.push({ ...account, password });
  }
  return result;
}
