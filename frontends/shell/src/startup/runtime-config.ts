/** The shell's runtime configuration, served as /config.json by whoever hosts the shell. */

export interface RemoteEntry {
  /** Module Federation name of the remote, e.g. `admin`; the shell loads `<name>/App`. */
  name: string;
  /** Absolute URL of the remote's `mf-manifest.json`. */
  manifest: string;
}

export interface RuntimeConfig {
  keycloak: { url: string; realm: string; clientId: string };
  /** The gateway's API root, e.g. `http://localhost:3000/api`. */
  apiUrl: string;
  remotes: RemoteEntry[];
}

export async function loadRuntimeConfig(url = '/config.json'): Promise<RuntimeConfig> {
  const response = await fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return parseRuntimeConfig(await response.json());
}

export function parseRuntimeConfig(value: unknown): RuntimeConfig {
  const config = value as Partial<RuntimeConfig> | null;
  const text = (v: unknown): v is string => typeof v === 'string' && v !== '';
  if (
    !config ||
    !config.keycloak ||
    !text(config.keycloak.url) ||
    !text(config.keycloak.realm) ||
    !text(config.keycloak.clientId) ||
    !text(config.apiUrl) ||
    !Array.isArray(config.remotes) ||
    !config.remotes.every((remote) => remote && text(remote.name) && text(remote.manifest))
  ) {
    throw new Error(
      'config.json lacks keycloak {url, realm, clientId}, apiUrl or remotes [{name, manifest}]',
    );
  }
  return {
    keycloak: {
      url: config.keycloak.url,
      realm: config.keycloak.realm,
      clientId: config.keycloak.clientId,
    },
    apiUrl: config.apiUrl,
    remotes: config.remotes.map(({ name, manifest }) => ({ name, manifest })),
  };
}
