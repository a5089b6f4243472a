/** The portal's deployable back-end services (each a Moleculer node with its own database). */
export const serviceNames = [
  'accounts',
  'assessment',
  'appraisal',
  'ranking',
  'evidence',
  'survey',
] as const;
export type ServiceName = (typeof serviceNames)[number];

/**
 * Who may act on its own, with a client-credentials token of its Keycloak client `par-<name>`
 * (see `servicePrincipalClientId`): a service (its scheduler, its event consumers), the gateway
 * (loading token revocations, which no user asks for) or `seed`, the ops job that loads initial
 * or demo data.
 */
export const servicePrincipalNames = [...serviceNames, 'gateway', 'seed'] as const;
export type ServicePrincipalName = (typeof servicePrincipalNames)[number];

/** The realm role every service principal's account holds, and no person. */
export const serviceRole = 'service';

/** The confidential Keycloak client a service principal gets its tokens from. */
export function servicePrincipalClientId(name: ServicePrincipalName): string {
  return `par-${name}`;
}
