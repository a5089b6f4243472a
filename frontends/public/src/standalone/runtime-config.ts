/** The page's runtime settings, from `/config.json` of the server that serves it (as the shell's). */
export interface PublicRuntimeConfig {
  apiUrl: string;
}

let loaded: Promise<PublicRuntimeConfig> | undefined;

export function runtimeConfig(): Promise<PublicRuntimeConfig> {
  loaded ??= fetch('/config.json', { headers: { Accept: 'application/json' } })
    .then((response) => {
      if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
      return response.json() as Promise<PublicRuntimeConfig>;
    })
    .catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
  return loaded;
}
