import { allActions, restActions } from '@par/contracts';
import { gatewayConfig } from './config';
import { gatewayService } from './gateway.service';

describe('the gateway route table', () => {
  const schema = gatewayService(gatewayConfig({}), {
    verifyToken: () => Promise.reject(new Error('unused')),
  });
  const routes = (
    schema.settings as {
      routes: {
        name: string;
        aliases: Record<string, string>;
        authentication?: boolean;
        authorization?: boolean;
      }[];
    }
  ).routes;
  const authenticated = Object.assign(
    {},
    ...routes.filter((r) => r.name.startsWith('api')).map((r) => r.aliases),
  ) as Record<string, string>;
  const loginFree = routes.filter((r) => r.name.startsWith('public-'));
  const routeOf = (action: (typeof restActions)[number]) =>
    [`${action.rest!.method} ${action.rest!.path}`, action.name] as const;

  it('routes every REST action of every contract module to its action, and nothing else', () => {
    const expected = Object.fromEntries(
      allActions.filter((action) => action.rest && !action.rest.public).map(routeOf),
    );
    expect(authenticated).toEqual(expected);
    const publicAliases = Object.assign({}, ...loginFree.map((r) => r.aliases)) as object;
    expect(Object.keys(authenticated).length + Object.keys(publicAliases).length).toBe(
      restActions.length,
    );
  });

  it('routes the login-free actions, and only those, without authentication', () => {
    const expected = Object.fromEntries(
      allActions.filter((action) => action.rest?.public).map(routeOf),
    );
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    expect(Object.assign({}, ...loginFree.map((r) => r.aliases))).toEqual(expected);
    for (const route of loginFree)
      expect(route).toMatchObject({ authentication: false, authorization: false });
    // Such a contract lets in the gateway's own principal alone, which calls it for the visitor.
    for (const action of allActions.filter((a) => a.rest?.public))
      expect({ name: action.name, roles: action.roles, services: action.services }).toEqual({
        name: action.name,
        roles: [],
        services: ['gateway'],
      });
  });

  it('gives a route with its own body limit a route group of that limit', () => {
    for (const action of restActions.filter((a) => a.rest!.bodyLimit)) {
      const group = routes.find((r) => r.aliases[`${action.rest!.method} ${action.rest!.path}`]);
      expect({ action: action.name, group: group?.name }).toEqual({
        action: action.name,
        group: `${action.rest!.public ? 'public' : 'api'}-${action.rest!.bodyLimit}`,
      });
    }
  });

  it('leaves only the OpenAPI document public', () => {
    expect(routes.find((r) => r.name === 'public')?.aliases).toEqual({
      'GET /openapi.json': 'gateway.openapi',
    });
  });
});
