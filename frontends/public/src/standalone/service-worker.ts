/**
 * The public page's service worker (Workbox): the page's files are precached, so the surveyors'
 * form opens without a connection; every navigation answers the cached page; the questionnaires
 * and campaign states read from the API are kept, newest first, for the same reason. Answers are
 * never sent from here: the page's outbox (IndexedDB) sends them once the connection is back.
 */
import {
  precacheAndRoute,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';

interface ServiceWorkerScope {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(
    type: 'install' | 'activate',
    listener: (event: { waitUntil(p: Promise<unknown>): void }) => void,
  ): void;
}
const scope = self as unknown as ServiceWorkerScope;

// Written out as `self.__WB_MANIFEST`: InjectManifest replaces exactly that text.
precacheAndRoute((self as unknown as ServiceWorkerScope).__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/cong-khai/index.html'), {
    allowlist: [/^\/cong-khai\//],
  }),
);
registerRoute(
  ({ url, request }) =>
    request.method === 'GET' &&
    (url.pathname === '/config.json' || /\/api\/public\//.test(url.pathname)),
  new NetworkFirst({ cacheName: 'par-public-reads', networkTimeoutSeconds: 4 }),
);

scope.addEventListener('install', (event) => event.waitUntil(scope.skipWaiting()));
scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()));
