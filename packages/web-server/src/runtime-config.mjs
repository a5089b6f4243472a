/** Builds the shell's runtime /config.json from the environment, so one build serves every deployment. */
import { URL } from 'node:url';

/** Remotes the portal has, with the env variable and default port of each (as deploy/local/lib/env.sh). */
const knownRemotes = [
  { name: 'selfAssessment', portEnv: 'PAR_REMOTE_SELF_ASSESSMENT_PORT', port: 4101 },
  { name: 'appraisal', portEnv: 'PAR_REMOTE_APPRAISAL_PORT', port: 4102 },
  { name: 'admin', portEnv: 'PAR_REMOTE_ADMIN_PORT', port: 4103 },
  { name: 'publicPages', portEnv: 'PAR_PUBLIC_PORT', port: 4104 },
];

/**
 * @typedef {{ name: string, manifest: string }} RemoteEntry
 * @typedef {{
 *   keycloak: { url: string, realm: string, clientId: string },
 *   apiUrl: string,
 *   remotes: RemoteEntry[],
 * }} RuntimeConfig
 */

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {RuntimeConfig}
 */
export function runtimeConfigFromEnv(env) {
  const offset = Number(env.PAR_PORT_OFFSET ?? 0) || 0;
  const port = (/** @type {string} */ name, /** @type {number} */ base) =>
    Number(env[name] ?? base + offset);
  const gatewayUrl = env.PAR_GATEWAY_URL ?? `http://localhost:${port('PAR_GATEWAY_PORT', 3000)}`;
  return {
    keycloak: {
      url: env.PAR_KEYCLOAK_URL ?? `http://localhost:${port('PAR_KEYCLOAK_PORT', 8080)}`,
      realm: env.PAR_KEYCLOAK_REALM ?? 'par-portal',
      clientId: env.PAR_KEYCLOAK_CLIENT_ID ?? 'par-portal',
    },
    apiUrl: env.PAR_API_URL ?? `${gatewayUrl}/api`,
    remotes: env.PAR_REMOTES
      ? parseRemotes(env.PAR_REMOTES)
      : knownRemotes.map((remote) => ({
          name: remote.name,
          manifest: `http://localhost:${port(remote.portEnv, remote.port)}/mf-manifest.json`,
        })),
  };
}

/**
 * Fails at start-up rather than serving a config the shell cannot use.
 * @param {string} text
 * @returns {RemoteEntry[]}
 */
export function parseRemotes(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`PAR_REMOTES is not valid JSON: ${/** @type {Error} */ (error).message}`);
  }
  if (!Array.isArray(value))
    throw new Error('PAR_REMOTES must be a JSON array of {name, manifest}');
  return value.map((entry, index) => {
    if (
      !entry ||
      typeof entry.name !== 'string' ||
      !/^[A-Za-z_][A-Za-z0-9_]*$/.test(entry.name) ||
      typeof entry.manifest !== 'string' ||
      !URL.canParse(entry.manifest)
    ) {
      throw new Error(
        `PAR_REMOTES[${index}] needs a "name" (letters, digits, underscore) and an absolute "manifest" URL`,
      );
    }
    return { name: entry.name, manifest: entry.manifest };
  });
}
