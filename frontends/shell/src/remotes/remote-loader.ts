/** Finds the remotes from the runtime config and loads their `./App`, through Module Federation. */
import type { ComponentType } from 'react';
import { loadRemote, registerRemotes } from '@module-federation/enhanced/runtime';
import type { RemoteAppProps } from '@par/ui';
import type { RemoteEntry } from '../startup/runtime-config';

type RemoteAppModule = { default: ComponentType<RemoteAppProps> };

const toRemote = (remote: RemoteEntry) => ({ name: remote.name, entry: remote.manifest });

export function registerPortalRemotes(remotes: readonly RemoteEntry[]): void {
  registerRemotes(remotes.map(toRemote));
}

/**
 * Loads `<name>/App`. A retry registers the remote again with `force`, which drops what the
 * federation runtime cached from the failed attempt (manifest, entry script).
 */
export async function loadRemoteApp(remote: RemoteEntry, retry: boolean): Promise<RemoteAppModule> {
  if (retry) registerRemotes([toRemote(remote)], { force: true });
  const module = await loadRemote<RemoteAppModule>(`${remote.name}/App`);
  if (!module?.default) throw new Error(`remote ${remote.name} did not provide ./App`);
  return module;
}
