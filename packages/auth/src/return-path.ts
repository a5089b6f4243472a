/**
 * Keycloak only accepts the shell's root as redirect URI, so the page the user asked for is kept
 * in sessionStorage across the login round trip and restored after it.
 */
const storageKey = 'par.returnPath';

type Place = Pick<Location, 'pathname' | 'search' | 'hash'>;
type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** True while the URL carries Keycloak's answer (`#state=…&code=…` or an error). */
export function isLoginCallback(location: Place): boolean {
  return /(^|[#&?])(state|code|error)=/.test(location.hash) || /[?&]state=/.test(location.search);
}

export function rememberReturnPath(location: Place, storage: KeyValueStore = sessionStorage): void {
  if (isLoginCallback(location)) return;
  const path = location.pathname + location.search + location.hash;
  // Opening the root asks for no page in particular: forget an older wish of this tab.
  if (path === '/') storage.removeItem(storageKey);
  else if (path.startsWith('/')) storage.setItem(storageKey, path);
}

/** Puts the remembered path back into the address bar (without a reload) and forgets it. */
export function restoreReturnPath(
  history: Pick<History, 'replaceState'>,
  storage: KeyValueStore = sessionStorage,
): void {
  const path = storage.getItem(storageKey);
  storage.removeItem(storageKey);
  if (path && path.startsWith('/') && !path.startsWith('//')) history.replaceState(null, '', path);
}
