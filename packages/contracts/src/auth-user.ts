/** The portal user the gateway derives from a verified token, as a schema (`auth.ts` reads it). */
import { z } from 'zod';
import { servicePrincipalNames } from './services';

export const AuthUser = z.object({
  id: z.string(),
  username: z.string(),
  /** Realm roles plus the portal client's roles (e.g. `unit-approver`). */
  roles: z.array(z.string()),
  /** The unit code from the token's `unit` claim; null for accounts bound to no unit. */
  unit: z.string().nullable(),
  /**
   * Set only for a service principal (a client-credentials token of `par-<service>`): the
   * service acting on its own. A person's token never has it.
   */
  service: z.enum(servicePrincipalNames).optional(),
});
export type AuthUser = z.infer<typeof AuthUser>;
