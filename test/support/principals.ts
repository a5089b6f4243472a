/**
 * A service principal's call metadata for tests that call a bus-only action as a service would:
 * a real client-credentials token of `par-<service>` from the local Keycloak, with its secret
 * from the run dir's secrets.
 */
import type { ServicePrincipalName } from '@par/contracts';
import { loadSecrets } from '../../deploy/local/apps/apps.ts';
import { issuer } from '../../deploy/local/apps/keycloak-admin.ts';
import {
  createServicePrincipal,
  type ServicePrincipalMeta,
} from '../../packages/service-kit/src/service-principal';

export function principalMeta(service: ServicePrincipalName): Promise<ServicePrincipalMeta> {
  const secret = loadSecrets()[`PAR_${service.toUpperCase()}_CLIENT_SECRET`] ?? '';
  return createServicePrincipal({
    service,
    tokenUrl: `${issuer()}/protocol/openid-connect/token`,
    clientSecret: secret,
  }).meta();
}
