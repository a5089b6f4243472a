/**
 * zod as every frontend bundle imports it (webpack's alias for `zod`): told not to look for
 * eval. The portal's Content-Security-Policy forbids eval, and zod's probe for it
 * (`Function('')` on the first parse) would make the browser report a violation on every page
 * that validates a form; zod then parses without compiling, as it would have after the probe.
 */
import { z } from 'zod-original';

z.config({ jitless: true });

export * from 'zod-original';
