import { ServiceBroker } from 'moleculer';
import { z } from 'zod';
import { AuthUser, defineAction } from '@par/contracts';
import { startLocalIssuer, type LocalIssuer } from '../test/local-issuer';
import { contractAction } from './contract-action';
import { createTokenVerifier } from './token-verifier';
import { verifiedCallerMiddleware } from './verified-caller';

/** Two contracts of a test service: one for admins, one that calls the other (a nested call). */
const whoAmI = defineAction({
  name: 'probe.whoAmI',
  summary: 'The caller, as the node verified it',
  params: z.object({}),
  result: AuthUser,
  roles: ['admin'],
});
const askAgain = defineAction({
  name: 'probe.askAgain',
  summary: 'Calls probe.whoAmI from inside an action',
  params: z.object({}),
  result: AuthUser,
  roles: 'authenticated',
});

const probe = {
  name: 'probe',
  actions: {
    whoAmI: contractAction(whoAmI, async (_params, user) => user),
    askAgain: contractAction(askAgain, (_params, _user, ctx) => ctx.call<AuthUser>(whoAmI.name)),
  },
};

describe('the caller verified by the node that runs the action', () => {
  let realm: LocalIssuer;
  let broker: ServiceBroker;
  let unguarded: ServiceBroker;
  const forgedAdmin: AuthUser = { id: 'x', username: 'mallory', roles: ['admin'], unit: null };

  beforeAll(async () => {
    realm = await startLocalIssuer();
    const verify = createTokenVerifier({
      issuer: realm.issuer,
      jwksUrl: realm.jwksUrl,
      audience: 'par-api',
      clientId: 'par-portal',
    });
    broker = new ServiceBroker({
      logger: false,
      transporter: null,
      middlewares: [verifiedCallerMiddleware(verify)],
    });
    broker.createService(probe);
    // A node someone started without the middleware: its contract actions must refuse all.
    unguarded = new ServiceBroker({ logger: false, transporter: null, nodeID: 'unguarded' });
    unguarded.createService(probe);
    await Promise.all([broker.start(), unguarded.start()]);
  });
  afterAll(async () => {
    await Promise.all([broker.stop(), unguarded.stop()]);
    await realm.close();
  });

  it('refuses a forged user without a token with 401', async () => {
    await expect(
      broker.call(whoAmI.name, {}, { meta: { user: forgedAdmin } }),
    ).rejects.toMatchObject({ type: 'E_UNAUTHENTICATED', code: 401 });
  });

  it('refuses a forged user beside a token that does not verify', async () => {
    const token = (await realm.sign({ realm_access: { roles: ['admin'] } })).slice(0, -4) + 'AAAA';
    await expect(
      broker.call(whoAmI.name, {}, { meta: { user: forgedAdmin, token } }),
    ).rejects.toMatchObject({ type: 'E_UNAUTHENTICATED' });
  });

  it('takes the caller from the token, not from the user sent beside it', async () => {
    const officer = await realm.sign(); // data-entry at SNV
    await expect(
      broker.call(whoAmI.name, {}, { meta: { user: forgedAdmin, token: officer } }),
    ).rejects.toMatchObject({ type: 'E_FORBIDDEN', code: 403 });
    const admin = await realm.sign({ sub: 'a-1', realm_access: { roles: ['admin'] } });
    await expect(
      broker.call(whoAmI.name, {}, { meta: { user: forgedAdmin, token: admin } }),
    ).resolves.toEqual({ id: 'a-1', username: 'lan.nguyen', roles: ['admin'], unit: 'SNV' });
  });

  it("carries the caller's token into a call made from inside an action", async () => {
    const officer = await realm.sign();
    // The officer may call askAgain, but the nested whoAmI is verified as the officer: 403.
    await expect(
      broker.call(askAgain.name, {}, { meta: { token: officer } }),
    ).rejects.toMatchObject({ type: 'E_FORBIDDEN' });
    const admin = await realm.sign({ sub: 'a-1', realm_access: { roles: ['admin'] } });
    await expect(broker.call(askAgain.name, {}, { meta: { token: admin } })).resolves.toMatchObject(
      { id: 'a-1', roles: ['admin'] },
    );
  });

  it('refuses every caller on a node without the middleware, token or not', async () => {
    const admin = await realm.sign({ realm_access: { roles: ['admin'] } });
    await expect(
      unguarded.call(whoAmI.name, {}, { meta: { user: forgedAdmin, token: admin } }),
    ).rejects.toMatchObject({ type: 'E_UNAUTHENTICATED' });
  });
});
