/** Actions the gateway answers itself. */
import { z } from 'zod';
import { defineAction } from './action';
import { AuthUser } from './auth';

export const gatewayActions = {
  me: defineAction({
    name: 'gateway.me',
    summary: 'The calling user, as the verified token says',
    params: z.object({}),
    result: AuthUser,
    roles: 'authenticated',
    rest: { method: 'GET', path: '/me' },
  }),
};
