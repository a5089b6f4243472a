/**
 * Gateway settings, each from the environment; the token settings (`PAR_KEYCLOAK_URL`,
 * `PAR_KEYCLOAK_REALM`, `PAR_KEYCLOAK_JWKS_URL`, `PAR_KEYCLOAK_CLIENT_ID`, `PAR_API_AUDIENCE`)
 * are every node's, see `tokenVerifierOptionsFromEnv` in the service kit.
 *
 * | variable                | default                          | meaning                                 |
 * | ----------------------- | -------------------------------- | --------------------------------------- |
 * | PAR_GATEWAY_PORT        | 3000                             | REST port (routes under /api)           |
 * | PAR_CORS_ORIGINS        | $PAR_SHELL_URL                   | comma-separated origins of the frontends |
 * | PAR_BODY_LIMIT          | 256kb                            | largest JSON body accepted              |
 *
 * A route may raise its own limit in its contract (`rest.bodyLimit`, e.g. the units import).
 */
import { tokenVerifierOptionsFromEnv, type TokenVerifierOptions } from '@par/service-kit';

export interface GatewayConfig extends TokenVerifierOptions {
  port: number;
  corsOrigins: string[];
  bodyLimit: string;
}

export function gatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return {
    ...tokenVerifierOptionsFromEnv(env),
    port: Number(env.PAR_GATEWAY_PORT ?? 3000),
    corsOrigins: (env.PAR_CORS_ORIGINS ?? env.PAR_SHELL_URL ?? 'http://localhost:4100')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    bodyLimit: env.PAR_BODY_LIMIT ?? '256kb',
  };
}
