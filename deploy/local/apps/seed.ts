/**
 * Seeds the demo province through the accounts service on the bus, as the service principal
 * `seed` (the `par-seed` client's own token, the way an import job would), and gives every demo
 * account a freshly generated password.
 */
import { ServiceBroker } from 'moleculer';
import { yearInVietnam } from '@par/contracts';
import { createServicePrincipal } from '@par/service-kit/service-principal';
import { loadSecrets, natsCredentials } from './apps.ts';
import {
  demoAccounts,
  demoCriteriaNodes,
  demoPeriodName,
  demoUnits,
  type DemoAccount,
} from './demo-data.ts';
import { ensureUser, issuer } from './keycloak-admin.ts';

/** The seed job's principal, from the `par-seed` client's secret in the run dir's secrets. */
export function seedPrincipal() {
  return createServicePrincipal({
    service: 'seed',
    tokenUrl: `${issuer()}/protocol/openid-connect/token`,
    clientSecret: loadSecrets().PAR_SEED_CLIENT_SECRET ?? '',
  });
}

/**
 * A node of the seed job, as the NATS user `seed`, whose subscriptions are bound to node ids
 * `seed.*` and whose calls must go through NATS's balancer (deploy/nats/README.md).
 */
function seedBroker(natsUrl: string, name: string): ServiceBroker {
  return new ServiceBroker({
    namespace: process.env.PAR_NAMESPACE ?? 'par',
    nodeID: `seed.${name}-${process.pid}`,
    transporter: { type: 'NATS', options: { ...natsCredentials('seed'), servers: natsUrl } },
    disableBalancer: true,
    logger: false,
  });
}

export async function seedUnits(natsUrl: string, principal = seedPrincipal()): Promise<number> {
  const broker = seedBroker(natsUrl, 'units');
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

const DAY = 24 * 3_600_000;

/**
 * A period of this year in its self-assessment phase (30 days from now), with the small demo
 * set for both groups, so a demo officer (`demo.nhaplieu`, `demo.xa`) can fill it and
 * `demo.lanhdao` submit it. Set-up ended a minute ago: the assessment service's scheduler opens
 * the self-assessment on its next pass. Made once per year; returns the period's id, or null
 * when it was there already.
 */
export async function seedDemoPeriod(
  natsUrl: string,
  principal = seedPrincipal(),
  now = new Date(),
): Promise<string | null> {
  const broker = seedBroker(natsUrl, 'period');
  await broker.start();
  try {
    await broker.waitForServices(['accounts', 'assessment'], 30_000);
    const call = async <T>(action: string, params: object) =>
      broker.call<T, object>(action, params, { meta: await principal.meta() });
    const year = yearInVietnam(now);
    const periods = await call<{ items: { id: string; name: string }[] }>(
      'assessment.listPeriods',
      { year, limit: 100 },
    );
    if (periods.items.some((p) => p.name === demoPeriodName(year))) return null;

    await call('assessment.createIndex', {
      code: 'PAR',
      name: 'Chỉ số cải cách hành chính (PAR Index)',
    }).catch((err: { type?: string }) => {
      if (err.type !== 'E_CONFLICT') throw err; // made by an earlier run or by an admin
    });
    const criteriaSets = [];
    for (const unitGroup of ['so-nganh', 'xa-phuong']) {
      const name = `Bộ tiêu chí mẫu ${unitGroup === 'so-nganh' ? 'sở, ngành' : 'xã, phường'} ${year}`;
      // Ours from an earlier run that stopped half-way; a set an admin made is left alone.
      const existing = await call<{ items: { id: string; name: string; valid: boolean }[] }>(
        'assessment.listCriteriaSets',
        { indexCode: 'PAR', year, unitGroup },
      );
      const set =
        existing.items.find((s) => s.name === name && s.valid) ??
        (await call<{ id: string }>('assessment.createCriteriaSet', {
          indexCode: 'PAR',
          year,
          unitGroup,
          name,
          nodes: demoCriteriaNodes,
        }));
      criteriaSets.push({ unitGroup, criteriaSetId: set.id });
    }
    const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
    const phases = [
      { phase: 'setup', startsAt: at(-DAY), endsAt: at(-60_000) },
      { phase: 'selfAssessment', startsAt: at(-60_000), endsAt: at(30 * DAY) },
      { phase: 'appraisalRound1', startsAt: at(30 * DAY), endsAt: at(40 * DAY) },
      { phase: 'clarification', startsAt: at(40 * DAY), endsAt: at(45 * DAY) },
      { phase: 'appraisalRound2', startsAt: at(45 * DAY), endsAt: at(55 * DAY) },
      { phase: 'consolidation', startsAt: at(55 * DAY), endsAt: at(60 * DAY) },
      { phase: 'published', startsAt: at(60 * DAY), endsAt: null },
    ];
    const period = await call<{ id: string }>('assessment.createPeriod', {
      indexCode: 'PAR',
      year,
      name: demoPeriodName(year),
      criteriaSets,
      phases,
    });
    return period.id;
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
