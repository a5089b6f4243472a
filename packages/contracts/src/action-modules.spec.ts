import { readdirSync } from 'node:fs';
import { actionModules, actionsOf, allActions, isActionContract } from './action-modules';
import * as contracts from './index';
import { restActions } from './routes';

/** The contract modules on disk: every `*.actions.ts` beside this file. */
const moduleFiles = readdirSync(__dirname)
  .filter((file) => file.endsWith('.actions.ts'))
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();

describe('the contract modules', () => {
  it('names every *.actions.ts module of the package, and no other', () => {
    expect(moduleFiles.length).toBeGreaterThan(5);
    expect(Object.keys(actionModules).sort()).toEqual(moduleFiles);
  });

  it.each(moduleFiles)('%s exports its actions as records of contracts', (file) => {
    const module = actionModules[file]!;
    expect(actionsOf(module).length).toBeGreaterThan(0);
    // A contract exported alone would be missed: contracts live in the module's records.
    const loose = Object.entries(module).filter(([, value]) => isActionContract(value));
    expect(loose.map(([name]) => name)).toEqual([]);
  });

  it.each(moduleFiles)('%s is exported from the package index as it is', (file) => {
    const module = actionModules[file]!;
    const index = contracts as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      expect({ name, same: index[name] === value }).toEqual({ name, same: true });
    }
  });

  it('gives every action its own name and every route its own method and path', () => {
    const names = allActions.map((action) => action.name);
    expect(new Set(names).size).toBe(names.length);
    const routes = restActions.map((action) => `${action.rest!.method} ${action.rest!.path}`);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('lists every action with a route as a REST action, and only those', () => {
    expect(restActions).toEqual(allActions.filter((action) => action.rest));
    expect(restActions.length).toBeGreaterThan(40);
  });

  it('names each action after the service whose module defines it', () => {
    for (const [file, module] of Object.entries(actionModules)) {
      const service = file.split('.')[0];
      for (const action of actionsOf(module)) expect(action.name).toMatch(`${service}.`);
    }
  });

  // The gateway matches a request against the routes in this order, the first match winning:
  // a route with a parameter must not come before a literal route it would swallow.
  it('lets no route with a parameter swallow a later literal route', () => {
    const segments = (path: string) => path.split('/').filter(Boolean);
    const swallows = (earlier: string[], later: string[]) =>
      earlier.length === later.length &&
      earlier.every((part, i) => part === later[i] || part.startsWith(':'));
    const shadowed = restActions.flatMap((later, j) =>
      restActions
        .slice(0, j)
        .filter(
          (earlier) =>
            earlier.rest!.method === later.rest!.method &&
            swallows(segments(earlier.rest!.path), segments(later.rest!.path)),
        )
        .map((earlier) => `${later.name} behind ${earlier.name}`),
    );
    expect(shadowed).toEqual([]);
  });
});
