/**
 * Service principals against the real Keycloak, gateway and services: a principal gets its own
 * client's token and reuses it until shortly before it expires; it may call only the actions
 * whose contract names it (403 otherwise, on the bus and through the gateway); a person's
 * token, even with the `service` role or a forged `service` claim, never passes as a service.
 */
import { ServiceBroker } from 'moleculer';
import { loadSecrets, natsCredentials } from '../../../../deploy/local/apps/apps.ts';
import { adminApi, issuer } from '../../../../deploy/local/apps/keycloak-admin.ts';
import { callApi as call } from '../../../../test/support/api';
import { serviceAccountOf, tokenFor } from '../../../../test/support/keycloak';
import { openPortal, type Portal } from '../../../../test/support/portal-fixture';
import { createTokenVerifier } from '../../src/token-verifier';
import { createServicePrincipal, type ServicePrincipal } from '../../src/service-principal';

const tokenUrl = () => `${issuer()}/protocol/openid-connect/token`;

describe('service principals', () => {
  let portal: Portal<'admin' | 'adminWithServiceRole'> | undefined;
  let bus: ServiceBroker;
  let assessment: ServicePrincipal;
  let seed: ServicePrincipal;

  /** What the gateway makes of a token: the same verifier, against the realm's real keys. */
  const verify = (token: string) =>
    createTokenVerifier({
      issuer: issuer(),
      jwksUrl: `${issuer()}/protocol/openid-connect/certs`,
      audience: 'par-api',
      clientId: 'par-portal',
    })(token);

  /** Calls the scheduler's action from a node of its own on the bus, as the given caller. */
  const movePeriodsDue = (meta: object) => bus.call('assessment.movePeriodsDue', {}, { meta });

  beforeAll(async () => {
    portal = await openPortal({
      apps: ['gateway', 'accounts', 'assessment'],
      users: {
        admin: { roles: ['admin'] },
        // As if a console admin gave a person the services' role by mistake.
        adminWithServiceRole: { roles: ['admin', 'service'] },
      },
      routes: ['accounts', 'assessment'],
    });
    const secrets = loadSecrets();
    assessment = createServicePrincipal({
      service: 'assessment',
      tokenUrl: tokenUrl(),
      clientSecret: secrets.PAR_ASSESSMENT_CLIENT_SECRET ?? '',
    });
    seed = createServicePrincipal({
      service: 'seed',
      tokenUrl: tokenUrl(),
      clientSecret: secrets.PAR_SEED_CLIENT_SECRET ?? '',
    });
    bus = new ServiceBroker({
      namespace: process.env.PAR_NAMESPACE ?? 'par',
      nodeID: `service-principal-test-${process.pid}`,
      transporter: { type: 'NATS', options: natsCredentials('tests') },
      logger: false,
    });
    await bus.start();
    await bus.waitForServices(['assessment', 'accounts'], 30_000);
  });

  afterAll(async () => {
    await bus?.stop();
    // Also deletes the test client, forged mapper and all.
    await portal?.close();
  });

  it("names the service's own Keycloak account and reuses its token", async () => {
    const account = await serviceAccountOf('par-assessment');
    const first = await assessment.meta();
    expect(first.user).toEqual({
      id: account.id,
      username: 'service-account-par-assessment',
      roles: expect.arrayContaining(['service']),
      unit: null,
      service: 'assessment',
    });
    expect(first.user.roles).not.toContain('admin');
    expect((await assessment.meta()).token).toBe(first.token);
  });

  it('fetches a new token shortly before the old one expires, not earlier', async () => {
    // The realm's tokens live 300 s; the principal renews 30 s before the end.
    let clock = Date.now();
    const principal = createServicePrincipal({
      service: 'seed',
      tokenUrl: tokenUrl(),
      clientSecret: loadSecrets().PAR_SEED_CLIENT_SECRET ?? '',
      now: () => clock,
    });
    const first = (await principal.meta()).token;
    clock += 260_000;
    expect((await principal.meta()).token).toBe(first);
    clock += 15_000;
    const second = (await principal.meta()).token;
    expect(second).not.toBe(first);
    expect((await verify(second)).user.service).toBe('seed');
  });

  it('says which client Keycloak refused when the secret is wrong', async () => {
    const wrong = createServicePrincipal({
      service: 'seed',
      tokenUrl: tokenUrl(),
      clientSecret: 'not-the-secret',
    });
    await expect(wrong.meta()).rejects.toThrow(/no token for par-seed: HTTP 401/);
  });

  it('lets a principal call the actions whose contract names it', async () => {
    // The seed loads units: accounts.listUnits names it, on the bus and through the gateway.
    const meta = await seed.meta();
    await expect(bus.call('accounts.listUnits', { limit: 1 }, { meta })).resolves.toMatchObject({
      total: expect.any(Number),
    });
    expect((await call('/units?limit=1', { token: meta.token })).status).toBe(200);
    await expect(movePeriodsDue(await assessment.meta())).resolves.toEqual({
      moves: expect.any(Number),
    });
  });

  it('refuses a principal, with 403, every action whose contract does not name it', async () => {
    const seedToken = (await seed.meta()).token;
    const assessmentToken = (await assessment.meta()).token;
    // Written by hand: which principal calls which route, and none of them names it.
    const refused: Array<[string, string, string]> = [
      ['seed', seedToken, '/criteria-set-templates'],
      ['seed', seedToken, '/me'],
      ['assessment', assessmentToken, '/accounts'],
      ['assessment', assessmentToken, '/periods'],
    ];
    for (const [who, token, path] of refused) {
      const res = await call(path, { token });
      expect({ who, path, status: res.status, code: res.body?.error?.code }).toEqual({
        who,
        path,
        status: 403,
        code: 'E_FORBIDDEN',
      });
    }
    await expect(movePeriodsDue(await seed.meta())).rejects.toMatchObject({
      type: 'E_FORBIDDEN',
    });
  });

  it("does not let a person's token pass as a service", async () => {
    const { admin, adminWithServiceRole } = portal!.tokens;
    for (const token of [admin, adminWithServiceRole]) {
      const { user } = await verify(token);
      expect(user.service).toBeUndefined();
      await expect(movePeriodsDue({ user, token })).rejects.toMatchObject({ type: 'E_FORBIDDEN' });
    }

    // A client that stamps `service: assessment` on a person's token: issued to the wrong client.
    const forging = portal!.client;
    const [client] = await adminApi<{ id: string }[]>(
      'GET',
      `/clients?clientId=${forging.clientId}`,
    );
    await adminApi('POST', `/clients/${client!.id}/protocol-mappers/models`, {
      name: 'forged service',
      protocol: 'openid-connect',
      protocolMapper: 'oidc-hardcoded-claim-mapper',
      config: {
        'claim.name': 'service',
        'claim.value': 'assessment',
        'jsonType.label': 'String',
        'access.token.claim': 'true',
      },
    });
    const forged = await tokenFor(portal!.users.adminWithServiceRole, forging);
    const claims = JSON.parse(Buffer.from(forged.split('.')[1]!, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({
      service: 'assessment',
      realm_access: { roles: expect.arrayContaining(['service']) },
    });
    const { user } = await verify(forged);
    expect(user.service).toBeUndefined();
    await expect(movePeriodsDue({ user, token: forged })).rejects.toMatchObject({
      type: 'E_FORBIDDEN',
    });
  });
});
