/** Who is calling: the roles Keycloak issues and the user the gateway derives from a verified token. */
import { z } from 'zod';

export const realmRoles = ['data-entry', 'appraisal', 'admin'] as const;
export type RealmRole = (typeof realmRoles)[number];

/** Client role of the portal client: a unit leader who approves and submits. */
export const unitApproverRole = 'unit-approver';

export const AuthUser = z.object({
  id: z.string(),
  username: z.string(),
  /** Realm roles plus the portal client's roles (e.g. `unit-approver`). */
  roles: z.array(z.string()),
  /** The unit code from the token's `unit` claim; null for accounts bound to no unit. */
  unit: z.string().nullable(),
});
export type AuthUser = z.infer<typeof AuthUser>;
