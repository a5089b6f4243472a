/**
 * Gateway settings, each from the environment.
 *
 * | variable                | default                          | meaning                                 |
 * | ----------------------- | -------------------------------- | --------------------------------------- |
 * | PAR_GATEWAY_PORT        | 3000                             | REST port (routes under /api)           |
 * | PAR_KEYCLOAK_URL        | http://localhost:8080            | Keycloak as browsers see it (issuer)    |
 * | PAR_KEYCLOAK_REALM      | par-portal                       | the realm                               |
 * | PAR_KEYCLOAK_JWKS_URL   | <issuer>/protocol/openid-connect/certs | where keys are fetched (may be internal) |
 * | PAR_KEYCLOAK_CLIENT_ID  | par-portal                       | client whose roles (unit-approver) count |
 * | PAR_API_AUDIENCE        | par-api                          | required `aud` of access tokens         |
 * | PAR_CORS_ORIGINS        | $PAR_SHELL_URL                   | comma-separated origins of the frontends |
 * | PAR_BODY_LIMIT          | 256kb                            | largest JSON body accepted              |
 *
 * A route may raise its own limit in its contract (`rest.bodyLimit`, e.g. the units import).
 */
export interface GatewayConfig {
  port: number;
  issuer: string;
  jwksUrl: string;
  clientId: string;
  audience: string;
  corsOrigins: string[];
  bodyLimit: string;
}

export function gatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const issuer = `${env.PAR_KEYCLOAK_URL ?? 'http://localhost:8080'}/realms/${
    env.PAR_KEYCLOAK_REALM ?? 'par-portal'
  }`;
  return {
    port: Number(env.PAR_GATEWAY_PORT ?? 3000),
    issuer,
    jwksUrl: env.PAR_KEYCLOAK_JWKS_URL ?? `${issuer}/protocol/openid-connect/certs`,
    clientId: env.PAR_KEYCLOAK_CLIENT_ID ?? 'par-portal',
    audience: env.PAR_API_AUDIENCE ?? 'par-api',
    corsOrigins: (env.PAR_CORS_ORIGINS ?? env.PAR_SHELL_URL ?? 'http://localhost:4100')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    bodyLimit: env.PAR_BODY_LIMIT ?? '256kb',
  };
}
