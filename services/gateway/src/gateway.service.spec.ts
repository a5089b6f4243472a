import { allActions, restActions } from '@par/contracts';
import { gatewayConfig } from './config';
import { gatewayService } from './gateway.service';

describe('the gateway route table', () => {
  const schema = gatewayService(gatewayConfig({}), {
    verifyToken: () => Promise.reject(new Error('unused')),
  });
  const routes = (
    schema.settings as { routes: { name: string; aliases: Record<string, string> }[] }
  ).routes;
  const authenticated = Object.assign(
    {},
    ...routes.filter((r) => r.name !== 'public').map((r) => r.aliases),
  ) as Record<string, string>;

  it('routes every REST action of every contract module to its action, and nothing else', () => {
    const expected = Object.fromEntries(
      allActions
        .filter((action) => action.rest)
        .map((action) => [`${action.rest!.method} ${action.rest!.path}`, action.name]),
    );
    expect(authenticated).toEqual(expected);
    expect(Object.keys(authenticated)).toHaveLength(restActions.length);
  });

  it('gives a route with its own body limit a route group of that limit', () => {
    for (const action of restActions.filter((a) => a.rest!.bodyLimit)) {
      const group = routes.find((r) => r.aliases[`${action.rest!.method} ${action.rest!.path}`]);
      expect({ action: action.name, group: group?.name }).toEqual({
        action: action.name,
        group: `api-${action.rest!.bodyLimit}`,
      });
    }
  });

  it('leaves only the OpenAPI document public', () => {
    expect(routes.find((r) => r.name === 'public')?.aliases).toEqual({
      'GET /openapi.json': 'gateway.openapi',
    });
  });
});
