/**
 * Where the public pages are served: by the same server as this remote, so its origin is the one
 * webpack resolved the remote's files from (`publicPath: 'auto'`).
 */
declare const __webpack_public_path__: string;

export function publicOrigin(): string {
  return new URL(__webpack_public_path__, window.location.href).origin;
}
