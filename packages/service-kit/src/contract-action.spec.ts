import { ServiceBroker } from 'moleculer';
import { accountsActions } from '@par/contracts';
import { startLocalIssuer, type LocalIssuer } from '../test/local-issuer';
import { contractAction } from './contract-action';
import { createTokenVerifier } from './token-verifier';
import { verifiedCallerMiddleware } from './verified-caller';

describe('contractAction', () => {
  let realm: LocalIssuer;
  let broker: ServiceBroker;
  const received: unknown[] = [];
  /** `ctx.meta` of a call by a person with these realm roles (the token the gateway forwards). */
  let admin: { token: string };
  let officer: { token: string };

  /** The accounts service's createUnit, recording the params its handler receives. */
  const createService = (node: ServiceBroker) =>
    node.createService({
      name: 'accounts',
      actions: {
        createUnit: contractAction(accountsActions.createUnit, async (params) => {
          received.push(params);
          return {
            ...params,
            id: 'x',
            activeTo: null,
            active: true,
            deactivationReason: null,
            names: [{ fromYear: null, name: params.name, shortName: params.shortName }],
            predecessors: [],
            successors: [],
            version: 0,
            createdAt: '2026-01-01T00:00:00Z',
            updatedAt: '2026-01-01T00:00:00Z',
          };
        }),
      },
    });

  beforeAll(async () => {
    realm = await startLocalIssuer();
    admin = { token: await realm.sign({ realm_access: { roles: ['admin'] } }) };
    officer = { token: await realm.sign({ realm_access: { roles: ['data-entry'] } }) };
    broker = new ServiceBroker({
      logger: false,
      transporter: null,
      middlewares: [
        verifiedCallerMiddleware(
          createTokenVerifier({
            issuer: realm.issuer,
            jwksUrl: realm.jwksUrl,
            audience: 'par-api',
            clientId: 'par-portal',
          }),
        ),
      ],
    });
    createService(broker);
    await broker.start();
  });
  afterAll(async () => {
    await broker.stop();
    await realm.close();
  });
  beforeEach(() => (received.length = 0));

  const valid = { code: 'snv', name: 'Sở Nội vụ', kind: 'department' };

  it('runs the handler for an allowed role with parsed, normalised params', async () => {
    await broker.call('accounts.createUnit', valid, { meta: admin });
    expect(received).toEqual([
      expect.objectContaining({ code: 'SNV', name: 'Sở Nội vụ', parentId: null }),
    ]);
  });

  it('refuses a caller without the role before looking at the params', async () => {
    await expect(broker.call('accounts.createUnit', {}, { meta: officer })).rejects.toMatchObject({
      type: 'E_FORBIDDEN',
      code: 403,
    });
    expect(received).toEqual([]);
  });

  it('refuses a call without a token', async () => {
    await expect(broker.call('accounts.createUnit', valid)).rejects.toMatchObject({
      type: 'E_UNAUTHENTICATED',
    });
  });

  it('names every bad field, and writes nothing', async () => {
    const err = await broker
      .call(
        'accounts.createUnit',
        { code: 'mã có dấu', name: 'X', kind: 'village' },
        { meta: admin },
      )
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ type: 'E_VALIDATION', code: 422 });
    const fields = (err as { data: { fields: { field: string; key?: string }[] } }).data.fields;
    expect(fields).toEqual([
      { field: 'code', key: 'unit.code.format' },
      { field: 'name', key: 'unit.name.length' },
      { field: 'kind', key: 'unit.kind.invalid' },
    ]);
    expect(received).toEqual([]);
  });
});
