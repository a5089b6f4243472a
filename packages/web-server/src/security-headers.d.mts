/** Types of security-headers.mjs, for the TypeScript tests that compare the nginx images with it. */
export interface RuntimeConfig {
  keycloak: { url: string; realm: string; clientId: string };
  apiUrl: string;
  remotes: Array<{ name: string; manifest: string }>;
}

export function contentSecurityPolicy(options: {
  runtimeConfig?: RuntimeConfig;
  connectSources?: string[];
}): string;

export function securityHeaders(options: {
  runtimeConfig?: RuntimeConfig;
  env?: Record<string, string | undefined>;
}): Record<string, string>;
