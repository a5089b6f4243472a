import { ServiceBroker } from 'moleculer';
import { accountsActions, type AuthUser } from '@par/contracts';
import { contractAction } from './contract-action';

describe('contractAction', () => {
  const broker = new ServiceBroker({ logger: false, transporter: null });
  const received: unknown[] = [];
  broker.createService({
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
  beforeAll(() => broker.start());
  afterAll(() => broker.stop());
  beforeEach(() => (received.length = 0));

  const admin: AuthUser = { id: 'a', username: 'admin', roles: ['admin'], unit: null };
  const officer: AuthUser = { id: 'b', username: 'officer', roles: ['data-entry'], unit: 'SNV' };
  const valid = { code: 'snv', name: 'Sở Nội vụ', kind: 'department' };

  it('runs the handler for an allowed role with parsed, normalised params', async () => {
    await broker.call('accounts.createUnit', valid, { meta: { user: admin } });
    expect(received).toEqual([
      expect.objectContaining({ code: 'SNV', name: 'Sở Nội vụ', parentId: null }),
    ]);
  });

  it('refuses a caller without the role before looking at the params', async () => {
    await expect(
      broker.call('accounts.createUnit', {}, { meta: { user: officer } }),
    ).rejects.toMatchObject({
      type: 'E_FORBIDDEN',
      code: 403,
    });
    expect(received).toEqual([]);
  });

  it('refuses a call without a verified user', async () => {
    await expect(broker.call('accounts.createUnit', valid)).rejects.toMatchObject({
      type: 'E_UNAUTHENTICATED',
    });
  });

  it('names every bad field, and writes nothing', async () => {
    const err = await broker
      .call(
        'accounts.createUnit',
        { code: 'mã có dấu', name: 'X', kind: 'village' },
        { meta: { user: admin } },
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
