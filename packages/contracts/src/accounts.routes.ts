/**
 * The routes of the accounts actions every page's header calls (`accounts.actions.ts`) apart
 * from their schemas, like `rankingPublicRoutes`: the shell calls them by these, typed by their
 * contracts, so the shell's first load carries no zod.
 */
import type { ActionRoute } from './action';

export const accountsRoutes = {
  getOwnUnit: { method: 'GET', path: '/me/unit' },
} as const satisfies Record<string, ActionRoute>;
